package io.flipside.ingest;

import io.flipside.concurrent.Parallel;
import io.flipside.files.Folders;
import io.flipside.parquet.ParquetRows;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.quality.LookupChecks;
import io.flipside.quality.QualityChecks;
import io.flipside.quality.ReferenceRows;
import io.flipside.quality.RoleConflicts;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Reads, checks and writes a dataset in one pass: each task writes its rows straight to
 * {@code curated/DATASET/} or the quarantine as Parquet ({@link ParquetRows}) and hands back its counts,
 * and what the driver needs of the rows it kept: the {@link ReferenceRows} of a dataset others are checked
 * against, and the {@link VersionKeys} of a versioned one. Through Spark's own writer the activity events were converted to Spark rows, cached,
 * counted, read back, sorted by month and then encoded: at scale 100, 44 of the run's 270 CPU seconds
 * for 6 million events, where reading, checking and encoding them takes 17.
 *
 * <p>A dataset without a unique key is read by a task per text file, or run of neighbouring files when
 * there are more files than cores (and per split of a Parquet file), as every rule but a row's own and
 * its {@link LookupChecks} needs other datasets only. A dataset with one is read by a single task in
 * input order (file by file, row by row), so the first valid row of an id is the first that task meets,
 * and the pairs' {@link RoleConflicts} see every pair: these are the HR system's tables, at most a few
 * hundred thousand rows. A dataset of small text files is read on the driver instead, by the same
 * writer ({@link #readOnDriver}).
 *
 * <p>A task writes into a folder of its own attempt, {@code DATASET/_temporary/ATTEMPT/}; once every task
 * has succeeded the driver moves each successful attempt's files into place and deletes the rest, so a
 * task retried after a lost executor leaves no partial file behind. Files are named after the task
 * ({@code part-00003.zstd.parquet}, in a month's folder for activity events).
 */
final class SinglePassWrite {
    private static final String TEMPORARY = "_temporary";

    private SinglePassWrite() {
    }

    /**
     * What one task wrote, relative to the dataset's folders, and its counts; its kept rows when other
     * datasets are checked against this one, and its visible versions when the dataset is versioned (else
     * null).
     */
    private record TaskFiles(long attempt, List<String> curated, List<String> quarantined, RowCounts counts,
            ReferenceRows references, VersionKeys versions) implements Serializable {
    }

    /**
     * A dataset's counts, and its valid rows as other datasets' checks read them.
     *
     * @param superseded the valid rows that lost to a later version of their key at the as-of date
     * @param references null when no dataset is checked against this one
     */
    record Written(RowCounts counts, long superseded, ReferenceRows references) {
    }

    /** What a task needs to check and write its rows; the writer is made in the task. */
    private record Plan(DatasetSchema schema, RowValidator validator, RoleConflicts roles, LocalDate asOf,
            String curated, String quarantine) implements Serializable {
        /** The writer of the Spark task this runs in. */
        TaskWriter writer(Broadcast<LookupChecks> lookups) {
            TaskContext task = TaskContext.get();
            return new TaskWriter(this, lookups.value(), task.partitionId(), task.taskAttemptId());
        }
    }

    /**
     * Reads {@code files} (in input order), writes their valid rows to {@code outputs.curated()/DATASET}
     * (always, if only an empty file, so the dataset can be read back) and the others to
     * {@code outputs.quarantine()/DATASET} (only when there are some), and returns the counts and, when other
     * datasets are checked against this one, its {@link ReferenceRows}.
     *
     * @param roles       the pairs' role conflicts, null for every other dataset
     * @param driverBytes text inputs of at most this many bytes in all are read on the driver (see
     *                    {@link #readOnDriver})
     * @param submitting  run once the dataset's Spark job is submitted, or before the driver reads it
     */
    static Written run(SparkSession spark, DatasetSchema schema, List<InputFile> files, Pseudonymizer pseudonymizer,
            LookupChecks lookups, RoleConflicts roles, LocalDate asOf, IngestOutputs outputs, long driverBytes,
            Runnable submitting) {
        if (schema.name().equals(Datasets.PAIRS.name()) != (roles != null)) {
            throw new IllegalArgumentException("role conflicts are the pairs' rule, and theirs only: " + schema.name());
        }
        Path curatedDir = outputs.curated().resolve(schema.name());
        Path quarantineDir = outputs.quarantine().resolve(schema.name());
        // a copy of its own: the driver reads several small datasets at once, and a pseudonymizer remembers ids
        Plan plan = new Plan(schema, new RowValidator(schema, pseudonymizer.copy()), roles, asOf, curatedDir.toString(),
                quarantineDir.toString());
        List<TaskFiles> done;
        if (readOnDriver(files, driverBytes)) {
            submitting.run();
            done = List.of(onDriver(plan, lookups, files));
        } else {
            Broadcast<LookupChecks> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(lookups);
            try {
                JavaRDD<TaskFiles> tasks = schema.uniqueKey() == null ? inParallel(spark, plan, shared, files)
                        : inOneTask(spark, plan, shared, files);
                done = Parallel.collect(tasks, submitting);
            } finally {
                shared.unpersist();
            }
        }
        RowCounts counts = RowCounts.NONE;
        boolean anyCurated = false;
        List<ReferenceRows> references = new ArrayList<>();
        List<VersionKeys> versions = new ArrayList<>();
        for (TaskFiles t : done) {
            commit(curatedDir, t.attempt(), t.curated());
            commit(quarantineDir, t.attempt(), t.quarantined());
            anyCurated |= !t.curated().isEmpty();
            counts = counts.plus(t.counts());
            if (t.references() != null) {
                references.add(t.references());
            }
            if (t.versions() != null) {
                versions.add(t.versions());
            }
        }
        deleteTemporary(curatedDir);
        deleteTemporary(quarantineDir);
        if (!anyCurated) {
            createDirectories(curatedDir);
            ParquetRows.create(curatedDir.resolve(partName(0)), OutputLayout.curated(schema), Set.of()).close();
        }
        return new Written(counts, VersionKeys.superseded(versions), ReferenceRows.collected(schema.name())
                ? ReferenceRows.union(schema.name(), references) : null);
    }

    /**
     * Whether {@code files} are read on the calling thread rather than in a Spark job: text files of at
     * most {@code driverBytes} in all. A job for a few hundred rows costs more than reading them, and at
     * scale 100 the jobs of the cohorts and the survey items (52 rows) took both task slots for 0.8 s while
     * the employees' task, on the ingest's longest path (employees, pairs, activity events), waited. It is
     * one thread, in input order, as a dataset with a unique key is read anyway; the driver writes the
     * outputs' folders itself (the commit), so it reaches them.
     */
    static boolean readOnDriver(List<InputFile> files, long driverBytes) {
        return files.stream().noneMatch(f -> f.format() == InputFile.Format.PARQUET)
                && files.stream().mapToLong(InputFile::bytes).sum() <= driverBytes;
    }

    /** The driver's reading: one writer, as task 0 of the dataset's only attempt; nothing broadcast. */
    private static TaskFiles onDriver(Plan plan, LookupChecks lookups, List<InputFile> files) {
        List<String> names = plan.schema().fieldNames();
        TaskWriter w = new TaskWriter(plan, lookups, 0, 0);
        return w.writeAll(() -> files.forEach(f -> TextRecords.records(f, names).forEachRemaining(r -> w.accept(f, r))))
                .next();
    }

    /** A task per text file (or run of them) and per split of a Parquet file. */
    private static JavaRDD<TaskFiles> inParallel(SparkSession spark, Plan plan, Broadcast<LookupChecks> lookups,
            List<InputFile> files) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> names = plan.schema().fieldNames();
        List<JavaRDD<TaskFiles>> tasks = new ArrayList<>();
        List<InputFile> text = files.stream().filter(f -> f.format() != InputFile.Format.PARQUET).toList();
        if (!text.isEmpty()) {
            // neighbouring files share a task when there are more files than cores: each task writes a file
            // per month, and a task per file gave 182 curated files for 7 input files, which cost the
            // activity job reading them half a second more at scale 10 and at scale 100
            int slices = Math.min(text.size(), jsc.defaultParallelism());
            tasks.add(jsc.parallelize(text, slices).mapPartitions(inputs -> {
                TaskWriter w = plan.writer(lookups);
                return w.writeAll(() -> inputs.forEachRemaining(
                        f -> TextRecords.records(f, names).forEachRemaining(r -> w.accept(f, r))));
            }));
        }
        for (InputFile file : files) {
            if (file.format() == InputFile.Format.PARQUET) {
                tasks.add(DatasetReader.parquetRecords(spark, file, names).mapPartitions(records -> {
                    TaskWriter w = plan.writer(lookups);
                    return w.writeAll(() -> records.forEachRemaining(r -> w.accept(file, r)));
                }));
            }
        }
        return union(jsc, tasks);
    }

    /** One task reading every file in input order. */
    private static JavaRDD<TaskFiles> inOneTask(SparkSession spark, Plan plan, Broadcast<LookupChecks> lookups,
            List<InputFile> files) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> names = plan.schema().fieldNames();
        List<JavaRDD<Tuple2<InputFile, RawRecord>>> inOrder = new ArrayList<>();
        for (InputFile file : files) {
            inOrder.add(file.format() == InputFile.Format.PARQUET
                    ? DatasetReader.parquetRecords(spark, file, names).map(r -> new Tuple2<>(file, r))
                    : jsc.parallelize(List.of(file), 1).flatMap(f -> withFile(f, TextRecords.records(f, names))));
        }
        // without a shuffle, one partition takes its parents' partitions in order
        return union(jsc, inOrder).coalesce(1).mapPartitions(records -> {
            TaskWriter w = plan.writer(lookups);
            return w.writeAll(() -> records.forEachRemaining(t -> w.accept(t._1(), t._2())));
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> JavaRDD<T> union(JavaSparkContext jsc, List<JavaRDD<T>> rdds) {
        return rdds.size() == 1 ? rdds.get(0) : jsc.union(rdds.toArray(JavaRDD[]::new));
    }

    private static Iterator<Tuple2<InputFile, RawRecord>> withFile(InputFile file, Iterator<RawRecord> records) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Tuple2<InputFile, RawRecord> next() {
                return new Tuple2<>(file, records.next());
            }
        };
    }

    private static String partName(int task) {
        return String.format(Locale.ROOT, "part-%05d.zstd.parquet", task);
    }

    private static void commit(Path datasetDir, long attempt, List<String> files) {
        Path from = datasetDir.resolve(TEMPORARY).resolve(Long.toString(attempt));
        for (String f : files) {
            Path to = datasetDir.resolve(f);
            createDirectories(to.getParent());
            try {
                Files.move(from.resolve(f), to);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move a task's output into " + to, e);
            }
        }
    }

    /** Deletes the attempts' folders, and the dataset's folder when nothing else was written into it. */
    private static void deleteTemporary(Path datasetDir) {
        Path temporary = datasetDir.resolve(TEMPORARY);
        if (!Files.exists(temporary)) {
            return;
        }
        Folders.delete(temporary);
        try (Stream<Path> left = Files.list(datasetDir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(datasetDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + datasetDir, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * One task's writers: a curated file per month (or one), a quarantine file once a row fails; the ids
     * seen and, for pairs, the valid pairs held back until every pair is read; and what the driver needs
     * of the kept rows ({@link ReferenceRows}, {@link VersionKeys}).
     */
    private static final class TaskWriter {
        private final DatasetSchema schema;
        private final RowValidator validator;
        private final LookupChecks lookups;
        private final RoleConflicts roles;
        private final int width;
        /** The unique key's field, or -1; and the ids of the rows valid on their own rules so far. */
        private final int uniqueKey;
        private final Set<Object> ids = new HashSet<>();
        private final List<Held> held = new ArrayList<>();
        /** The kept rows others are checked against, or null. */
        private final ReferenceRows.Builder references;
        /** The visible rows' version keys, or null when the dataset is not versioned. */
        private final VersionKeys.Builder versions;
        private final String name;
        private final long attempt;
        private final DatasetFiles curated;
        private final DatasetFiles quarantined;
        private long read;
        private long nulled;
        private long rejected;
        private final Map<String, Long> reasons = new TreeMap<>();

        /** A valid pair waiting for the role conflicts. */
        private record Held(DatasetReader.Staged staged, InputFile file, long row) {
        }

        /**
         * @param task    the task's number, which names its files
         * @param attempt the attempt, which names the folder its files are written in until the commit
         */
        TaskWriter(Plan plan, LookupChecks lookups, int task, long attempt) {
            this.schema = plan.schema();
            this.validator = plan.validator();
            this.lookups = lookups;
            this.roles = plan.roles();
            this.width = schema.fields().size();
            this.uniqueKey = schema.uniqueKey() == null ? -1 : schema.fieldNames().indexOf(schema.uniqueKey());
            this.references = ReferenceRows.collected(schema.name()) ? ReferenceRows.builder(schema) : null;
            this.versions = schema.versionKey().isEmpty() ? null : VersionKeys.builder(schema, plan.asOf());
            this.name = partName(task);
            this.attempt = attempt;
            this.curated = DatasetFiles.curated(Path.of(plan.curated()).resolve(TEMPORARY).resolve(Long.toString(attempt)),
                    name, schema);
            this.quarantined = DatasetFiles.quarantined(
                    Path.of(plan.quarantine()).resolve(TEMPORARY).resolve(Long.toString(attempt)), name, schema);
        }

        /**
         * Runs {@code reading}, which feeds {@link #accept}, then closes every file, also when reading fails
         * (a close's failure is then suppressed onto the reading's); one result.
         */
        Iterator<TaskFiles> writeAll(Runnable reading) {
            try (curated; quarantined) {
                reading.run();
                if (roles != null) {
                    BitSet conflicting = roles.conflicting(held.stream().map(h -> h.staged().values()).toList());
                    for (int i = 0; i < held.size(); i++) {
                        Held h = held.get(i);
                        if (conflicting.get(i)) {
                            quarantine(h.staged(), Reason.ROLE_CONFLICT.code(), RoleConflicts.DETAIL, h.file(), h.row());
                        } else {
                            keep(h.staged(), h.file(), h.row());
                        }
                    }
                }
            }
            return List.of(new TaskFiles(attempt, curated.files(), quarantined.files(),
                    new RowCounts(read, rejected, nulled, reasons), references == null ? null : references.build(),
                    versions == null ? null : versions.build())).iterator();
        }

        /**
         * Checks one record: its own rules, then its id against earlier valid rows', then its lookups (a row
         * that fails a lookup still holds its id), then, for pairs, the role conflicts once all are read.
         */
        void accept(InputFile file, RawRecord r) {
            DatasetReader.Staged s = DatasetReader.stage(r, validator, lookups);
            read++;
            nulled += s.fieldsNulled();
            if (s.reason() != null) {
                quarantine(s, s.reason(), s.detail(), file, r.row());
            } else if (uniqueKey >= 0 && !ids.add(s.values()[uniqueKey])) {
                quarantine(s, Reason.DUPLICATE_KEY.code(), QualityChecks.duplicateDetail(schema.uniqueKey()), file,
                        r.row());
            } else if (s.lookupReason() != null) {
                quarantine(s, s.lookupReason(), s.lookupDetail(), file, r.row());
            } else if (roles != null) {
                held.add(new Held(s, file, r.row()));
            } else {
                keep(s, file, r.row());
            }
        }

        private void keep(DatasetReader.Staged s, InputFile file, long row) {
            if (references != null) {
                references.add(s.values());
            }
            if (versions != null) {
                versions.add(s.values());
            }
            curated.write(OutputLayout.curatedRow(s.values(), file.relative(), row));
        }

        private void quarantine(DatasetReader.Staged s, String reason, String detail, InputFile file, long row) {
            rejected++;
            reasons.merge(reason, 1L, Long::sum);
            quarantined.write(OutputLayout.quarantinedRow(width, s.raw(), reason, detail, file.relative(), row,
                    s.rawRecord()));
        }
    }
}
