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

    private static JavaRDD<RawRecord> parquetRecords(SparkSession spark, InputFile file, List<String> names) {
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
        int n = schema.fields().size();
        Object[] values = new Object[n + 10];
        String[] raw = r.values();
        values[n + 3] = file.relative();
        values[n + 4] = r.row();
        values[n + 5] = file.index();
        if (r.malformed() != null) {
            values[n] = 0;
            values[n + 1] = Reason.MALFORMED_ROW.code();
            values[n + 2] = r.malformed();
            values[n + 7] = String.join(",", r.rawFields().stream().map(s -> s == null ? "" : s).toList());
            return RowFactory.create(values);
        }
        RowValidator.Result result = validator.validate(raw);
        Reason reason = result.reason();
        String detail = result.detail();
        values[n] = result.fieldsNulled();
        boolean decided = QualityChecks.decidedWhenRead(schema);
        if (result.valid()) {
            System.arraycopy(result.values(), 0, values, 0, n);
            Violation v = lookups.check(result.values());
            if (v != null && decided) {
                reason = v.reason();
                detail = v.detail();
            } else if (v != null) {
                values[n + 8] = v.reason().code();
                values[n + 9] = v.detail();
            }
        }
        values[n + 1] = reason == null ? null : reason.code();
        values[n + 2] = detail;
        // the original text is kept only for rows that are, or may yet be, quarantined: nothing else reads
        // it, and it was copied into Spark's form for every row
        values[n + 6] = reason != null || !decided ? raw : null;
        return RowFactory.create(values);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
