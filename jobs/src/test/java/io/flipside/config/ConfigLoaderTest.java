package io.flipside.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipside.FlipsideException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    private Path yaml(String text) throws IOException {
        return Files.writeString(tmp.resolve("c.yaml"), text);
    }

    @Test
    void everyKeyOfSpecSection8() throws IOException {
        FlipsideConfig c = ConfigLoader.load(yaml("""
                as_of: 2026-09-30
                privacy:    { min_group_size: 7 }
                quality:    { max_reject_ratio: 0.1 }
                learning:   { mentee_learns: [digital], mentor_learns: [leadership, culture], comparison_source: manager }
                engagement: { inactive_after_days: 30 }
                retention:  { event: any, horizons_days: [90, 365] }
                reports:    { organisation: "Example Corp" }
                """));
        assertThat(c.asOf()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(c.minGroupSize()).isEqualTo(7);
        assertThat(c.maxRejectRatio()).isEqualTo(0.1);
        assertThat(c.menteeLearns()).isEqualTo(Set.of("digital"));
        assertThat(c.mentorLearns()).isEqualTo(Set.of("leadership", "culture"));
        assertThat(c.comparisonSource()).isEqualTo("manager");
        assertThat(c.inactiveAfterDays()).isEqualTo(30);
        assertThat(c.retentionEvent()).isEqualTo("any");
        assertThat(c.horizonsDays()).isEqualTo(List.of(90, 365));
        assertThat(c.organisation()).isEqualTo("Example Corp");
    }

    @Test
    void emptyFileGivesDefaults() throws IOException {
        assertThat(ConfigLoader.load(yaml(""))).isEqualTo(FlipsideConfig.defaults());
    }

    @Test
    void unknownKeyIsAUsageErrorNamingIt() throws IOException {
        Path f = yaml("privacy: { min_groupsize: 5 }\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(FlipsideException.class,
                e -> assertThat(e.exitCode()).isEqualTo(2)).hasMessageContaining("'privacy.min_groupsize'");
        Path g = yaml("asof: 2026-01-01\n");
        assertThatThrownBy(() -> ConfigLoader.load(g)).hasMessageContaining("unknown key 'asof'");
    }

    @Test
    void wrongTypeIsAUsageErrorNamingTheKey() throws IOException {
        Path f = yaml("privacy: { min_group_size: five }\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(FlipsideException.class,
                e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("'privacy.min_group_size' must be a whole number");
        Path g = yaml("retention: { event: sometimes }\n");
        assertThatThrownBy(() -> ConfigLoader.load(g)).hasMessageContaining("'retention.event' must be one of [any, voluntary]");
    }
}
