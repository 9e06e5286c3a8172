package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.flipside.testing.WithSpark;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §2 "Versions" on survey responses, worked out by hand: the latest date on or before as-of wins, on
 * the same date the later file, in the same file the later row; Spark's window and the driver's
 * resolution must pick the same rows. The driver returns them in input order.
 */
@ExtendWith(WithSpark.class)
class VersionsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final List<String> COLUMNS = List.of("cohort_id", "respondent_id", "wave", "item_id", "value");

    @Test
    void driverAndWindowPickTheSameVersionsAsSpecTwoSays(SparkSession spark) {
        Dataset<Row> rows = spark.createDataFrame(List.of(
                // A: the latest date on or before as-of wins; a version after as-of is invisible
                response("A", 1, "2026-01-10", "r/a.csv", 1),
                response("A", 2, "2026-03-01", "r/a.csv", 2),
                response("A", 3, "2026-07-15", "r/a.csv", 3),
                // B: same date, the later file wins, whatever the rows
                response("B", 4, "2026-02-02", "r/b.csv", 90),
                response("B", 5, "2026-02-02", "r/c.csv", 1),
                // C: same date and file, the later row wins
                response("C", 7, "2026-04-04", "r/a.csv", 9),
                response("C", 6, "2026-04-04", "r/a.csv", 7),
                // D: nothing on or before as-of
                response("D", 8, "2026-07-01", "r/a.csv", 4),
                // E: U+1F600 sorts after U+FFFD in UTF-8 bytes (Spark's order) though not in UTF-16 units
                response("E", 1, "2026-05-05", "r/\uFFFD.csv", 1),
                response("E", 9, "2026-05-05", "r/\uD83D\uDE00.csv", 1),
                // F: the same key in another cohort is another key
                response("F", 2, "2026-05-05", "r/a.csv", 5)),
                OutputLayout.curated(Datasets.SURVEY_RESPONSES));

        List<List<Object>> driver = Versions.collectCurrent(rows, Datasets.SURVEY_RESPONSES, AS_OF, COLUMNS,
                VersionsTest::fields);
        List<List<Object>> window = byWindow(rows).select(COLUMNS.get(0),
                        COLUMNS.subList(1, COLUMNS.size()).toArray(String[]::new)).collectAsList()
                .stream().map(VersionsTest::fields).toList();

        // in input order: r/a.csv rows 2, 5 and 7, then r/c.csv, then the file named with U+1F600
        assertThat(driver).containsExactly(
                List.of("C01", "A", "baseline", "q1", 2),
                List.of("C02", "F", "baseline", "q1", 2),
                List.of("C01", "C", "baseline", "q1", 7),
                List.of("C01", "B", "baseline", "q1", 5),
                List.of("C01", "E", "baseline", "q1", 9));
        assertThat(window).containsExactlyInAnyOrderElementsOf(driver);
    }

    @Test
    void theWinnersComeInInputOrderWhateverTheKeysSortAs(SparkSession spark) {
        // the same responses under two pseudonym keys: the respondents' ids sort the other way round
        List<Row> first = List.of(response("P", 1, "2026-01-10", "r/a.csv", 1), response("Q", 2, "2026-01-10", "r/a.csv", 2),
                response("R", 3, "2026-01-10", "r/a.csv", 3));
        List<Row> second = List.of(response("Z", 1, "2026-01-10", "r/a.csv", 1), response("Y", 2, "2026-01-10", "r/a.csv", 2),
                response("X", 3, "2026-01-10", "r/a.csv", 3));
        for (List<Row> rows : List.of(first, second)) {
            List<Integer> values = Versions.collectCurrent(spark.createDataFrame(rows,
                    OutputLayout.curated(Datasets.SURVEY_RESPONSES)), Datasets.SURVEY_RESPONSES, AS_OF, COLUMNS,
                    r -> r.getInt(4));
            assertThat(values).containsExactly(1, 2, 3);
        }
    }

    @Test
    void columnsMustStartWithTheVersionKey(SparkSession spark) {
        Dataset<Row> rows = spark.createDataFrame(List.of(response("A", 1, "2026-01-10", "r/a.csv", 1)),
                OutputLayout.curated(Datasets.SURVEY_RESPONSES));
        assertThatThrownBy(() -> Versions.collectCurrent(rows, Datasets.SURVEY_RESPONSES, AS_OF,
                List.of("cohort_id", "respondent_id", "wave", "value", "item_id"), VersionsTest::fields))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version key [respondent_id, cohort_id, wave, item_id]");
    }

    /** The same rule as Spark SQL: a row number over the key, newest date, file and row first. */
    private static Dataset<Row> byWindow(Dataset<Row> rows) {
        WindowSpec w = Window.partitionBy(col("respondent_id"), col("cohort_id"), col("wave"), col("item_id"))
                .orderBy(col("submitted_date").desc(), col(OutputLayout.SOURCE_FILE).desc(),
                        col(OutputLayout.SOURCE_ROW).desc());
        return rows.filter(col("submitted_date").leq(lit(AS_OF))).withColumn("rank", row_number().over(w))
                .filter(col("rank").equalTo(1));
    }

    private static List<Object> fields(Row r) {
        return List.of(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getInt(4));
    }

    private static Row response(String respondent, int value, String date, String file, long row) {
        return RowFactory.create(respondent, respondent.equals("F") ? "C02" : "C01", "baseline", "q1", value,
                LocalDate.parse(date), file, row);
    }
}
