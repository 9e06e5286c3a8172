package io.flipside.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
    /** The seed the committed sample was generated with (sample-data/README.md). */
    static final long SAMPLE_SEED = 20260930L;

    @Test
    void sameSeedSameBytesOtherSeedOtherData(@TempDir Path tmp) throws IOException {
        new SampleDataGenerator(GeneratorOptions.of(1, 7)).writeTo(tmp.resolve("a"));
        new SampleDataGenerator(GeneratorOptions.of(1, 7)).writeTo(tmp.resolve("b"));
        new SampleDataGenerator(GeneratorOptions.of(1, 8)).writeTo(tmp.resolve("c"));
        for (Path f : files(tmp.resolve("a"))) {
            Path rel = tmp.resolve("a").relativize(f);
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(rel))).as(rel.toString()).isEqualTo(Files.readAllBytes(f));
        }
        assertThat(Files.readAllBytes(tmp.resolve("c/sessions.csv"))).isNotEqualTo(Files.readAllBytes(tmp.resolve("a/sessions.csv")));
    }

    @Test
    void committedSampleIsExactlyTheGeneratorsOutput(@TempDir Path tmp) throws IOException {
        Path committed = Path.of("data");
        new SampleDataGenerator(GeneratorOptions.of(1, SAMPLE_SEED)).writeTo(tmp);
        List<Path> expected = files(tmp);
        assertThat(files(committed).stream().map(committed::relativize).toList())
                .isEqualTo(expected.stream().map(tmp::relativize).toList());
        for (Path f : expected) {
            Path rel = tmp.relativize(f);
            assertThat(Files.readAllBytes(committed.resolve(rel))).as("sample-data/data/" + rel
                    + " differs from 'flipside generate --scale 1 --seed " + SAMPLE_SEED + "'").isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void sizesGrowLinearlyWithScale(@TempDir Path tmp) {
        Map<String, Long> one = new SampleDataGenerator(GeneratorOptions.of(1, 3)).writeTo(tmp.resolve("1"));
        Map<String, Long> four = new SampleDataGenerator(GeneratorOptions.of(4, 3)).writeTo(tmp.resolve("4"));
        assertThat(one.get("employees")).isEqualTo(2000);
        assertThat(four.get("employees")).isEqualTo(8000);
        assertThat(one.get("pairs")).isBetween(150L, 165L);
        assertThat(four.get("pairs")).isBetween(600L, 660L);
        assertThat((double) four.get("activity_events") / one.get("activity_events")).isBetween(3.4, 4.6);
        assertThat(one.get("cohorts")).isEqualTo(4);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
