package io.flipside.pipeline;

import io.flipside.FlipsideException;
import io.flipside.files.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
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
    /** Where the diagnostics of runs that failed the quality gate are kept, across publishes. */
    static final String FAILED = "_failed";
    private final Path output;
    private final Path staging;
    private final Path previous;

    public OutputPublisher(Path output) {
        this.output = output.toAbsolutePath().normalize();
        Path parent = this.output.getParent();
        if (parent == null) {
            throw FlipsideException.usage("--output cannot be " + this.output + "; give a folder of its own, such as "
                    + this.output.resolve("flipside-output"));
        }
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

    /**
     * Refuses an output path that holds anything but a Flipside output: publishing replaces the folder and
     * deletes what was in it, so a file, or a folder of other things given as {@code --output} by mistake
     * (a home or data folder), would be lost. Replaceable are: nothing, an empty folder, a folder with a
     * {@code manifest.json} (an earlier run's output), or one holding only earlier runs' {@code _failed/}.
     * A link is refused too: publishing would replace the link, not the folder it points to.
     */
    public void requireReplaceable() {
        if (Files.isSymbolicLink(output)) {
            throw FlipsideException.usage("--output " + output + " is a symbolic link; give the folder itself"
                    + " (publishing replaces the folder by renaming, which would replace the link)");
        }
        if (!Files.exists(output)) {
            return;
        }
        if (!Files.isDirectory(output)) {
            throw FlipsideException.usage("--output " + output + " is a file, not a folder; give a new or empty folder,"
                    + " or the folder of an earlier run");
        }
        if (Files.isRegularFile(output.resolve(MANIFEST))) {
            return;
        }
        List<String> others;
        try (Stream<Path> entries = Files.list(output)) {
            others = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(FAILED)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + output, e);
        }
        if (!others.isEmpty()) {
            throw FlipsideException.usage("--output " + output + " holds " + others.stream().limit(3)
                    .collect(Collectors.joining(", ")) + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : "")
                    + ", and no manifest.json: it is not an earlier Flipside output, and publishing would delete what"
                    + " it holds; give a new or empty folder, or the folder of an earlier run");
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
            Path failed = output.resolve(FAILED);
            if (Files.isDirectory(failed)) {
                copyTree(failed, staging.resolve(FAILED));
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
