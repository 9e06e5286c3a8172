package io.flipside.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The committed corpus of bad inputs, {@code src/test/resources/bad/KIND/}: each folder holds the files
 * that replace the hand-made {@code tiny} data set's, and {@code expect.properties} with the outcome.
 */
public final class BadInputs {
    private static final Path CORPUS = Path.of("src/test/resources/bad");
    /** The hand-made data set every kind starts from. */
    public static final Path TINY = Path.of("src/test/resources/tiny");

    private BadInputs() {
    }

    /** Every kind, by name. */
    public static List<String> kinds() {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kind's {@code expect.properties}. */
    public static Properties expect(String kind) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CORPUS.resolve(kind).resolve("expect.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Writes the tiny data set with a kind's files in place of its own into {@code input}, and returns it. */
    public static Path input(String kind, Path input) throws IOException {
        Files.createDirectories(input);
        for (Path dir : List.of(TINY, CORPUS.resolve(kind))) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> !p.getFileName().toString().equals("expect.properties")).toList()) {
                    Files.copy(f, input.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return input;
    }
}
