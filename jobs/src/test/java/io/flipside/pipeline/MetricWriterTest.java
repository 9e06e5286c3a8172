package io.flipside.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.tables.Column;
import io.flipside.tables.ColumnType;
import io.flipside.tables.MetricTable;
import io.flipside.tables.TableDef;
import io.flipside.testing.WithSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(WithSpark.class)
class MetricWriterTest {
    private static final TableDef TABLE = new TableDef("every_type", "cohort", List.of(
            Column.string("cohort_id", "the cohort"),
            Column.count("pairs", "pairs", "pairs in the cohort"),
            Column.number("rate", "fraction 0-1", "a rate"),
            Column.flag("suppressed", "whether suppressed"),
            new Column("as_of", ColumnType.DATE, "date", "the as-of date")));

    /** Spark is the reader here, so this checks our file against the reader every consumer of ours uses. */
    @Test
    void parquetReadsBackWithSparksTypesEveryValueAndEveryNull(SparkSession spark, @TempDir Path dir) {
        MetricTable table = new MetricTable(TABLE, List.of(
                TABLE.newRow().set("cohort_id", "C1").set("pairs", 12L).set("rate", 0.25).set("suppressed", false)
                        .set("as_of", LocalDate.of(2026, 9, 30)).build(),
                TABLE.newRow().set("cohort_id", "ALL, with \"quotes\" and ü").set("pairs", -3L).set("rate", 1e-300)
                        .set("suppressed", true).set("as_of", LocalDate.of(1969, 12, 31)).build(),
                TABLE.newRow().build()));
        MetricWriter.write(table, dir);

        assertThat(dir.resolve("every_type.csv")).isRegularFile();
        assertThat(dir.resolve("every_type")).isDirectory();
        var df = spark.read().parquet(dir.resolve("every_type").toString());
        assertThat(df.schema()).isEqualTo(MetricWriter.schema(table));
        List<Row> rows = df.collectAsList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toSeq().toList().toString())
                .isEqualTo("List(C1, 12, 0.25, false, 2026-09-30)");
        assertThat(rows.get(1).getString(0)).isEqualTo("ALL, with \"quotes\" and ü");
        assertThat(rows.get(1).getLong(1)).isEqualTo(-3L);
        assertThat(rows.get(1).getDouble(2)).isEqualTo(1e-300);
        assertThat(rows.get(1).getBoolean(3)).isTrue();
        assertThat((LocalDate) rows.get(1).get(4)).isEqualTo(LocalDate.of(1969, 12, 31));
        for (int i = 0; i < 5; i++) {
            assertThat(rows.get(2).isNullAt(i)).as("column %d of the empty row", i).isTrue();
        }
    }

    @Test
    void anExistingTableIsNeverOverwritten(@TempDir Path dir) throws Exception {
        MetricTable table = new MetricTable(TABLE, List.of(TABLE.newRow().set("cohort_id", "C1").build()));
        MetricWriter.write(table, dir);
        Files.delete(dir.resolve("every_type.csv"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricWriter.write(table, dir))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("every_type");
    }
}
