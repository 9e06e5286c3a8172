package io.flipside.report;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three takeaways of the executive report's first page (SPEC §7), each chosen by an explicit
 * rule from the metric tables: the largest statistically clear learning gain, the retention
 * difference with its intervals in words, and the biggest engagement risk. Where the data do not
 * support a sentence, the sentence says what is missing instead.
 */
public final class Takeaways {
    /** A gain is "clear" at this p-value. */
    static final double SIGNIFICANT = 0.05;

    private Takeaways() {
    }

    public static List<String> choose(ReportInputs in) {
        List<String> out = new ArrayList<>();
        out.add(learning(in.table(MetricTables.KNOWLEDGE_TRANSFER)));
        out.add(retention(in.table(MetricTables.RETENTION)));
        out.add(in.table(MetricTables.ENGAGEMENT).map(e -> EngagementTakeaways.biggestRisk(e, in.inactiveAfterDays()))
                .orElse("Engagement could not be assessed: no session data in this run."));
        return out;
    }

    static String learning(Optional<MetricTable> table) {
        if (table.isEmpty()) {
            return "Learning could not be assessed: no skill assessments in this run.";
        }
        Optional<MetricRow> best = table.get().rows().stream()
                .filter(r -> "ALL".equals(r.getString("cohort_id")) && "self".equals(r.getString("source"))
                        && Boolean.TRUE.equals(r.getBoolean("expected_learner")) && !Boolean.TRUE.equals(r.getBoolean("suppressed"))
                        && r.getDouble("p_value") != null && r.getDouble("p_value") < SIGNIFICANT
                        && r.getDouble("hedges_gz") != null)
                .max(Comparator.comparing((MetricRow r) -> r.getDouble("hedges_gz")));
        if (best.isEmpty()) {
            return "No self-assessed skill gain is clear yet (none reaches p < 0.05 where a side is expected to learn).";
        }
        MetricRow r = best.get();
        String who = "mentee".equals(r.getString("role")) ? "Seniors (mentees)" : "Juniors (mentors)";
        return String.format(Locale.ROOT, "%s gained most in %s (%s): %+.1f points on average, 95%% interval %.1f to %.1f, "
                + "an effect size of g = %.2f across %d people.", who, r.getString("skill_id"), r.getString("domain"),
                r.getDouble("mean_gain"), r.getDouble("ci_low"), r.getDouble("ci_high"), r.getDouble("hedges_gz"),
                r.getLong("n"));
    }

    static String retention(Optional<MetricTable> table) {
        if (table.isEmpty()) {
            return "Retention could not be assessed in this run.";
        }
        Optional<MetricRow> p = row(table.get(), "participant");
        Optional<MetricRow> c = row(table.get(), "comparison");
        if (p.isEmpty() || c.isEmpty() || p.get().getDouble("retention") == null || c.get().getDouble("retention") == null) {
            return "Retention a year on is not known yet: no cohort has been followed for 365 days with enough people"
                    + " in both groups.";
        }
        MetricRow a = p.get();
        MetricRow b = c.get();
        boolean apart = a.getDouble("ci_low") != null && b.getDouble("ci_low") != null
                && (a.getDouble("ci_low") > b.getDouble("ci_high") || b.getDouble("ci_low") > a.getDouble("ci_high"));
        String verdict = !apart ? "the intervals overlap, so the difference could be chance"
                : a.getDouble("retention") > b.getDouble("retention") ? "participants stay clearly more often"
                : "participants leave clearly more often";
        return String.format(Locale.ROOT, "A year after their cohort started, %s of participants were still employed "
                + "(95%% interval %s to %s) against %s of comparable colleagues (%s to %s): %s.",
                Fmt.pct(a.getDouble("retention")), Fmt.pct(a.getDouble("ci_low")), Fmt.pct(a.getDouble("ci_high")),
                Fmt.pct(b.getDouble("retention")), Fmt.pct(b.getDouble("ci_low")), Fmt.pct(b.getDouble("ci_high")), verdict);
    }

    private static Optional<MetricRow> row(MetricTable t, String group) {
        return t.rows().stream().filter(r -> "ALL".equals(r.getString("cohort_id")) && group.equals(r.getString("group"))
                && r.getLong("horizon_days") == 365).findFirst();
    }
}
