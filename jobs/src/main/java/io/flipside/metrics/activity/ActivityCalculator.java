package io.flipside.metrics.activity;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.List;

/** The {@code activity} figures of SPEC §5 for one group of pairs. Pure Java. */
public final class ActivityCalculator {
    private ActivityCalculator() {
    }

    /**
     * @param pairs the group's pairs; in a pooled group a person in two cohorts' pairs counts once per cohort,
     *              which summing per-pair people gives, because a person holds one role per cohort
     */
    public static MetricRow summarise(String cohortId, List<PairActivity> pairs, long participants) {
        long events = 0;
        double pairWeeks = 0;
        double reciprocity = 0;
        long runningPeople = 0;
        long active = 0;
        for (PairActivity p : pairs) {
            events += p.mentorEvents() + p.menteeEvents();
            pairWeeks += p.spanDays() / 7.0;
            reciprocity += p.reciprocity();
            if (p.running()) {
                runningPeople += 2;
                active += (p.mentorRecent() > 0 ? 1 : 0) + (p.menteeRecent() > 0 ? 1 : 0);
            }
        }
        return MetricTables.ACTIVITY.newRow()
                .set("cohort_id", cohortId)
                .set("events", events)
                .set("participants", participants)
                .set("active_participants_30d", active)
                .set("engagement_rate_30d", runningPeople == 0 ? null : (double) active / runningPeople)
                .set("events_per_pair_week", pairWeeks == 0 ? null : events / pairWeeks)
                .set("reciprocity_index", pairs.isEmpty() ? null : reciprocity / pairs.size())
                .build();
    }
}
