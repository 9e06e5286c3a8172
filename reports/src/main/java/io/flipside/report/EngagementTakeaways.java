package io.flipside.report;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Plain-language takeaways from the engagement tables, each chosen by an explicit rule so that a
 * sentence is only said when the numbers support it.
 */
public final class EngagementTakeaways {
    /** Below this attendance rate the takeaway calls attendance a risk. */
    static final double LOW_ATTENDANCE = 0.75;

    private EngagementTakeaways() {
    }

    /**
     * The biggest engagement risk in one sentence: low attendance first, then pairs gone quiet, then
     * the cohort furthest from its planned cadence.
     */
    public static String biggestRisk(MetricTable engagement, int inactiveAfterDays) {
        List<String> all = choose(engagement, inactiveAfterDays);
        MetricRow pooled = engagement.rows().stream().filter(r -> "ALL".equals(r.getString("cohort_id"))).findFirst()
                .orElseThrow();
        Double attendance = pooled.getDouble("attendance_rate");
        if (attendance != null && attendance < LOW_ATTENDANCE) {
            return all.get(0);
        }
        return all.stream().filter(t -> t.contains("risk")).findFirst()
                .orElse(all.stream().filter(t -> t.startsWith("Keeping")).findFirst().orElse(all.get(all.size() - 1)));
    }

    public static List<String> choose(MetricTable engagement, int inactiveAfterDays) {
        List<String> out = new ArrayList<>();
        MetricRow all = engagement.rows().stream().filter(r -> "ALL".equals(r.getString("cohort_id"))).findFirst()
                .orElseThrow();
        Double attendance = all.getDouble("attendance_rate");
        if (attendance != null) {
            out.add(attendance < LOW_ATTENDANCE
                    ? String.format(Locale.ROOT, "Attendance is a risk: only %s of scheduled sessions were held.",
                            Fmt.pct(attendance))
                    : String.format(Locale.ROOT, "Pairs keep their appointments: %s of scheduled sessions were held.",
                            Fmt.pct(attendance)));
        }
        List<MetricRow> cohorts = engagement.rows().stream()
                .filter(r -> !"ALL".equals(r.getString("cohort_id")) && r.getDouble("cadence_adherence") != null)
                .sorted(Comparator.comparing((MetricRow r) -> r.getDouble("cadence_adherence")))
                .toList();
        if (cohorts.size() >= 2) {
            MetricRow low = cohorts.get(0);
            MetricRow high = cohorts.get(cohorts.size() - 1);
            out.add(String.format(Locale.ROOT, "Keeping to the planned cadence varies by cohort: %s of pairs in %s meet "
                    + "as often as planned, %s in %s.", Fmt.pct(high.getDouble("cadence_adherence")),
                    high.getString("cohort_id"), Fmt.pct(low.getDouble("cadence_adherence")), low.getString("cohort_id")));
        }
        long inactive = all.getLong("inactive_pairs");
        Double withdrawn = all.getDouble("withdrawn_rate");
        if (inactive > 0) {
            out.add(String.format(Locale.ROOT, "%d running %s held no session in the last %d days: "
                    + "the biggest engagement risk to follow up.", inactive, inactive == 1 ? "pair has" : "pairs have",
                    inactiveAfterDays));
        } else if (withdrawn != null) {
            out.add(String.format(Locale.ROOT, "No running pair has gone quiet; %s of pairs withdrew along the way.",
                    Fmt.pct(withdrawn)));
        }
        return out;
    }
}
