package io.flipside.cli;

import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.SampleDataGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes synthetic input data with known effects (see sample-data/README.md).")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale", required = true, paramLabel = "N", description = "1 is about 2,000 employees and 150 pairs.")
    int scale;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed; the same seed gives the same files.")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder to write the datasets into.")
    Path output;

    @Option(names = "--no-cohort-effect", description = "Plant every cohort alike: the null case for cohort comparisons.")
    boolean noCohortEffect;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        GeneratorOptions options = GeneratorOptions.of(CommonOptions.scale(spec, scale), seed);
        Map<String, Long> rows = new SampleDataGenerator(noCohortEffect ? options.withoutCohortEffect() : options)
                .writeTo(CommonOptions.folder(spec, "--output", output));
        var out = spec.commandLine().getOut();
        new TreeMap<>(rows).forEach((k, v) -> out.printf(java.util.Locale.ROOT, "%-17s %,12d rows%n", k, v));
        out.printf(java.util.Locale.ROOT, "wrote %s in %.1f s (as of %s)%n", output, (System.nanoTime() - start) / 1e9,
                GeneratorOptions.SAMPLE_AS_OF);
        return 0;
    }
}
