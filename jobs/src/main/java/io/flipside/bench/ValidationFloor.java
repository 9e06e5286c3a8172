package io.flipside.bench;

import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.Datasets;
import io.flipside.ingest.InputFile;
import io.flipside.ingest.InputLocator;
import io.flipside.ingest.RawRecord;
import io.flipside.ingest.RowValidator;
import io.flipside.ingest.TextRecords;
import io.flipside.privacy.Pseudonymizer;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The ingest's own per-row work without Spark: every CSV and JSON Lines record read and put through
 * its dataset's {@link RowValidator} (types, rules of the row, the pseudonym's HMAC) on one thread.
 * The ingest stage does this and the cross-dataset checks inside Spark; the difference between the
 * two is what Spark's row handling, caching, planning and code generation cost.
 */
public final class ValidationFloor {
    /**
     * @param rows   records read, valid or not
     * @param valid  records that passed the row rules (the cross-dataset checks are not applied)
     * @param millis wall time on one thread, the second of two passes (the first warms the JIT up)
     */
    public record Result(long rows, long valid, long millis) {
    }

    private ValidationFloor() {
    }

    /** Reads and validates every text input under {@code input} twice and times the second pass. */
    public static Result measure(Path input) {
        pass(input);
        long start = System.nanoTime();
        long[] counts = pass(input);
        return new Result(counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
    }

    private static long[] pass(Path input) {
        Pseudonymizer pseudonymizer = Pseudonymizer.randomKey();
        long rows = 0;
        long valid = 0;
        for (DatasetSchema schema : Datasets.ALL) {
            RowValidator validator = new RowValidator(schema, pseudonymizer);
            for (InputFile file : InputLocator.locate(input, schema.name())) {
                if (file.format() == InputFile.Format.PARQUET) {
                    continue;
                }
                Iterator<RawRecord> records = TextRecords.records(file, schema.fieldNames());
                while (records.hasNext()) {
                    RawRecord r = records.next();
                    rows++;
                    if (r.malformed() == null && validator.validate(r.values()).valid()) {
                        valid++;
                    }
                }
            }
        }
        return new long[] {rows, valid};
    }
}
