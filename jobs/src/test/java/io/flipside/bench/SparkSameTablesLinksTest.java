package io.flipside.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.files.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input Spark's side of the DuckDB comparison reads: links to the seven datasets DuckDB reads, no more. */
class SparkSameTablesLinksTest {
    @Test
    void linksTheDatasetsDuckDbReadsAndNothingElse(@TempDir Path tmp) throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input"));
        for (String file : new String[] {"employees.csv", "cohorts.jsonl", "pairs.csv", "sessions.csv", "survey_items.csv",
            "survey_responses.parquet", "skills.csv", "assessments.csv", "job_events.csv", "flipside.yaml", "pairs_old.csv"}) {
            Files.writeString(input.resolve(file), "x\n");
        }
        Files.createDirectories(input.resolve("activity_events"));
        Files.writeString(input.resolve("activity_events/2026-01.csv"), "x\n");

        Path links = SparkSameTables.linkDatasets(input, tmp.resolve("scratch/input"));

        try (Stream<Path> s = Files.list(links)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("activity_events",
                    "cohorts.jsonl", "employees.csv", "pairs.csv", "sessions.csv", "survey_items.csv",
                    "survey_responses.parquet");
        }
        assertThat(links.resolve("activity_events")).isSymbolicLink();
        assertThat(links.resolve("activity_events/2026-01.csv")).hasContent("x");

        Folders.delete(tmp.resolve("scratch"));
        assertThat(input.resolve("activity_events/2026-01.csv")).as("deleting the links leaves what they point to")
                .hasContent("x");
        assertThat(input.resolve("employees.csv")).hasContent("x");
    }
}
