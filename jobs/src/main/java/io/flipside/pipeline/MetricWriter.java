package io.flipside.pipeline;

import io.flipside.parquet.ParquetRows;
import io.flipside.tables.Column;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.TableCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a metric table as {@code metrics/TABLE/} (Parquet, one file) and {@code metrics/TABLE.csv}.
 * The rows are already on the driver, so the Parquet file is written here with {@link ParquetRows}
 * rather than through a Spark job per table (seventeen of them cost the demo a second).
 */
final class MetricWriter {
    private MetricWriter() {
    }

    static void write(MetricTable table, Path metricsDir) {
        TableCsv.write(table, metricsDir.resolve(table.def().name() + ".csv"));
        Path dir = metricsDir.resolve(table.def().name());
        int width = table.def().columns().size();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
        try (ParquetRows out = ParquetRows.create(dir.resolve("part-00000.zstd.parquet"), schema(table), Set.of())) {
            for (MetricRow r : table.rows()) {
                Object[] values = new Object[width];
                for (int i = 0; i < width; i++) {
                    values[i] = r.get(i);
                }
                out.write(values);
            }
        }
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
