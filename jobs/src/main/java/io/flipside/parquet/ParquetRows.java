package io.flipside.parquet;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One Parquet file of rows of plain Java values, written without Spark in the form Spark writes: the
 * same physical types (timestamps as INT64 microseconds, UTC-adjusted; dates as INT32 days), zstd, and
 * the Spark schema in the footer, so Spark reads the file back with exactly {@code schema}. For rows
 * that never need to be Spark rows: metric tables on the driver, and datasets checked and written in
 * the task that reads them.
 *
 * <p>A row is an {@code Object[]} in the schema's column order; a column takes String, Integer, Long,
 * Double, Boolean, LocalDate or Instant as its Spark type says, or null.
 */
public final class ParquetRows implements Closeable {
    /** The footer key under which Spark keeps a file's Spark schema. */
    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private final ParquetWriter<Object[]> writer;

    private ParquetRows(ParquetWriter<Object[]> writer) {
        this.writer = writer;
    }

    /**
     * Creates {@code file}, which must not exist.
     *
     * @param noDictionary columns written without a dictionary: those with nearly every value distinct,
     *                     where the writer would fill a dictionary only to drop it for plain values
     */
    public static ParquetRows create(Path file, StructType schema, Set<String> noDictionary) {
        try {
            // a Hadoop configuration without Hadoop's default resources: the writer reads none of them, and
            // loading them (XML) for every file was a tenth of the activity events' ingest, one file a month
            // no size statistics (Parquet 1.14's per-page level histograms and byte counts): neither Spark
            // nor DuckDB reads them, and collecting them for every value was a tenth of the writing
            Builder b = new Builder(new LocalOutputFile(file), schema)
                    .withConf(new Configuration(false))
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withSizeStatisticsEnabled(false);
            for (String column : noDictionary) {
                b = b.withDictionaryEncoding(column, false);
            }
            return new ParquetRows(b.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    public void write(Object[] row) {
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a row", e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish a Parquet file", e);
        }
    }

    /**
     * The Parquet schema Spark writes for {@code schema}: a column that is not nullable is required, so
     * its values carry no definition levels (encoding those was a tenth of writing the activity events).
     */
    private static MessageType parquetType(StructType schema) {
        List<Type> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            Type.Repetition r = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            Types.PrimitiveBuilder<PrimitiveType> b = switch (Kind.of(f)) {
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, r).as(LogicalTypeAnnotation.stringType());
                case INT -> Types.primitive(PrimitiveTypeName.INT32, r);
                case LONG -> Types.primitive(PrimitiveTypeName.INT64, r);
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, r);
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, r);
                case DATE -> Types.primitive(PrimitiveTypeName.INT32, r).as(LogicalTypeAnnotation.dateType());
                case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, r)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
            };
            fields.add(b.named(f.name()));
        }
        return new MessageType("spark_schema", fields);
    }

    /** The Spark types a column may have, each with its Java value class. */
    private enum Kind {
        STRING, INT, LONG, DOUBLE, BOOLEAN, DATE, TIMESTAMP;

        static Kind of(StructField f) {
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                return STRING;
            } else if (t.equals(DataTypes.IntegerType)) {
                return INT;
            } else if (t.equals(DataTypes.LongType)) {
                return LONG;
            } else if (t.equals(DataTypes.DoubleType)) {
                return DOUBLE;
            } else if (t.equals(DataTypes.BooleanType)) {
                return BOOLEAN;
            } else if (t.equals(DataTypes.DateType)) {
                return DATE;
            } else if (t.equals(DataTypes.TimestampType)) {
                return TIMESTAMP;
            }
            throw new IllegalArgumentException("no Parquet type for " + f.name() + " of type " + t.simpleString());
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final StructType schema;

        Builder(OutputFile file, StructType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final StructType schema;
        private final MessageType type;
        private final Kind[] kinds;
        /** For each text column, its recent values' bytes; null for the other columns. */
        private final RecentUtf8[] texts;
        private RecordConsumer out;

        RowWriteSupport(StructType schema) {
            this.schema = schema;
            this.type = parquetType(schema);
            this.kinds = new Kind[schema.size()];
            this.texts = new RecentUtf8[schema.size()];
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] = Kind.of(schema.fields()[i]);
                if (kinds[i] == Kind.STRING) {
                    texts[i] = new RecentUtf8();
                }
            }
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(type, Map.of(SPARK_SCHEMA_KEY, schema.json()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            out.startMessage();
            for (int i = 0; i < kinds.length; i++) {
                Object v = row[i];
                if (v == null) {
                    // Parquet's own failure for a missing required value names no column; either way the
                    // writer gives up the file (Parquet 1.14 and later write nothing on close after a failed row)
                    if (!schema.fields()[i].nullable()) {
                        throw new IllegalArgumentException("column " + schema.fields()[i].name()
                                + " is not nullable, but a row has no value for it");
                    }
                    continue;
                }
                String name = type.getFieldName(i);
                out.startField(name, i);
                switch (kinds[i]) {
                    case STRING -> out.addBinary(texts[i].utf8((String) v));
                    case INT -> out.addInteger((Integer) v);
                    case LONG -> out.addLong((Long) v);
                    case DOUBLE -> out.addDouble((Double) v);
                    case BOOLEAN -> out.addBoolean((Boolean) v);
                    case DATE -> out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
                    case TIMESTAMP -> {
                        Instant at = (Instant) v;
                        out.addLong(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L),
                                at.getNano() / 1_000));
                    }
                }
                out.endField(name, i);
            }
            out.endMessage();
        }
    }

    /**
     * The UTF-8 form of a text column's recent values, one per slot of a small table picked by the value's
     * hash. Within a file the ids of the activity events' pairs and people, the event types and the file
     * name repeat from row to row, and encoding each value anew (with Parquet's own byte-buffer wrapper
     * around it) was a quarter of writing them: 0.51-0.52 against 0.37-0.38 microseconds a row, warm, in a
     * harness writing 3 million curated events. The table never grows: a column of distinct values costs
     * a miss a row, and an open file holds at most 4,096 values and their bytes per text column.
     */
    private static final class RecentUtf8 {
        private static final int SLOTS = 4096;
        private final String[] values = new String[SLOTS];
        private final Binary[] bytes = new Binary[SLOTS];

        Binary utf8(String value) {
            int h = value.hashCode();
            int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
            if (value.equals(values[slot])) {
                return bytes[slot];
            }
            // constant: Parquet keeps a reference (dictionary entries, statistics) rather than a copy, and
            // these bytes are never changed
            Binary b = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
            values[slot] = value;
            bytes[slot] = b;
            return b;
        }
    }
}
