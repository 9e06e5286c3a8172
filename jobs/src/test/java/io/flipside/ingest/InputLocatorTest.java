package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipside.FlipsideException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a dataset's files are found in an input folder (SPEC §2), links and stray files included. */
class InputLocatorTest {
    @Test
    void aFolderOfPartFilesIsReadInNameOrderWithoutHiddenOrMarkerFiles(@TempDir Path input) throws IOException {
        Path folder = Files.createDirectories(input.resolve("activity_events"));
        Files.writeString(folder.resolve("2026-02.csv"), "a\n");
        Files.writeString(folder.resolve("2026-01.csv"), "a\n");
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve(".2026-01.csv.crc"), "");

        assertThat(names(InputLocator.locate(input, "activity_events")))
                .containsExactly("activity_events/2026-01.csv", "activity_events/2026-02.csv");
    }

    @Test
    void aDatasetFolderLinkedIntoTheInputFolderIsRead(@TempDir Path tmp) throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("exports/events"));
        Files.writeString(shared.resolve("2026-01.csv"), "a\n");
        Path input = Files.createDirectories(tmp.resolve("input"));
        Files.createSymbolicLink(input.resolve("activity_events"), shared);

        List<InputFile> found = InputLocator.locate(input, "activity_events");

        assertThat(names(found)).containsExactly("activity_events/2026-01.csv");
        assertThat(found.get(0).bytes()).isEqualTo(2);
    }

    @Test
    void aLinkedFileIsRead(@TempDir Path tmp) throws IOException {
        Path shared = Files.writeString(tmp.resolve("hr-export.csv"), "employee_id\n");
        Path input = Files.createDirectories(tmp.resolve("input"));
        Files.createSymbolicLink(input.resolve("employees.csv"), shared);

        assertThat(names(InputLocator.locate(input, "employees"))).containsExactly("employees.csv");
    }

    @Test
    void aFolderOfCompressedFilesIsAnInputErrorNotAnAbsentDataset(@TempDir Path input) throws IOException {
        Path folder = Files.createDirectories(input.resolve("activity_events"));
        for (String month : List.of("01", "02", "03", "04", "05")) {
            Files.writeString(folder.resolve("2026-" + month + ".csv.gz"), "");
        }

        assertThatThrownBy(() -> InputLocator.locate(input, "activity_events"))
                .isInstanceOf(FlipsideException.class)
                .satisfies(e -> assertThat(((FlipsideException) e).exitCode()).isEqualTo(4))
                .hasMessageContaining("activity_events holds no .csv, .jsonl or .parquet file")
                .hasMessageContaining("2026-01.csv.gz, 2026-02.csv.gz, 2026-03.csv.gz and 2 more")
                .hasMessageContaining("decompress or convert them");
    }

    @Test
    void anEmptyFolderIsAnAbsentDataset(@TempDir Path input) throws IOException {
        Files.createDirectories(input.resolve("job_events"));
        Files.writeString(input.resolve("job_events/_SUCCESS"), "");

        assertThat(InputLocator.locate(input, "job_events")).isEmpty();
    }

    @Test
    void aDatasetGivenTwiceIsAnInputError(@TempDir Path input) throws IOException {
        Files.writeString(input.resolve("pairs.csv"), "pair_id\n");
        Files.writeString(input.resolve("pairs.jsonl"), "{}\n");

        assertThatThrownBy(() -> InputLocator.locate(input, "pairs"))
                .isInstanceOf(FlipsideException.class)
                .hasMessageContaining("dataset pairs is given more than once (pairs.csv, pairs.jsonl); keep exactly one");
    }

    private static List<String> names(List<InputFile> files) {
        return files.stream().map(InputFile::relative).toList();
    }
}
