package io.flipside.ingest;

import io.flipside.FlipsideException;
import io.flipside.ingest.RowRule.Violation;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.quality.LookupChecks;
import io.flipside.quality.QualityChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * Reads a dataset's files into staged rows ({@link StagedRows}): CSV and JSON Lines with our own
 * record readers inside Spark tasks (one task per file), Parquet with Spark. Each record becomes
 * exactly one row, valid or carrying its reason, so nothing is lost between here and the manifest.
 */
public final class DatasetReader {
    private DatasetReader() {
    }

    /** The header columns of each file, checked on the driver before any job starts. */
    public static List<String> columnsOf(SparkSession spark, InputFile file) {
        return switch (file.format()) {
            case CSV -> TextRecords.csvHeader(file);
            case JSONL -> TextRecords.jsonKeys(file, 1000);
            case PARQUET -> {
                ParquetMagic.check(file);
                try {
                    List<String> cols = new ArrayList<>();
                    for (String c : spark.read().parquet(file.path()).columns()) {
                        cols.add(c.toLowerCase(Locale.ROOT));
                    }
                    yield cols;
                } catch (RuntimeException e) {
                    throw FlipsideException.input(file.path() + ": not a readable Parquet file ("
                            + firstLine(e) + ")", e);
                }
            }
        };
    }

    /**
     * Every record of {@code files} as a staged row, checked against its own rules and, when valid, against
     * {@code lookups} (broadcast: one copy per executor, not one per task).
     */
    public static Dataset<Row> read(SparkSession spark, DatasetSchema schema, List<InputFile> files,
            Pseudonymizer pseudonymizer, Broadcast<LookupChecks> lookups) {
        RowValidator validator = new RowValidator(schema, pseudonymizer);
        List<String> names = schema.fieldNames();
        List<InputFile> text = files.stream().filter(f -> f.format() != InputFile.Format.PARQUET).toList();
        Dataset<Row> out = spark.createDataFrame(new ArrayList<Row>(), StagedRows.schema(schema));
        if (!text.isEmpty()) {
            JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(text, text.size())
                    .flatMap(file -> map(TextRecords.records(file, names), file, schema, validator, lookups.value()));
            out = out.unionAll(spark.createDataFrame(rows, StagedRows.schema(schema)));
        }
        for (InputFile file : files) {
            if (file.format() == InputFile.Format.PARQUET) {
                JavaRDD<Row> rows = parquetRecords(spark, file, names)
                        .mapPartitions(it -> map(it, file, schema, validator, lookups.value()));
                out = out.unionAll(spark.createDataFrame(rows, StagedRows.schema(schema)));
            }
        }
        return out;
    }

    static JavaRDD<RawRecord> parquetRecords(SparkSession spark, InputFile file, List<String> names) {
        Dataset<Row> df = spark.read().parquet(file.path());
        Map<String, String> actual = new HashMap<>();
        for (String c : df.columns()) {
            actual.put(c.toLowerCase(Locale.ROOT), c);
        }
        List<Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(actual.containsKey(n) ? df.col(actual.get(n)).cast(DataTypes.StringType).as(n)
                    : functions.lit(null).cast(DataTypes.StringType).as(n));
        }
        // zipWithIndex follows the file's row order, which is the "input order" of a Parquet file
        return df.select(cols.toArray(new Column[0])).javaRDD().zipWithIndex().map((Tuple2<Row, Long> t) -> {
            String[] values = new String[names.size()];
            for (int i = 0; i < names.size(); i++) {
                values[i] = t._1().getString(i);
            }
            return new RawRecord(t._2() + 1, values, null, null);
        });
    }

    private static Iterator<Row> map(Iterator<RawRecord> records, InputFile file, DatasetSchema schema,
            RowValidator validator, LookupChecks lookups) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                return toRow(records.next(), file, schema, validator, lookups);
            }
        };
    }

    static Row toRow(RawRecord r, InputFile file, DatasetSchema schema, RowValidator validator, LookupChecks lookups) {
        Staged staged = stage(r, schema, validator, lookups);
        int n = schema.fields().size();
        Object[] values = new Object[n + 10];
        if (staged.values() != null) {
            System.arraycopy(staged.values(), 0, values, 0, n);
        }
        values[n] = staged.fieldsNulled();
        values[n + 1] = staged.reason();
        values[n + 2] = staged.detail();
        values[n + 3] = file.relative();
        values[n + 4] = r.row();
        values[n + 5] = file.index();
        values[n + 6] = staged.raw();
        values[n + 7] = staged.rawRecord();
        values[n + 8] = staged.lookupReason();
        values[n + 9] = staged.lookupDetail();
        return RowFactory.create(values);
    }

    /**
     * One record checked: its typed values when it passed its own rules, its first failure, and its
     * original text where something may yet read it.
     *
     * @param values       the typed fields, null when the record failed its own rules (a lookup's failure
     *                     keeps them: a dataset's unique key is read from them)
     * @param reason       the reason code of the first failure, null while valid
     * @param raw          the fields' original text, kept only for rows that are, or may yet be, quarantined:
     *                     nothing else reads it, and copying it into Spark's form for every row cost time
     * @param rawRecord    the whole record's text when it could not be split into fields
     * @param lookupReason the first lookup failure of a row valid on its own rules, in a dataset whose
     *                     reasons are not {@linkplain QualityChecks#decidedWhenRead decided when read}
     */
    record Staged(Object[] values, int fieldsNulled, String reason, String detail, String[] raw, String rawRecord,
            String lookupReason, String lookupDetail) {
    }

    static Staged stage(RawRecord r, DatasetSchema schema, RowValidator validator, LookupChecks lookups) {
        if (r.malformed() != null) {
            return new Staged(null, 0, Reason.MALFORMED_ROW.code(), r.malformed(), null,
                    String.join(",", r.rawFields().stream().map(s -> s == null ? "" : s).toList()), null, null);
        }
        String[] raw = r.values();
        RowValidator.Result result = validator.validate(raw);
        if (!result.valid()) {
            return new Staged(null, result.fieldsNulled(), result.reason().code(), result.detail(), raw, null, null,
                    null);
        }
        Violation v = lookups.check(result.values());
        if (v == null) {
            return new Staged(result.values(), result.fieldsNulled(), null, null,
                    QualityChecks.decidedWhenRead(schema) ? null : raw, null, null, null);
        }
        if (QualityChecks.decidedWhenRead(schema)) {
            return new Staged(result.values(), result.fieldsNulled(), v.reason().code(), v.detail(), raw, null, null,
                    null);
        }
        return new Staged(result.values(), result.fieldsNulled(), null, null, raw, null, v.reason().code(), v.detail());
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
