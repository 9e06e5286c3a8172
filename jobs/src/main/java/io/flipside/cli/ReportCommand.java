package io.flipside.cli;

import io.flipside.FlipsideException;
import io.flipside.report.Reports;
import io.flipside.report.OutputReader;
import io.flipside.report.ReportInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-renders the PDFs from the metrics already in an output folder (no Spark).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "A published output folder.")
    Path output;

    @Option(names = "--report-date", paramLabel = "YYYY-MM-DD", description = "Date printed in the reports (default: today).")
    String reportDate;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(output.resolve("manifest.json"))) {
            throw FlipsideException.input(output + " has no manifest.json; expected the output folder of 'flipside run'");
        }
        LocalDate rd = reportDate == null ? LocalDate.now(ZoneOffset.UTC) : CommonOptions.date("--report-date", reportDate);
        ReportInputs in = OutputReader.read(output, rd);
        Path dir = Files.createDirectories(output.resolve("reports"));
        Path tmp = Files.createTempDirectory(dir, ".render");
        try {
            long start = System.nanoTime();
            List<Path> rendered = Reports.renderAll(in, tmp);
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "rendered %d reports in %.2f s%n", rendered.size(),
                    (System.nanoTime() - start) / 1e9);
            for (Path report : rendered) {
                Path target = dir.resolve(report.getFileName());
                Files.move(report, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine().getOut().println("report: " + target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return 0;
    }
}
