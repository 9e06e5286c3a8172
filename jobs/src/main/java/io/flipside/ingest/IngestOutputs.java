package io.flipside.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where ingest writes the datasets it writes as it reads them ({@link SinglePassWrite}): the folders
 * that hold {@code curated/DATASET/} and {@code quality/quarantine/DATASET/}. The quarantine folder
 * should be readable by its owner only before anything is written into it (SPEC §6).
 */
public record IngestOutputs(Path curated, Path quarantine) {
    public IngestOutputs {
        requireNonNull(curated, "curated");
        requireNonNull(quarantine, "quarantine");
    }
}
