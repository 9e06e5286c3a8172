package io.flipside.ingest;

import io.flipside.FlipsideException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a dataset's files in an input folder (SPEC §2): {@code NAME.csv}, {@code NAME.jsonl},
 * {@code NAME.parquet}, or a folder {@code NAME/} of such files (Spark's own part folders included;
 * hidden files, {@code _SUCCESS} and checksums are skipped).
 */
public final class InputLocator {
    private InputLocator() {
    }

    /**
     * The data files under a dataset's folder. Links are followed, the folder's own included: a folder
     * linked into the input folder (a shared export) was otherwise a link to nothing, and the dataset
     * silently absent. A folder whose files are all of other kinds ({@code .csv.gz}, {@code .txt}) is an
     * input error rather than an absent dataset, for the same reason.
     */
    private static List<Path> partFiles(Path folder) {
        List<Path> visible;
        try (Stream<Path> s = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            visible = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw FlipsideException.input("cannot list " + folder + ": " + e.getMessage(), e);
        }
        List<Path> data = visible.stream().filter(p -> InputFile.Format.of(p.getFileName().toString()) != null).toList();
        if (data.isEmpty() && !visible.isEmpty()) {
            throw FlipsideException.input(folder + " holds no .csv, .jsonl or .parquet file (it holds "
                    + visible.stream().limit(3).map(p -> folder.relativize(p).toString()).collect(Collectors.joining(", "))
                    + (visible.size() > 3 ? " and " + (visible.size() - 3) + " more" : "")
                    + "); decompress or convert them, or remove the folder if the dataset is not given");
        }
        return data;
    }

    /** The files of a dataset in input order, or an empty list when the dataset is absent. */
    public static List<InputFile> locate(Path inputDir, String dataset) {
        List<Path> entries = new ArrayList<>();
        for (String ext : List.of(".csv", ".jsonl", ".parquet")) {
            Path p = inputDir.resolve(dataset + ext);
            if (Files.exists(p)) {
                entries.add(p);
            }
        }
        Path folder = inputDir.resolve(dataset);
        boolean isFolder = Files.isDirectory(folder);
        if (entries.size() + (isFolder ? 1 : 0) > 1) {
            throw FlipsideException.input(inputDir + ": dataset " + dataset + " is given more than once ("
                    + String.join(", ", Stream.concat(entries.stream(), isFolder ? Stream.of(folder) : Stream.empty())
                            .map(p -> p.getFileName().toString()).toList()) + "); keep exactly one");
        }
        List<Path> files = new ArrayList<>();
        if (isFolder) {
            entries.add(folder);
        }
        for (Path entry : entries) {
            // a folder (NAME/, or NAME.parquet/ as Spark writes it) holds part files
            if (Files.isDirectory(entry)) {
                files.addAll(partFiles(entry));
            } else {
                files.add(entry);
            }
        }
        List<InputFile> out = new ArrayList<>();
        for (Path p : files) {
            if (!Files.isReadable(p)) {
                throw FlipsideException.input(p + " is not readable (check its permissions)");
            }
            long bytes;
            try {
                bytes = Files.size(p);
            } catch (IOException e) {
                throw FlipsideException.input("cannot read " + p + ": " + e.getMessage(), e);
            }
            out.add(new InputFile(p.toAbsolutePath().toString(), inputDir.relativize(p).toString(),
                    InputFile.Format.of(p.getFileName().toString()), out.size(), bytes));
        }
        return out;
    }
}
