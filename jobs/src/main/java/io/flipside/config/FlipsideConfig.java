package io.flipside.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The effective configuration of a run (SPEC §8): file values over defaults, command-line values over
 * both. Immutable; build variants with the {@code with*} methods.
 */
public record FlipsideConfig(
        LocalDate asOf,
        int minGroupSize,
        double maxRejectRatio,
        Set<String> menteeLearns,
        Set<String> mentorLearns,
        String comparisonSource,
        int inactiveAfterDays,
        String retentionEvent,
        List<Integer> horizonsDays,
        String organisation) implements Serializable {

    public FlipsideConfig {
        menteeLearns = Set.copyOf(requireNonNull(menteeLearns, "menteeLearns"));
        mentorLearns = Set.copyOf(requireNonNull(mentorLearns, "mentorLearns"));
        horizonsDays = List.copyOf(requireNonNull(horizonsDays, "horizonsDays"));
        requireNonNull(comparisonSource, "comparisonSource");
        requireNonNull(retentionEvent, "retentionEvent");
        requireNonNull(organisation, "organisation");
    }

    /** SPEC §8 defaults; the as-of date is unset (null) until a file, the command line or today fills it. */
    public static FlipsideConfig defaults() {
        return new FlipsideConfig(null, 5, 0.05, Set.of("digital", "culture"), Set.of("leadership"), "self", 45,
                "voluntary", List.of(180, 365, 730), "");
    }

    public FlipsideConfig withMinGroupSize(int size) {
        return new FlipsideConfig(asOf, size, maxRejectRatio, menteeLearns, mentorLearns, comparisonSource,
                inactiveAfterDays, retentionEvent, horizonsDays, organisation);
    }

    public FlipsideConfig withAsOf(LocalDate date) {
        return new FlipsideConfig(date, minGroupSize, maxRejectRatio, menteeLearns, mentorLearns, comparisonSource,
                inactiveAfterDays, retentionEvent, horizonsDays, organisation);
    }

    /** {@code voluntary} or {@code any}: which terminations count as events in retention. */
    public FlipsideConfig withRetentionEvent(String event) {
        return new FlipsideConfig(asOf, minGroupSize, maxRejectRatio, menteeLearns, mentorLearns, comparisonSource,
                inactiveAfterDays, event, horizonsDays, organisation);
    }
}
