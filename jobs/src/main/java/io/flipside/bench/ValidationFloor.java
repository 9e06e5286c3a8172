package io.flipside.bench;

import io.flipside.files.Folders;
import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.DatasetFiles;
import io.flipside.ingest.Datasets;
import io.flipside.ingest.InputFile;
import io.flipside.ingest.InputLocator;
import io.flipside.ingest.OutputLayout;
import io.flipside.ingest.RawRecord;
import io.flipside.ingest.RowValidator;
import io.flipside.ingest.TextRecords;
import io.flipside.privacy.Pseudonymizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * The ingest's own per-row work without Spark, on one thread: every CSV and JSON Lines record read and
 * put through its dataset's {@link RowValidator} (types, rules of the row, the pseudonym's HMAC), and
 * then the same again with each valid row also written to curated Parquet as the ingest writes it (a
 * file per dataset, a file per month of activity events, the same columns without a dictionary). The
 * ingest stage does this work, the cross-dataset checks and the quarantine on two cores in a cold JVM;
 * the difference is what Spark, the JIT's warming up, the collector and the checks across datasets cost.
 */
public final class ValidationFloor {
    /**
     * @param rows         records read, valid or not
     * @param valid        records that passed the row rules (the cross-dataset checks are not applied)
     * @param millis       reading and validating, wall time on one thread: the second of two passes (the
     *                     first warms the JIT up)
     * @param writeMillis  reading, validating and writing the valid rows, timed the same way
     * @param written      rows in the Parquet files of the timed writing pass, read from their footers
     */
    public record Result(long rows, long valid, long millis, long writeMillis, long written) {
    }

    private ValidationFloor() {
    }

    /** Reads and validates every text input under {@code input} twice, then twice writing as well. */
    public static Result measure(Path input) {
        pass(input, null);
        long start = System.nanoTime();
        long[] counts = pass(input, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path scratch = Folders.temporary("flipside-floor-", "the benchmark");
        try {
            pass(input, scratch.resolve("warm-up"));
            start = System.nanoTime();
            pass(input, scratch.resolve("timed"));
            long writeMillis = (System.nanoTime() - start) / 1_000_000;
            return new Result(counts[0], counts[1], millis, writeMillis, rowsIn(scratch.resolve("timed")));
        } finally {
            Folders.delete(scratch);
        }
    }

    /** @param curated where valid rows are written, a folder per dataset; null writes nothing */
    private static long[] pass(Path input, Path curated) {
        Pseudonymizer pseudonymizer = Pseudonymizer.randomKey();
        long rows = 0;
        long valid = 0;
        for (DatasetSchema schema : Datasets.ALL) {
            RowValidator validator = new RowValidator(schema, pseudonymizer);
            try (DatasetFiles out = curated == null ? null
                    : DatasetFiles.curated(curated.resolve(schema.name()), "part-00000.parquet", schema)) {
                for (InputFile file : InputLocator.locate(input, schema.name())) {
                    if (file.format() == InputFile.Format.PARQUET) {
                        continue;
                    }
                    Iterator<RawRecord> records = TextRecords.records(file, schema.fieldNames());
                    while (records.hasNext()) {
                        RawRecord r = records.next();
                        rows++;
                        if (r.malformed() != null) {
                            continue;
                        }
                        RowValidator.Result checked = validator.validate(r.values());
                        if (checked.valid()) {
                            valid++;
                            if (out != null) {
                                out.write(OutputLayout.curatedRow(checked.values(), file.relative(), r.row()));
                            }
                        }
                    }
                }
            }
        }
        return new long[] {rows, valid};
    }

    private static long rowsIn(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            long rows = 0;
            for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
                    rows += reader.getRecordCount();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the benchmark's files in " + dir, e);
        }
    }
}
