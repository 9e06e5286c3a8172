package io.flipside.ingest;

import io.flipside.FlipsideException;
import io.flipside.concurrent.Parallel;
import io.flipside.concurrent.WeightedPool;
import io.flipside.files.Folders;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.quality.LookupChecks;
import io.flipside.quality.QualityChecks;
import io.flipside.quality.ReferenceRows;
import io.flipside.quality.RoleConflicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads, validates and writes every input dataset: locate the files, check their columns (exit 4 before
 * any Spark job when a required dataset or column is missing), then check and write each dataset in one
 * pass ({@link SinglePassWrite}) into {@code curated/} and the quarantine. Datasets are checked
 * concurrently, each after those it is checked against; results come back in {@link Datasets#ALL} order.
 */
public final class Ingest {
    private static final int PARALLEL_DATASETS = 3;
    /** Datasets that are read against another's codebook (SPEC §2 lists them in pairs). */
    private static final Map<String, String> NEEDS = Map.of("survey_responses", "survey_items", "assessments", "skills");

    /**
     * Text inputs of a dataset up to this size in all are read on the driver, not in a Spark job: every
     * dataset of the demo's sample but the activity events, and at scale 100 the cohorts, survey items,
     * skills, pairs (740 kB) and job events (939 kB).
     */
    static final long DRIVER_BYTES = 1 << 20;

    private final SparkSession spark;
    private final Pseudonymizer pseudonymizer;
    private final long driverBytes;

    public Ingest(SparkSession spark, Pseudonymizer pseudonymizer) {
        this(spark, pseudonymizer, DRIVER_BYTES);
    }

    /** With another limit for reading on the driver: 0 reads every dataset in Spark jobs. */
    Ingest(SparkSession spark, Pseudonymizer pseudonymizer, long driverBytes) {
        this.spark = spark;
        this.pseudonymizer = pseudonymizer;
        this.driverBytes = driverBytes;
    }

    /**
     * Checks every dataset into a folder of ingest's own under the system's temporary folder (what
     * {@code flipside validate} and tests read). Call {@link IngestResult#release()} when done with the
     * result: it deletes that folder.
     */
    public IngestResult run(Path inputDir, LocalDate asOf) {
        Path scratch = Folders.temporary("flipside-ingest-", "ingest");
        try {
            return run(inputDir, asOf, new IngestOutputs(scratch.resolve("curated"), scratch.resolve("quarantine")),
                    scratch);
        } catch (RuntimeException e) {
            Folders.delete(scratch);
            throw e;
        }
    }

    /** Checks every dataset and writes its curated and quarantined rows to {@code outputs}. */
    public IngestResult run(Path inputDir, LocalDate asOf, IngestOutputs outputs) {
        return run(inputDir, asOf, outputs, null);
    }

    private IngestResult run(Path inputDir, LocalDate asOf, IngestOutputs outputs, Path scratch) {
        long start = System.nanoTime();
        if (!Files.isDirectory(inputDir)) {
            throw FlipsideException.input("input folder " + inputDir + " does not exist or is not a folder");
        }
        Map<String, List<InputFile>> files = new LinkedHashMap<>();
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (DatasetSchema schema : Datasets.ALL) {
            List<InputFile> found = InputLocator.locate(inputDir, schema.name());
            if (found.isEmpty() && schema.required()) {
                throw FlipsideException.input(inputDir + ": required dataset " + schema.name() + " is missing; expected "
                        + schema.name() + ".csv, .jsonl, .parquet or a folder " + schema.name() + "/");
            }
            unknown.put(schema.name(), checkColumns(schema, found));
            files.put(schema.name(), found);
        }
        for (Map.Entry<String, String> need : NEEDS.entrySet()) {
            if (!files.get(need.getKey()).isEmpty() && files.get(need.getValue()).isEmpty()) {
                throw FlipsideException.input(inputDir + ": " + need.getKey() + " is given but " + need.getValue()
                        + " is missing; " + need.getKey() + " can only be read with " + need.getValue());
            }
        }
        // each dataset is checked as soon as the datasets it is checked against are, three at a time:
        // on the demo's sample that measured 3 s faster than a thread per dataset (planning competes for
        // two cores), and Spark's fair pools still let a small job on the long path (pairs) run between a
        // big dataset's tasks. Of those ready, the largest input starts first: started last, behind three
        // smaller ones that became ready with it, the activity events finished the ingest 5 s later
        Map<String, CompletableFuture<Checked>> running = new LinkedHashMap<>();
        Map<String, Integer> waiting = waitingOn();
        Map<String, Long> bytes = new LinkedHashMap<>();
        files.forEach((name, found) -> bytes.put(name, found.stream().mapToLong(InputFile::bytes).sum()));
        String biggest = biggestUnwaited(files, bytes, waiting);
        CompletableFuture<Void> biggestSubmitted = new CompletableFuture<>();
        WeightedPool pool = new WeightedPool(PARALLEL_DATASETS, "flipside-ingest");
        try {
            List<CompletableFuture<Checked>> waitedFor = new ArrayList<>();
            for (DatasetSchema schema : byWaiters(waiting)) {
                List<InputFile> found = files.get(schema.name());
                if (found.isEmpty()) {
                    running.put(schema.name(), CompletableFuture.completedFuture(null));
                    continue;
                }
                List<CompletableFuture<Checked>> deps = dependencies(schema).stream().map(running::get).toList();
                // a dataset nothing waits for starts once every dataset something waits for is checked:
                // started earlier, its long single-file tasks held both cores while pairs, which the biggest
                // dataset waits for, queued for a task slot (30 s for 15,000 pairs at scale 100; with the
                // one-pass ingest, starting them as soon as their own inputs were checked was no faster)
                List<CompletableFuture<?>> after = new ArrayList<>(deps);
                if (waiting.get(schema.name()) == 0) {
                    after.addAll(waitedFor);
                }
                // and its Spark job after the biggest one's. The first jobs submitted take both task slots;
                // when the survey responses and assessments won that race, the activity events started 3-4 s
                // later and one of their tasks ended the ingest alone on one core. Submitted first, they end
                // together, and the smaller datasets fill the gaps on code the JIT has compiled meanwhile:
                // the ingest's last task ended 1.2-2.9 s earlier with 10 million events and 1.4-1.7 s earlier
                // at scale 100 (`flipside validate`, alternating runs, 2026-11-24)
                boolean isBiggest = schema.name().equals(biggest);
                if (biggest != null && !isBiggest && waiting.get(schema.name()) == 0) {
                    after.add(biggestSubmitted);
                }
                Runnable submitting = isBiggest ? () -> biggestSubmitted.complete(null) : () -> { };
                running.put(schema.name(), CompletableFuture.allOf(after.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(x -> {
                            Map<String, ReferenceRows> inputs = new LinkedHashMap<>();
                            deps.forEach(d -> {
                                Checked c = d.join();
                                if (c != null) {
                                    inputs.put(c.summary().dataset(), c.references());
                                }
                            });
                            return check(schema, found, inputs, unknown.get(schema.name()), asOf, outputs, submitting);
                        }, pool.weighing(bytes.get(schema.name()))));
                if (isBiggest) {
                    // a failure before its job was submitted must not keep the others waiting
                    running.get(schema.name()).whenComplete((c, e) -> biggestSubmitted.complete(null));
                }
                if (waiting.get(schema.name()) > 0) {
                    waitedFor.add(running.get(schema.name()));
                }
            }
            Map<String, IngestResult.Rows> checked = new LinkedHashMap<>();
            Map<String, DatasetSummary> summaries = new LinkedHashMap<>();
            for (DatasetSchema schema : Datasets.ALL) {
                Checked c = Parallel.join(running.get(schema.name()));
                if (c == null) {
                    summaries.put(schema.name(), new DatasetSummary(schema.name(), false, List.of(), 0, 0, 0, Map.of(),
                            0, 0, 0, List.of(), 0));
                    continue;
                }
                checked.put(schema.name(), c.rows());
                summaries.put(schema.name(), c.summary());
            }
            return new IngestResult(checked, summaries, (System.nanoTime() - start) / 1_000_000, scratch);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @param references the valid rows as later datasets' checks read them, null when none does */
    private record Checked(IngestResult.Rows rows, ReferenceRows references, DatasetSummary summary) {
    }

    private Checked check(DatasetSchema schema, List<InputFile> found, Map<String, ReferenceRows> inputs,
            List<String> unknown, LocalDate asOf, IngestOutputs outputs, Runnable submitting) {
        long start = System.nanoTime();
        Parallel.nameJobs(spark, "ingest " + schema.name());
        LookupChecks lookups = LookupChecks.of(schema, inputs);
        RoleConflicts roles = schema.name().equals(Datasets.PAIRS.name()) ? RoleConflicts.of(inputs.get("cohorts")) : null;
        SinglePassWrite.Written written = SinglePassWrite.run(spark, schema, found, pseudonymizer, lookups, roles, asOf,
                outputs, driverBytes, submitting);
        RowCounts counts = written.counts();
        Dataset<Row> curated = spark.read().schema(OutputLayout.curated(schema))
                .parquet(outputs.curated().resolve(schema.name()).toString());
        Dataset<Row> quarantined = counts.quarantined() == 0
                ? spark.createDataFrame(List.of(), OutputLayout.quarantined(schema))
                : spark.read().schema(OutputLayout.quarantined(schema))
                        .parquet(outputs.quarantine().resolve(schema.name()).toString());
        long notReverse = schema.name().equals(Datasets.PAIRS.name()) && inputs.containsKey("employees")
                ? NotReverse.count(written.references(), inputs.get("employees")) : 0;
        return new Checked(new IngestResult.Rows(curated, quarantined), written.references(), new DatasetSummary(
                schema.name(), true, found, counts.read(), counts.read() - counts.quarantined(), counts.quarantined(),
                counts.reasons(), counts.nulled(), written.superseded(), notReverse, unknown,
                (System.nanoTime() - start) / 1_000_000));
    }

    /** Of the present datasets nothing waits for, the one with the most bytes of input (the first of equals), or null. */
    private static String biggestUnwaited(Map<String, List<InputFile>> files, Map<String, Long> bytes,
            Map<String, Integer> waiting) {
        String biggest = null;
        for (DatasetSchema schema : Datasets.ALL) {
            String name = schema.name();
            if (!files.get(name).isEmpty() && waiting.get(name) == 0
                    && (biggest == null || bytes.get(name) > bytes.get(biggest))) {
                biggest = name;
            }
        }
        return biggest;
    }

    /** {@link Datasets#ALL} with the datasets something waits for first: none of them waits for another. */
    private static List<DatasetSchema> byWaiters(Map<String, Integer> waiting) {
        List<DatasetSchema> order = new ArrayList<>();
        Datasets.ALL.stream().filter(d -> waiting.get(d.name()) > 0).forEach(order::add);
        Datasets.ALL.stream().filter(d -> waiting.get(d.name()) == 0).forEach(order::add);
        return order;
    }

    /** For each dataset, how many datasets wait for it, directly or through another. */
    static Map<String, Integer> waitingOn() {
        Map<String, Set<String>> waiters = new LinkedHashMap<>();
        Datasets.ALL.forEach(d -> waiters.put(d.name(), new LinkedHashSet<>()));
        // ALL lists a dataset after those it depends on, so walking it backwards sees waiters complete
        for (int i = Datasets.ALL.size() - 1; i >= 0; i--) {
            DatasetSchema schema = Datasets.ALL.get(i);
            for (String dep : dependencies(schema)) {
                waiters.get(dep).add(schema.name());
                waiters.get(dep).addAll(waiters.get(schema.name()));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        waiters.forEach((name, w) -> counts.put(name, w.size()));
        return counts;
    }

    /** What a dataset is checked against, plus the employees the not-reverse count of pairs reads. */
    private static Set<String> dependencies(DatasetSchema schema) {
        Set<String> deps = new LinkedHashSet<>(QualityChecks.inputs(schema));
        if (schema.name().equals("pairs")) {
            deps.add("employees");
        }
        return deps;
    }

    private List<String> checkColumns(DatasetSchema schema, List<InputFile> found) {
        List<String> unknown = new ArrayList<>();
        for (InputFile f : found) {
            List<String> columns = DatasetReader.columnsOf(spark, f);
            if (columns.isEmpty() && f.format() != InputFile.Format.PARQUET) {
                continue;
            }
            for (String required : schema.requiredFieldNames()) {
                if (!columns.contains(required)) {
                    throw FlipsideException.input(f.path() + ": required column " + required + " of " + schema.name()
                            + " is missing; the file has " + columns + ", expected at least "
                            + schema.requiredFieldNames());
                }
            }
            for (String c : columns) {
                if (!schema.fieldNames().contains(c) && !unknown.contains(c)) {
                    unknown.add(c);
                }
            }
        }
        return unknown;
    }
}
