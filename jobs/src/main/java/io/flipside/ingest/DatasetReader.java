package io.flipside.ingest;

import io.flipside.FlipsideException;
import io.flipside.ingest.RowRule.Violation;
import io.flipside.quality.LookupChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * Reads a dataset's records and checks each on its own: CSV and JSON Lines with our own record readers
 * inside the tasks of {@link SinglePassWrite}, Parquet through Spark. Each record becomes exactly one
 * checked record, valid or carrying its reason, so nothing is lost between here and the manifest.
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

    /**
     * One record checked on its own rules and, when it passed them, against {@code lookups}: the rules
     * across rows come after ({@code SinglePassWrite}), the lookups' failure only if the row survives them.
     *
     * @param values       the typed fields, null when the record failed its own rules
     * @param reason       the reason code of its own rules' first failure, null when it passed them
     * @param raw          the fields' original text, for the quarantine
     * @param rawRecord    the whole record's text when it could not be split into fields
     * @param lookupReason the first lookup failure of a row valid on its own rules, or null
     */
    record Staged(Object[] values, int fieldsNulled, String reason, String detail, String[] raw, String rawRecord,
            String lookupReason, String lookupDetail) {
    }

    static Staged stage(RawRecord r, RowValidator validator, LookupChecks lookups) {
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
        return new Staged(result.values(), result.fieldsNulled(), null, null, raw, null,
                v == null ? null : v.reason().code(), v == null ? null : v.detail());
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
