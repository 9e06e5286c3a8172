package io.flipside.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Files written without Spark read back through Spark with the schema and values they were written with. */
@ExtendWith(WithSpark.class)
class ParquetRowsTest {
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("s", DataTypes.StringType, true),
            DataTypes.createStructField("i", DataTypes.IntegerType, true),
            DataTypes.createStructField("l", DataTypes.LongType, true),
            DataTypes.createStructField("d", DataTypes.DoubleType, true),
            DataTypes.createStructField("b", DataTypes.BooleanType, true),
            DataTypes.createStructField("day", DataTypes.DateType, true),
            DataTypes.createStructField("at", DataTypes.TimestampType, true)));

    @Test
    void everyColumnTypeAndNullReadsBackThroughSpark(SparkSession spark, @TempDir Path tmp) {
        Path file = tmp.resolve("rows.parquet");
        // a time before 1970 with a fraction: microseconds count down from the epoch, the fraction up
        Instant before1970 = Instant.parse("1969-12-31T23:59:58.250001Z");
        try (ParquetRows out = ParquetRows.create(file, SCHEMA, Set.of("l"))) {
            out.write(new Object[] {"é ü 名", 7, 1L << 40, -0.5, true, LocalDate.of(1900, 2, 28), before1970});
            out.write(new Object[] {null, null, null, null, null, null, null});
        }
        var df = spark.read().parquet(file.toString());
        assertThat(df.schema()).isEqualTo(SCHEMA);
        List<Row> rows = df.collectAsList();
        assertThat(rows.get(0)).isEqualTo(RowFactory.create("é ü 名", 7, 1L << 40, -0.5, true, LocalDate.of(1900, 2, 28),
                before1970));
        for (int i = 0; i < SCHEMA.size(); i++) {
            assertThat(rows.get(1).isNullAt(i)).as(SCHEMA.fields()[i].name()).isTrue();
        }
    }

    @Test
    void aValueOfAnotherTypeThanItsColumnFailsLoudly(@TempDir Path tmp) {
        try (ParquetRows out = ParquetRows.create(tmp.resolve("bad.parquet"), SCHEMA, Set.of())) {
            assertThatThrownBy(() -> out.write(new Object[] {"x", 7L, null, null, null, null, null}))
                    .isInstanceOf(ClassCastException.class);
        }
    }

    @Test
    void aColumnThatIsNotNullableIsRequiredInTheFileAndAnEmptyValueIsRefusedByName(SparkSession spark, @TempDir Path tmp)
            throws java.io.IOException {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.StringType, false),
                DataTypes.createStructField("note", DataTypes.StringType, true)));
        Path file = tmp.resolve("required.parquet");
        try (ParquetRows out = ParquetRows.create(file, schema, Set.of())) {
            out.write(new Object[] {"a", null});
        }
        try (ParquetRows out = ParquetRows.create(tmp.resolve("refused.parquet"), schema, Set.of())) {
            assertThatThrownBy(() -> out.write(new Object[] {null, "b"})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("id is not nullable");
        }
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(org.apache.parquet.hadoop.util.HadoopInputFile
                .fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.conf.Configuration()))) {
            var type = reader.getFooter().getFileMetaData().getSchema();
            assertThat(type.getType("id").getRepetition()).isEqualTo(org.apache.parquet.schema.Type.Repetition.REQUIRED);
            assertThat(type.getType("note").getRepetition()).isEqualTo(org.apache.parquet.schema.Type.Repetition.OPTIONAL);
        }
        assertThat(spark.read().parquet(file.toString()).collectAsList()).containsExactly(RowFactory.create("a", null));
    }

    /**
     * The writer keeps the bytes of a text column's recent values in a table picked by hash: values that
     * repeat, values with equal hashes ("Aa" and "BB", which take the same slot in turn), equal values of
     * other instances and more distinct values than the table has slots must all read back as written, in
     * a column with a dictionary and in one without.
     */
    @Test
    void textValuesThatRepeatOrShareASlotReadBackAsWritten(SparkSession spark, @TempDir Path tmp) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("n", DataTypes.IntegerType, false),
                DataTypes.createStructField("coded", DataTypes.StringType, false),
                DataTypes.createStructField("plain", DataTypes.StringType, true)));
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(i % 2 == 0 ? "Aa" : "BB");
            values.add(new String("pair-" + (i % 7)));
            values.add("person-" + i);
            values.add("Straße " + (i % 3));
        }
        Path file = tmp.resolve("texts.parquet");
        try (ParquetRows out = ParquetRows.create(file, schema, Set.of("plain"))) {
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                out.write(new Object[] {i, v, v});
            }
        }
        List<Row> rows = spark.read().parquet(file.toString()).orderBy("n").collectAsList();
        assertThat(rows).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(rows.get(i)).as("row %d", i).isEqualTo(RowFactory.create(i, values.get(i), values.get(i)));
        }
    }
}
