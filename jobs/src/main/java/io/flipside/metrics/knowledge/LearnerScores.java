package io.flipside.metrics.knowledge;

/**
 * One participant's scores on one skill from one source in one cohort, each the version current at
 * the as-of date; null where that wave is missing.
 */
public record LearnerScores(Double pre, Double post, Double followup) {
    /** In the unit of SPEC §5: both a pre and a post score. */
    public boolean paired() {
        return pre != null && post != null;
    }
}
