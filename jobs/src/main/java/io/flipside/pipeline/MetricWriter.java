package io.flipside.pipeline;

import io.flipside.tables.Column;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.TableCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Writes a metric table as {@code metrics/TABLE/} (Parquet, one file) and {@code metrics/TABLE.csv}. */
final class MetricWriter {
    private MetricWriter() {
    }

    static void write(SparkSession spark, MetricTable table, Path metricsDir) {
        TableCsv.write(table, metricsDir.resolve(table.def().name() + ".csv"));
        List<Row> rows = new ArrayList<>();
        for (MetricRow r : table.rows()) {
            rows.add(RowFactory.create(r.values()));
        }
        spark.createDataFrame(rows, schema(table)).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(metricsDir.resolve(table.def().name()).toString());
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
