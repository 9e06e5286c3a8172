package io.flipside.pipeline;

import io.flipside.tables.Column;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.TableCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a metric table as {@code metrics/TABLE/} (Parquet, one file) and {@code metrics/TABLE.csv}.
 * The rows are already on the driver, so the Parquet file is written here with parquet-hadoop rather
 * than through a Spark job per table (seventeen of them cost the demo a second). The file carries the
 * Spark schema Spark itself would have written, so Spark reads it back with the same types.
 */
final class MetricWriter {
    /** The footer key under which Spark keeps a file's Spark schema. */
    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private MetricWriter() {
    }

    static void write(MetricTable table, Path metricsDir) {
        TableCsv.write(table, metricsDir.resolve(table.def().name() + ".csv"));
        Path dir = metricsDir.resolve(table.def().name());
        MessageType type = parquetType(table);
        List<Column> columns = table.def().columns();
        try {
            Files.createDirectories(dir);
            try (ParquetWriter<Group> writer = ExampleParquetWriter
                    .builder(new LocalOutputFile(dir.resolve("part-00000.zstd.parquet")))
                    .withType(type)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withExtraMetaData(Map.of(SPARK_SCHEMA_KEY, schema(table).json()))
                    .build()) {
                SimpleGroupFactory groups = new SimpleGroupFactory(type);
                for (MetricRow r : table.rows()) {
                    Group g = groups.newGroup();
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = r.get(i);
                        if (v != null) {
                            add(g, i, v);
                        }
                    }
                    writer.write(g);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
    }

    private static void add(Group g, int field, Object v) {
        if (v instanceof String s) {
            g.add(field, s);
        } else if (v instanceof Long l) {
            g.add(field, l);
        } else if (v instanceof Double d) {
            g.add(field, d);
        } else if (v instanceof Boolean b) {
            g.add(field, b);
        } else if (v instanceof LocalDate d) {
            g.add(field, Math.toIntExact(d.toEpochDay()));
        } else {
            throw new IllegalArgumentException("no Parquet type for " + v.getClass().getSimpleName() + " " + v);
        }
    }

    private static MessageType parquetType(MetricTable table) {
        List<Type> fields = new ArrayList<>();
        for (Column c : table.def().columns()) {
            fields.add(switch (c.type()) {
                case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
                case LONG -> Types.optional(PrimitiveTypeName.INT64).named(c.name());
                case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
                case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
            });
        }
        return new MessageType("spark_schema", fields);
    }

    static StructType schema(MetricTable table) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : table.def().columns()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType sparkType(Column c) {
        return switch (c.type()) {
            case STRING -> DataTypes.StringType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
        };
    }
}
