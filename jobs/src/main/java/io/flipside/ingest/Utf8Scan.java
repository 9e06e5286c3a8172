package io.flipside.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a file stops being UTF-8, for the error message: the reader only learns that a buffer
 * failed to decode, and a person needs the line to fix.
 */
final class Utf8Scan {
    private Utf8Scan() {
    }

    /** " at line N (byte B)" for the first invalid byte, or "" when none is found or the file is unreadable. */
    static String where(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long line = 1;
        try (InputStream s = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = s.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                while (true) {
                    int before = in.position();
                    CoderResult r = decoder.decode(in, out, eof);
                    for (int i = before; i < in.position(); i++) {
                        if (in.get(i) == '\n') {
                            line++;
                        }
                    }
                    consumed += in.position() - before;
                    out.clear();
                    if (r.isError()) {
                        return " at line " + line + " (byte " + (consumed + 1) + ")";
                    }
                    if (r.isUnderflow()) {
                        break;
                    }
                }
                in.compact();
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
