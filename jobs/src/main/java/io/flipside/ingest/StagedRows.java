package io.flipside.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark layout of a dataset between reading and publishing: the typed fields, then bookkeeping
 * columns. Every row of the input is one staged row; {@code _reason} null means valid so far.
 */
public final class StagedRows {
    public static final String FIELDS_NULLED = "_fields_nulled";
    public static final String REASON = "_reason";
    public static final String DETAIL = "_detail";
    public static final String SOURCE_FILE = "_source_file";
    public static final String SOURCE_ROW = "_source_row";
    public static final String FILE_INDEX = "_file_index";
    public static final String RAW = "_raw";
    public static final String RAW_RECORD = "_raw_record";
    /**
     * The first {@linkplain io.flipside.quality.LookupChecks lookup} failure of a row that passed its own
     * rules, held apart from {@link #REASON} in datasets with a unique key until the duplicates are found:
     * which of two rows with one id comes first is decided among the rows valid on their own.
     */
    public static final String LOOKUP_REASON = "_lookup_reason";
    public static final String LOOKUP_DETAIL = "_lookup_detail";

    private StagedRows() {
    }

    public static StructType schema(DatasetSchema dataset) {
        List<StructField> fields = new ArrayList<>();
        for (Field f : dataset.fields()) {
            fields.add(DataTypes.createStructField(f.name(), sparkType(f.type()), true));
        }
        fields.add(DataTypes.createStructField(FIELDS_NULLED, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SOURCE_ROW, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(FILE_INDEX, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(RAW, DataTypes.createArrayType(DataTypes.StringType, true), true));
        fields.add(DataTypes.createStructField(RAW_RECORD, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(LOOKUP_REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(LOOKUP_DETAIL, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    public static DataType sparkType(FieldType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case DECIMAL -> DataTypes.DoubleType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
