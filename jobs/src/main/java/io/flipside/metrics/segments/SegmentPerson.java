package io.flipside.metrics.segments;

import static java.util.Objects.requireNonNull;

import io.flipside.metrics.retention.Subject;
import java.util.Map;

/**
 * One participant of one cohort with what the segments table needs to know about them.
 *
 * @param segments   the person's segment on each dimension
 * @param favorable  favourable likert answers at the latest wave the person answered in the cohort
 * @param likert     likert answers at that wave (0 when the person answered none)
 * @param gain100    mean (post − pre) / (max − min) × 100 over the skills the role is expected to learn, or
 *                   null without one
 * @param subject    the person's retention subject from this cohort's start, or null when not employed then
 */
public record SegmentPerson(String cohortId, String role, Map<String, String> segments, long favorable, long likert,
        Double gain100, Subject subject) {
    public SegmentPerson {
        requireNonNull(cohortId, "cohortId");
        requireNonNull(role, "role");
        segments = Map.copyOf(segments);
    }
}
