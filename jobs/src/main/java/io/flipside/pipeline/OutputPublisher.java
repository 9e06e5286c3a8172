package io.flipside.pipeline;

import io.flipside.files.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Atomic publishing of an output folder (SPEC §4). The run builds everything in a sibling staging
 * folder; publishing moves the old output aside and the new one in with two renames, then deletes the
 * old. A reader sees the previous complete output or the new one. A crash between the two renames
 * leaves both complete; {@link #recover()} at the next start finishes that swap (a staging folder is
 * complete once it holds {@code manifest.json}, written last) or puts the previous output back.
 */
public final class OutputPublisher {
    static final String MANIFEST = "manifest.json";
    private final Path output;
    private final Path staging;
    private final Path previous;

    public OutputPublisher(Path output) {
        this.output = output.toAbsolutePath().normalize();
        Path parent = this.output.getParent();
        String name = this.output.getFileName().toString();
        this.staging = parent.resolve("." + name + ".staging");
        this.previous = parent.resolve("." + name + ".previous");
    }

    public Path output() {
        return output;
    }

    /** Finishes or undoes a swap a killed run left half done, then clears old staging. */
    public void recover() {
        try {
            if (!Files.exists(output)) {
                if (Files.isRegularFile(staging.resolve(MANIFEST))) {
                    Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
                } else if (Files.isDirectory(previous)) {
                    Files.move(previous, output, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Folders.delete(previous);
            Folders.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the output folder " + output, e);
        }
    }

    /** A fresh, empty staging folder beside the output. */
    public Path beginStaging() {
        try {
            Folders.delete(staging);
            Files.createDirectories(staging);
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
    }

    /** Swaps the staged output in, carrying the previous output's {@code _failed/} diagnostics across. */
    public void publish() {
        try {
            Path failed = output.resolve("_failed");
            if (Files.isDirectory(failed)) {
                copyTree(failed, staging.resolve("_failed"));
            }
            if (Files.exists(output)) {
                Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
            Folders.delete(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + staging + " as " + output, e);
        }
    }

    /** Drops the staging folder of a run that did not publish. */
    public void abandon() {
        Folders.delete(staging);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
