package io.flipside.metrics.engagement;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The engagement figures of SPEC §5 for one group of pairs (a cohort, or all cohorts pooled). Pure:
 * no Spark, no I/O. Ratios whose denominator is zero are null ("not computable"), never 0.
 */
public final class EngagementCalculator {
    private EngagementCalculator() {
    }

    public static MetricRow summarise(String cohortId, List<PairEngagement> pairs) {
        long scheduled = 0;
        long held = 0;
        long minutes = 0;
        long active = 0;
        long withdrawn = 0;
        long inactive = 0;
        double pairMonths = 0;
        long cadenceEligible = 0;
        long cadenceMet = 0;
        long mentorSum = 0;
        long mentorN = 0;
        long menteeSum = 0;
        long menteeN = 0;
        double[] daysToFirst = new double[pairs.size()];
        int withFirst = 0;
        for (PairEngagement p : pairs) {
            scheduled += p.scheduled();
            held += p.held();
            minutes += p.minutesHeld();
            pairMonths += p.pairMonths();
            if (p.held() > 0) {
                active++;
            }
            if (p.withdrawn()) {
                withdrawn++;
            }
            if (p.running() && p.heldRecently() == 0) {
                inactive++;
            }
            if (p.pairMonths() >= 1) {
                cadenceEligible++;
                if (p.held() / p.pairMonths() >= p.planned()) {
                    cadenceMet++;
                }
            }
            if (p.firstHeld() != null) {
                daysToFirst[withFirst++] = ChronoUnit.DAYS.between(p.matched(), p.firstHeld());
            }
            mentorSum += p.mentorRatingSum();
            mentorN += p.mentorRatings();
            menteeSum += p.menteeRatingSum();
            menteeN += p.menteeRatings();
        }
        return MetricTables.ENGAGEMENT.newRow()
                .set("cohort_id", cohortId)
                .set("pairs", (long) pairs.size())
                .set("active_pairs", active)
                .set("sessions_scheduled", scheduled)
                .set("sessions_held", held)
                .set("attendance_rate", ratio(held, scheduled))
                .set("mean_duration_minutes", ratio(minutes, held))
                .set("hours_held", minutes / 60.0)
                .set("held_per_pair_month", pairMonths > 0 ? held / pairMonths : null)
                .set("cadence_adherence", ratio(cadenceMet, cadenceEligible))
                .set("median_days_to_first_session", median(Arrays.copyOf(daysToFirst, withFirst)))
                .set("withdrawn_rate", ratio(withdrawn, pairs.size()))
                .set("inactive_pairs", inactive)
                .set("mean_mentor_rating", ratio(mentorSum, mentorN))
                .set("mean_mentee_rating", ratio(menteeSum, menteeN))
                .build();
    }

    /** The exact median: the middle value, or the mean of the two middle values of an even count. */
    public static Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }

    private static Double ratio(double num, double den) {
        return den == 0 ? null : num / den;
    }
}
