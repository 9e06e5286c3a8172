package io.flipside.ingest;

import io.flipside.FlipsideException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

/**
 * A cheap check on the driver that a file is a whole Parquet file: "PAR1" at both ends and a footer
 * length that fits. Spark only finds a truncated file inside a task, as an error no user can act on.
 */
final class ParquetMagic {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetMagic() {
    }

    static void check(InputFile file) {
        try (RandomAccessFile f = new RandomAccessFile(file.path(), "r")) {
            long n = f.length();
            byte[] head = new byte[4];
            byte[] tail = new byte[8];
            if (n >= 12) {
                f.readFully(head);
                f.seek(n - 8);
                f.readFully(tail);
            }
            long footer = (tail[0] & 0xffL) | (tail[1] & 0xffL) << 8 | (tail[2] & 0xffL) << 16 | (tail[3] & 0xffL) << 24;
            boolean ok = n >= 12 && java.util.Arrays.equals(head, MAGIC)
                    && java.util.Arrays.equals(java.util.Arrays.copyOfRange(tail, 4, 8), MAGIC) && footer <= n - 12;
            if (!ok) {
                throw FlipsideException.input(file.path() + ": not a readable Parquet file (truncated, or not Parquet: "
                        + "it must start and end with PAR1); export it again");
            }
        } catch (IOException e) {
            throw FlipsideException.input("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
