package io.flipside.ingest;

import io.flipside.files.Folders;
import io.flipside.parquet.ParquetRows;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.quality.LookupChecks;
import io.flipside.quality.QualityChecks;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Reads, checks and writes a dataset in one pass when every rule across its rows can be applied as it is
 * read ({@link #handles}): each task writes its rows straight to {@code curated/DATASET/} or the
 * quarantine as Parquet ({@link ParquetRows}) and hands back only its counts. Through Spark's writer
 * the activity events were converted to Spark rows, cached, counted, read back, sorted by month and
 * then encoded; at scale 100 that was 44 of the run's 270 CPU seconds for 6 million events, where
 * reading, checking and encoding them takes 17.
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
     * The curated columns written without a dictionary: with nearly every value in a file distinct (times,
     * row numbers, pseudonyms), the writer filled a dictionary only to drop it for plain values. Without
     * it the activity events' write at scale 100 took 1.1 of 17 CPU seconds less, in 2 % smaller files.
     */
    private static Set<String> noDictionary(DatasetSchema schema) {
        Set<String> columns = new HashSet<>(Set.of(StagedRows.SOURCE_ROW));
        for (Field f : schema.fields()) {
            if (f.personId() || f.type() == FieldType.TIMESTAMP) {
                columns.add(f.name());
            }
        }
        return Set.copyOf(columns);
    }

    /**
     * Whether {@code files} of {@code schema} can be checked in one pass: when its reasons are
     * {@linkplain QualityChecks#decidedWhenRead decided when read}, or when its only rule across rows is
     * its unique key and one task reads every row (a single text file): the first valid row of an id is
     * then the first the task meets.
     */
    static boolean handles(DatasetSchema schema, List<InputFile> files) {
        return QualityChecks.decidedWhenRead(schema) || QualityChecks.onlyUniqueKeyAcrossRows(schema)
                && files.size() == 1 && files.get(0).format() != InputFile.Format.PARQUET;
    }

    /** What one task wrote, relative to the dataset's folders, and its counts. */
    private record TaskFiles(long attempt, List<String> curated, List<String> quarantined, RowCounts counts)
            implements Serializable {
    }

    /**
     * Reads {@code files}, writes their valid rows to {@code outputs.curated()/DATASET} (always, if only an
     * empty file, so the dataset can be read back) and the others to {@code outputs.quarantine()/DATASET}
     * (only when there are some), and returns the counts.
     */
    static RowCounts run(SparkSession spark, DatasetSchema schema, List<InputFile> files, Pseudonymizer pseudonymizer,
            Broadcast<LookupChecks> lookups, IngestOutputs outputs) {
        if (!handles(schema, files)) {
            throw new IllegalArgumentException(schema.name() + " has rules across rows or files: it cannot be written"
                    + " as read");
        }
        RowValidator validator = new RowValidator(schema, pseudonymizer);
        List<String> names = schema.fieldNames();
        Path curatedDir = outputs.curated().resolve(schema.name());
        Path quarantineDir = outputs.quarantine().resolve(schema.name());
        String curated = curatedDir.toString();
        String quarantine = quarantineDir.toString();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaRDD<TaskFiles>> tasks = new ArrayList<>();
        List<InputFile> text = files.stream().filter(f -> f.format() != InputFile.Format.PARQUET).toList();
        if (!text.isEmpty()) {
            tasks.add(jsc.parallelize(text, text.size()).mapPartitions(inputs -> {
                TaskWriter w = new TaskWriter(schema, validator, lookups.value(), curated, quarantine);
                return w.writeAll(() -> inputs.forEachRemaining(
                        f -> TextRecords.records(f, names).forEachRemaining(r -> w.accept(f, r))));
            }));
        }
        for (InputFile file : files) {
            if (file.format() == InputFile.Format.PARQUET) {
                tasks.add(DatasetReader.parquetRecords(spark, file, names).mapPartitions(records -> {
                    TaskWriter w = new TaskWriter(schema, validator, lookups.value(), curated, quarantine);
                    return w.writeAll(() -> records.forEachRemaining(r -> w.accept(file, r)));
                }));
            }
        }
        List<TaskFiles> done = tasks.size() == 1 ? tasks.get(0).collect()
                : jsc.union(tasks.toArray(JavaRDD[]::new)).collect();
        RowCounts counts = RowCounts.NONE;
        boolean anyCurated = false;
        for (TaskFiles t : done) {
            commit(curatedDir, t.attempt(), t.curated());
            commit(quarantineDir, t.attempt(), t.quarantined());
            anyCurated |= !t.curated().isEmpty();
            counts = counts.plus(t.counts());
        }
        deleteTemporary(curatedDir);
        deleteTemporary(quarantineDir);
        if (!anyCurated) {
            createDirectories(curatedDir);
            ParquetRows.create(curatedDir.resolve(partName(0)), OutputLayout.curated(schema), Set.of()).close();
        }
        return counts;
    }

    private static String partName(int task) {
        return String.format(java.util.Locale.ROOT, "part-%05d.zstd.parquet", task);
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

    /** One task's writers: a curated file per month (or one), a quarantine file once a row fails. */
    private static final class TaskWriter {
        private final DatasetSchema schema;
        private final RowValidator validator;
        private final LookupChecks lookups;
        private final int width;
        private final int eventTime;
        /** The unique key's field, or -1; and the ids of the rows valid on their own rules so far. */
        private final int uniqueKey;
        private final Set<Object> ids = new HashSet<>();
        private final String name;
        private final long attempt;
        private final Path curatedDir;
        private final Path quarantineDir;
        private final Set<String> noDictionary;
        private final Map<YearMonth, ParquetRows> months = new HashMap<>();
        private final List<String> curatedFiles = new ArrayList<>();
        private final List<String> quarantinedFiles = new ArrayList<>();
        private ParquetRows curated;
        private ParquetRows quarantined;
        private long read;
        private long nulled;
        private long rejected;
        private final Map<String, Long> reasons = new TreeMap<>();

        TaskWriter(DatasetSchema schema, RowValidator validator, LookupChecks lookups, String curated, String quarantine) {
            this.schema = schema;
            this.validator = validator;
            this.lookups = lookups;
            this.width = schema.fields().size();
            this.noDictionary = noDictionary(schema);
            this.uniqueKey = schema.uniqueKey() == null ? -1 : schema.fieldNames().indexOf(schema.uniqueKey());
            this.eventTime = OutputLayout.byMonth(schema) ? schema.fieldNames().indexOf("event_time") : -1;
            TaskContext task = TaskContext.get();
            this.name = partName(task.partitionId());
            this.attempt = task.taskAttemptId();
            this.curatedDir = Path.of(curated).resolve(TEMPORARY).resolve(Long.toString(attempt));
            this.quarantineDir = Path.of(quarantine).resolve(TEMPORARY).resolve(Long.toString(attempt));
        }

        /** Runs {@code reading}, which feeds {@link #accept}, then closes every file; one result. */
        java.util.Iterator<TaskFiles> writeAll(Runnable reading) {
            try {
                reading.run();
            } catch (RuntimeException e) {
                closeQuietly();
                throw e;
            }
            months.values().forEach(ParquetRows::close);
            if (curated != null) {
                curated.close();
            }
            if (quarantined != null) {
                quarantined.close();
            }
            return List.of(new TaskFiles(attempt, curatedFiles, quarantinedFiles,
                    new RowCounts(read, rejected, nulled, reasons))).iterator();
        }

        void accept(InputFile file, RawRecord r) {
            DatasetReader.Staged s = DatasetReader.stage(r, schema, validator, lookups);
            read++;
            nulled += s.fieldsNulled();
            String reason = s.reason();
            String detail = s.detail();
            if (uniqueKey >= 0 && reason == null && !ids.add(s.values()[uniqueKey])) {
                reason = Reason.DUPLICATE_KEY.code();
                detail = QualityChecks.duplicateDetail(schema.uniqueKey());
            } else if (reason == null && s.lookupReason() != null) {
                reason = s.lookupReason();
                detail = s.lookupDetail();
            }
            if (reason == null) {
                Object[] row = new Object[width + 2];
                System.arraycopy(s.values(), 0, row, 0, width);
                row[width] = file.relative();
                row[width + 1] = r.row();
                curatedFor(row).write(row);
                return;
            }
            rejected++;
            reasons.merge(reason, 1L, Long::sum);
            Object[] row = new Object[width + 5];
            if (s.raw() != null) {
                System.arraycopy(s.raw(), 0, row, 0, width);
            }
            row[width] = reason;
            row[width + 1] = detail;
            row[width + 2] = file.relative();
            row[width + 3] = r.row();
            row[width + 4] = s.rawRecord();
            if (quarantined == null) {
                quarantined = open(quarantineDir, name, OutputLayout.quarantined(schema), Set.of(), quarantinedFiles);
            }
            quarantined.write(row);
        }

        private ParquetRows curatedFor(Object[] row) {
            if (eventTime < 0) {
                if (curated == null) {
                    curated = open(curatedDir, name, OutputLayout.curated(schema), noDictionary, curatedFiles);
                }
                return curated;
            }
            YearMonth month = OutputLayout.eventMonth((Instant) row[eventTime]);
            ParquetRows w = months.get(month);
            if (w == null) {
                w = open(curatedDir, OutputLayout.monthFolder(month) + "/" + name, OutputLayout.curated(schema),
                        noDictionary, curatedFiles);
                months.put(month, w);
            }
            return w;
        }

        private static ParquetRows open(Path attemptDir, String relative, StructType schema, Set<String> noDictionary,
                List<String> written) {
            Path file = attemptDir.resolve(relative);
            createDirectories(file.getParent());
            written.add(relative);
            return ParquetRows.create(file, schema, noDictionary);
        }

        private void closeQuietly() {
            List<ParquetRows> open = new ArrayList<>(months.values());
            open.add(curated);
            open.add(quarantined);
            for (ParquetRows w : open) {
                try {
                    if (w != null) {
                        w.close();
                    }
                } catch (RuntimeException suppressed) {
                    // the task is failing already; its attempt's folder is deleted with the others
                }
            }
        }
    }
}
