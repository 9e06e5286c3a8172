package io.flipside.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One file of an input dataset.
 *
 * @param path     absolute path
 * @param relative the path relative to the input folder, as written to {@code _source_file}
 * @param format   how to read it
 * @param index    its position in input order (files sorted by name), for "first in input order" rules
 * @param bytes    its size
 */
public record InputFile(String path, String relative, Format format, int index, long bytes) implements Serializable {
    public InputFile {
        requireNonNull(path, "path");
        requireNonNull(relative, "relative");
        requireNonNull(format, "format");
    }

    public enum Format {
        CSV, JSONL, PARQUET;

        static Format of(String fileName) {
            String n = fileName.toLowerCase(java.util.Locale.ROOT);
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".jsonl")) {
                return JSONL;
            }
            if (n.endsWith(".parquet")) {
                return PARQUET;
            }
            return null;
        }
    }
}
