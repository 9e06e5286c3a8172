package io.flipside.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipside.bench.DuckDbReference;
import io.flipside.bench.TableComparison;
import io.flipside.bench.JvmCpu;
import io.flipside.bench.SparkSameTables;
import io.flipside.bench.ValidationFloor;
import io.flipside.config.ConfigLoader;
import io.flipside.config.FlipsideConfig;
import io.flipside.files.Folders;
import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.activity.ActivityJob;
import io.flipside.metrics.engagement.EngagementJob;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.pipeline.RunRequest;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.SampleDataGenerator;
import io.flipside.spark.SparkSessions;
import io.flipside.tables.TableCsv;
import io.flipside.tables.TableDef;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generates data at a scale, runs the full pipeline on it and prints stage times, rows/s and peak heap.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--scale", required = true, paramLabel = "N", description = "Generator scale (1 is about 2,000 employees).")
    int scale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to put the data and output (default: a temp folder).")
    Path work;

    @Override
    public Integer call() throws Exception {
        CommonOptions.scale(spec, scale);
        PrintWriter out = spec.commandLine().getOut();
        Path dir = work != null ? Files.createDirectories(CommonOptions.folder(spec, "--work", work))
                : Folders.temporary("flipside-bench-", "the benchmark");
        Path input = dir.resolve("input");
        long t0 = System.nanoTime();
        if (!Files.isRegularFile(input.resolve("flipside.yaml"))) {
            new SampleDataGenerator(GeneratorOptions.of(scale, seed)).writeTo(input);
            out.printf(Locale.ROOT, "generate    %8.1f s  scale %d into %s%n", (System.nanoTime() - t0) / 1e9, scale, input);
        }
        FlipsideConfig config = ConfigLoader.load(input.resolve("flipside.yaml"));
        HeapSampler heap = new HeapSampler();
        heap.start();
        JvmCpu cpuBefore = JvmCpu.now();
        long start = System.nanoTime();
        int exit = PipelineLauncher.launch(new RunRequest(input, dir.resolve("output"), config, "local[*]",
                LocalDate.of(2026, 10, 1)), common.verbose, new PrintWriter(new StringWriter()), spec.commandLine().getErr());
        double total = (System.nanoTime() - start) / 1e9;
        JvmCpu cpu = JvmCpu.now().since(cpuBefore);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("output/manifest.json").toFile());
        out.printf(Locale.ROOT, "run         %8.1f s%n", total);
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("stages").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.printf(Locale.ROOT, "  %-22s %8.1f s%n", e.getKey(), e.getValue().path("ms").asLong() / 1e3);
        }
        long rows = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("datasets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode d = e.getValue();
            long read = d.path("rows_read").asLong();
            long ms = Math.max(1, d.path("ms").asLong());
            rows += read;
            out.printf(Locale.ROOT, "  ingest %-17s %,12d rows %8.1f s %,12.0f rows/s%n", e.getKey(), read, ms / 1e3,
                    read * 1000.0 / ms);
        }
        long ingestMs = Math.max(1, m.at("/stages/ingest/ms").asLong());
        out.printf(Locale.ROOT, "  ingest total             %,12d rows %8.1f s %,12.0f rows/s%n", rows, ingestMs / 1e3,
                rows * 1000.0 / ingestMs);
        long events = m.at("/datasets/activity_events/rows_valid").asLong();
        long activityMs = Math.max(1, m.at("/stages/metrics.activity/ms").asLong());
        out.printf(Locale.ROOT, "  activity metrics         %,12d events %6.1f s %,12.0f events/s (alongside other jobs)%n",
                events, activityMs / 1e3, events * 1000.0 / activityMs);
        heap.interrupt();
        out.printf(Locale.ROOT, "peak heap   %8.0f MiB used of %.0f MiB max (sampled every 50 ms)%n",
                heap.peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        out.printf(Locale.ROOT, "cpu         %8.1f s  in the run on %d cores: JIT compiler threads %s,"
                + " garbage collector threads %s%n", cpu.processMillis() / 1e3, Runtime.getRuntime().availableProcessors(),
                seconds(cpu.compilerMillis()), seconds(cpu.gcMillis()));
        out.printf(Locale.ROOT, "jvm         %s%n", speedOptions());
        ValidationFloor.Result floor = ValidationFloor.measure(input);
        out.printf(Locale.ROOT, "validation  %8.1f s  every row read and validated on one thread without Spark: %,d rows,"
                + " %,.0f rows/s (the ingest's own per-row work)%n", floor.millis() / 1e3, floor.rows(),
                floor.rows() * 1000.0 / Math.max(1, floor.millis()));
        out.printf(Locale.ROOT, "  writing   %8.1f s  the same with each valid row also written as curated Parquet, as the ingest"
                + " writes it (%,d rows in the files): %.2f microseconds a valid row more%n", floor.writeMillis() / 1e3,
                floor.written(), (floor.writeMillis() - floor.millis()) * 1000.0 / Math.max(1, floor.valid()));
        out.println("the three tables' computations alone on the curated data:");
        Map<String, Double> alone;
        SparkSameTables.Result same;
        try (SparkSessions.Handle session = SparkSessions.open("local[*]", 4)) {
            alone = metricsAlone(out, session.spark(), config, dir.resolve("output/curated"), events);
            same = sameTablesInSpark(out, session.spark(), input, dir, config);
        }
        compareWithDuckDb(out, input, dir.resolve("output"), config, m, alone, same);
        return exit;
    }

    /**
     * The JVM's own options (heap, collector, compiler thresholds, huge pages), which the figures depend on
     * as much as the code: the launcher picks them, {@code FLIPSIDE_JAVA_OPTS} replaces them. The module
     * flags and the class-data archive are left out.
     */
    private static String speedOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:") && !a.startsWith("-XX:SharedArchiveFile")
                        && !a.startsWith("-XX:ArchiveClassesAtExit") && !a.equals("-XX:+IgnoreUnrecognizedVMOptions"))
                .collect(Collectors.joining(" "));
    }

    private static String seconds(long millis) {
        return millis < 0 ? "unknown (no /proc)" : String.format(Locale.ROOT, "%.1f s", millis / 1e3);
    }

    /**
     * The engagement and activity jobs and the survey job's {@code survey_items} table on their own, three
     * times each on the published curated data in a session of the bench's own, best of three: in the pipeline they
     * share the two cores with the other metric jobs, so their wall times there are not their cost. The
     * survey job's other four tables are left out, as DuckDB's reference computes only this one.
     *
     * @return the best seconds of each job, by metric name
     */
    private static Map<String, Double> metricsAlone(PrintWriter out, SparkSession spark, FlipsideConfig config,
            Path curatedDir, long events) throws IOException {
        Map<String, Function<MetricInputs, ?>> jobs = new LinkedHashMap<>();
        jobs.put("engagement", EngagementJob::compute);
        jobs.put("activity", ActivityJob::compute);
        jobs.put("survey_items", SurveyJob::items);
        Map<String, Double> best = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(curatedDir)) {
            Map<String, Dataset<Row>> curated = new HashMap<>();
            dirs.forEach(d -> curated.put(d.getFileName().toString(), spark.read().parquet(d.toString())));
            for (Map.Entry<String, Function<MetricInputs, ?>> job : jobs.entrySet()) {
                List<Double> seconds = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    // a fresh set of inputs each time: intermediate results are kept per inputs
                    MetricInputs in = new MetricInputs(config.asOf(), config, curated);
                    long start = System.nanoTime();
                    job.getValue().apply(in);
                    seconds.add((System.nanoTime() - start) / 1e9);
                }
                best.put(job.getKey(), Collections.min(seconds));
                out.printf(Locale.ROOT, "  %-12s %6.1f s  alone, best of %s s%s%n", job.getKey(), best.get(job.getKey()),
                        seconds.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList(),
                        job.getKey().equals("activity")
                                ? String.format(Locale.ROOT, ": %,.0f events/s", events / best.get("activity")) : "");
            }
        }
        return best;
    }

    /**
     * Spark's computation of the tables DuckDB computes, from the same CSVs and timed as DuckDB's is: in
     * this process, best of three ({@link SparkSameTables}). The run's own figures above come from one
     * cold start of every dataset and job; this is the like-for-like side of the ratio.
     */
    private static SparkSameTables.Result sameTablesInSpark(PrintWriter out, SparkSession spark, Path input, Path dir,
            FlipsideConfig config) {
        out.println("the same tables in Spark from the same CSVs: the seven datasets they read ingested, then the three"
                + " computations together:");
        List<SparkSameTables.Result> runs = new ArrayList<>();
        SparkSameTables same = new SparkSameTables(spark, config, Pseudonymizer.fromEnvironment());
        for (int i = 0; i < 3; i++) {
            runs.add(same.computeOnce(input, dir.resolve("same-tables")));
        }
        SparkSameTables.Result best = Collections.min(runs, Comparator.comparingLong(SparkSameTables.Result::totalMillis));
        out.printf(Locale.ROOT, "  spark     %6.1f s  best of %s s (ingest %s s): %s%n", best.totalMillis() / 1e3,
                runs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.totalMillis() / 1e3)).toList(),
                runs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.ingestMillis() / 1e3)).toList(),
                best.tables().stream().map(t -> String.format(Locale.ROOT, "%s %,d rows", t.def().name(), t.rows().size()))
                        .collect(Collectors.joining(", ")));
        return best;
    }

    /**
     * The same tables in DuckDB, each way best of three, as Spark's computations alone are (DuckDB's time
     * from the CSVs varied by half between two benches of the same data). From the same CSVs: DuckDB applies
     * the row rules of SPEC §2/§3 to the seven datasets the tables read and computes them, against two
     * Spark sides: {@code same}, the same computation timed alike, and the run's cold figure, its ingest
     * stage until every dataset was checked and written (all ten, in a fresh JVM) plus the three
     * computations alone. From the published curated Parquet: the two engines on the same validated rows,
     * Spark's side the three computations alone. Each DuckDB result is compared with the tables the run
     * wrote, cell by cell, so the ratios compare the same computation.
     */
    private static void compareWithDuckDb(PrintWriter out, Path input, Path output, FlipsideConfig config, JsonNode m,
            Map<String, Double> alone, SparkSameTables.Result same) {
        DuckDbReference.Settings settings = new DuckDbReference.Settings(config.asOf(), config.inactiveAfterDays(),
                config.minGroupSize());
        DuckDbReference.Result duck = bestOfThree(() -> DuckDbReference.fromCsv(input, settings));
        long duckMs = duck.totalMillis();
        double aloneMs = 1000 * alone.values().stream().mapToDouble(Double::doubleValue).sum();
        double sparkMs = m.at("/stages/ingest/ms").asLong() + aloneMs;
        out.printf(Locale.ROOT, "duckdb      %8.1f s  the same tables from the CSVs, row rules applied, best of three %s%n",
                duckMs / 1e3, duck.millis());
        sameTables(out, output, duck);
        out.printf(Locale.ROOT, "spark       %8.1f s  the same computation timed alike: the seven datasets' ingest + the three"
                + " computations together, best of three%n", same.totalMillis() / 1e3);
        out.printf(Locale.ROOT, "ratio       %8.2f x  spark / duckdb%n", same.totalMillis() / (double) Math.max(1, duckMs));
        out.printf(Locale.ROOT, "spark       %8.1f s  the run's cold ingest stage (all ten datasets) + the three computations"
                + " alone, one after another%n", sparkMs / 1e3);
        out.printf(Locale.ROOT, "ratio       %8.2f x  spark / duckdb%n", sparkMs / Math.max(1, duckMs));
        DuckDbReference.Result onCurated = bestOfThree(() -> DuckDbReference.fromCurated(output.resolve("curated"), settings));
        long curatedMs = onCurated.totalMillis();
        out.printf(Locale.ROOT, "duckdb      %8.1f s  the same tables from the curated Parquet, best of three%n",
                curatedMs / 1e3);
        sameTables(out, output, onCurated);
        out.printf(Locale.ROOT, "ratio       %8.1f x  the three Spark computations alone (%.1f s) / duckdb on the curated data%n",
                aloneMs / Math.max(1, curatedMs), aloneMs / 1e3);
    }

    /** Whether DuckDB's tables hold the values the run wrote; what differs, when something does. */
    private static void sameTables(PrintWriter out, Path output, DuckDbReference.Result duck) {
        List<String> summary = new ArrayList<>();
        for (TableDef def : DuckDbReference.TABLES) {
            TableComparison c = TableComparison.of(def, TableCsv.read(def, output.resolve("metrics/" + def.name() + ".csv"))
                    .rows(), duck.tables().get(def.name()));
            summary.add(String.format(Locale.ROOT, "%s %,d rows %s", def.name(), c.rows(), c.same() ? "equal" : "DIFFER"));
            c.problems().forEach(p -> out.println("  differs: " + def.name() + " " + p));
        }
        out.println("  compared with the run's tables, cell by cell: " + String.join(", ", summary));
    }

    private static DuckDbReference.Result bestOfThree(Supplier<DuckDbReference.Result> run) {
        DuckDbReference.Result best = null;
        for (int i = 0; i < 3; i++) {
            DuckDbReference.Result r = run.get();
            if (best == null || r.totalMillis() < best.totalMillis()) {
                best = r;
            }
        }
        return best;
    }

    /** Samples the used heap; the pools' own peaks happen at different times and do not add up. */
    private static final class HeapSampler extends Thread {
        volatile long peak;

        HeapSampler() {
            setDaemon(true);
            setName("flipside-heap-sampler");
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!isInterrupted()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
