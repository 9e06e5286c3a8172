package io.flipside.report;

import static io.flipside.report.pdf.PdfReportWriter.Align.LEFT;
import static io.flipside.report.pdf.PdfReportWriter.Align.RIGHT;

import io.flipside.report.charts.ForestPlot;
import io.flipside.report.charts.RetentionCharts;
import io.flipside.report.pdf.PdfReportWriter;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cohort comparison report for researchers (SPEC §7): per cohort and pooled, forest plots of the
 * learning gains with their intervals, Kaplan–Meier curves with bands and numbers at risk, survey
 * scale reliability, the full {@code cohort_comparison} table with Holm-adjusted p-values and flags,
 * and the methods with their formulas.
 */
public final class CohortComparisonReport {
    private static final int[] AT_RISK_DAYS = {0, 90, 180, 365, 545, 730};

    private CohortComparisonReport() {
    }

    public static String fileName(String period) {
        return "cohort-comparison-" + period + ".pdf";
    }

    public static Path render(ReportInputs in, Path dir) {
        Path file = dir.resolve(fileName(in.period()));
        String org = in.organisation().isBlank() ? "" : in.organisation() + " \u00b7 ";
        try (PdfReportWriter pdf = new PdfReportWriter("Reverse mentoring cohort comparison " + in.period(),
                org + "Cohort comparison " + in.period(), in.asOf(), in.reportDate())) {
            pdf.title("How do the cohorts compare?", org + "Reverse mentoring, " + in.period() + " \u00b7 data as of "
                    + in.asOf());
            summary(pdf, in);
            gains(pdf, in);
            retention(pdf, in);
            reliability(pdf, in);
            comparisonTable(pdf, in);
            methods(pdf, in);
            pdf.save(file);
        }
        return file;
    }

    private static void summary(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> cc = in.table(MetricTables.COHORT_COMPARISON);
        if (cc.isEmpty() || cc.get().rows().isEmpty()) {
            pdf.note("No two cohorts have enough people on both sides to compare yet.");
            return;
        }
        List<MetricRow> rows = cc.get().rows();
        List<MetricRow> flagged = rows.stream().filter(r -> Boolean.TRUE.equals(r.getBoolean("flagged"))).toList();
        long families = rows.stream().map(r -> r.getString("metric") + "|" + r.getString("key") + "|" + r.getString("role"))
                .distinct().count();
        pdf.paragraph(String.format(Locale.ROOT, "%d comparisons between pairs of cohorts in %d families (one family "
                + "per metric, key and role; p-values are Holm-adjusted within each). A difference is flagged when its "
                + "adjusted p is below 0.05 and both cohorts have at least 20 people (pairs for attendance).",
                rows.size(), families));
        pdf.subheading(flagged.isEmpty() ? "No difference is flagged" : "Flagged differences");
        if (flagged.isEmpty()) {
            pdf.paragraph("Nothing stands out beyond what chance allows at the 5% level within each family.");
        }
        for (MetricRow r : flagged) {
            pdf.bullet(String.format(Locale.ROOT, "%s: %s %s against %s %s, difference %s (95%% interval %s to %s), "
                    + "Holm-adjusted p %s.", describe(r), r.getString("cohort_a"), number(r, "estimate_a"),
                    r.getString("cohort_b"), number(r, "estimate_b"), number(r, "difference"), number(r, "ci_low"),
                    number(r, "ci_high"), Fmt.p(r.getDouble("p_holm"))));
        }
        in.table(MetricTables.ENGAGEMENT).ifPresent(e -> {
            pdf.subheading("The cohorts");
            List<List<String>> table = new ArrayList<>();
            for (MetricRow r : e.rows()) {
                table.add(List.of(r.getString("cohort_id"), Fmt.count(r.getLong("pairs")),
                        Fmt.count(r.getLong("active_pairs")), Fmt.pct(r.getDouble("attendance_rate")),
                        Fmt.decimal(r.getDouble("held_per_pair_month"), 2), Fmt.pct(r.getDouble("withdrawn_rate"))));
            }
            pdf.table(List.of("Cohort", "Pairs", "Pairs meeting", "Attendance", "Sessions per pair-month", "Withdrew"),
                    table, new float[] {1, 1, 1, 1, 1.3f, 1}, List.of(LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT));
        });
    }

    private static void gains(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> kt = in.table(MetricTables.KNOWLEDGE_TRANSFER);
        if (kt.isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("Learning gains by cohort");
        pdf.paragraph("Mean self-assessed gain (post - pre, in points of the skill's scale) with its 95% t interval, "
                + "for the skills each role is expected to learn. The dashed line is no change; every chart has the"
                + " same scale, so cohorts compare at a glance.");
        Map<String, List<ForestPlot.Row>> shown = new LinkedHashMap<>();
        Map<String, List<String>> hidden = new LinkedHashMap<>();
        for (MetricRow r : kt.get().rows()) {
            if (!"self".equals(r.getString("source")) || !Boolean.TRUE.equals(r.getBoolean("expected_learner"))) {
                continue;
            }
            String cohort = r.getString("cohort_id");
            shown.computeIfAbsent(cohort, c -> new ArrayList<>());
            hidden.computeIfAbsent(cohort, c -> new ArrayList<>());
            String label = r.getString("skill_id") + " " + r.getString("domain") + ", "
                    + ("mentee".equals(r.getString("role")) ? "seniors" : "juniors") + " (n " + r.getLong("n") + ")";
            if (Boolean.TRUE.equals(r.getBoolean("suppressed")) || r.getDouble("mean_gain") == null) {
                hidden.get(cohort).add(label);
            } else {
                shown.get(cohort).add(new ForestPlot.Row(label, r.getDouble("mean_gain"), r.getDouble("ci_low"),
                        r.getDouble("ci_high")));
            }
        }
        ForestPlot.Extent extent = ForestPlot.extent(shown.values().stream().flatMap(List::stream).toList(), 0);
        for (String cohort : shown.keySet()) {
            List<ForestPlot.Row> rows = shown.get(cohort);
            List<String> notShown = hidden.get(cohort);
            pdf.ensureSpace(60 + 22 * rows.size() + (notShown.isEmpty() ? 0 : 50));
            pdf.subheading("ALL".equals(cohort) ? "All cohorts pooled" : "Cohort " + cohort);
            if (!rows.isEmpty()) {
                pdf.chart(ForestPlot.of(rows, "Mean gain, points", 0, extent), 30 + 22 * rows.size(), null);
            }
            if (!notShown.isEmpty()) {
                pdf.note("Suppressed or not computable (fewer people than the privacy minimum, or no post scores yet): "
                        + String.join("; ", notShown) + ".");
            }
        }
    }

    private static void retention(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> curves = in.table(MetricTables.SURVIVAL_CURVE);
        if (curves.isEmpty()) {
            return;
        }
        List<String> groups = List.of("participant", "comparison");
        List<String> cohorts = curves.get().rows().stream().map(r -> r.getString("cohort_id")).distinct().toList();
        pdf.newPage();
        pdf.heading("Retention by cohort");
        pdf.paragraph("Kaplan-Meier estimates from each cohort's start with 95% log-scale Greenwood bands; below each "
                + "chart the numbers still followed (at risk). Curves end where fewer than the privacy minimum remain; "
                + Fmt.NONE + " in the at-risk rows means beyond the follow-up or below that minimum.");
        for (String cohort : cohorts) {
            if (!RetentionCharts.has(curves.get(), cohort, groups)) {
                continue;
            }
            pdf.ensureSpace(290);
            pdf.subheading("ALL".equals(cohort) ? "All cohorts pooled" : "Cohort " + cohort);
            pdf.chart(RetentionCharts.survival(curves.get(), cohort, groups), 190, null);
            List<String> header = new ArrayList<>(List.of("At risk on day"));
            for (int d : AT_RISK_DAYS) {
                header.add(Integer.toString(d));
            }
            List<List<String>> rows = new ArrayList<>();
            for (String g : groups) {
                List<String> row = new ArrayList<>(List.of("participant".equals(g) ? "Participants" : "Comparison"));
                for (int d : AT_RISK_DAYS) {
                    row.add(atRisk(curves.get(), cohort, g, d));
                }
                rows.add(row);
            }
            float[] widths = new float[header.size()];
            java.util.Arrays.fill(widths, 1);
            widths[0] = 1.8f;
            List<PdfReportWriter.Align> align = new ArrayList<>(List.of(LEFT));
            for (int d : AT_RISK_DAYS) {
                align.add(RIGHT);
            }
            pdf.table(header, rows, widths, align);
        }
        in.table(MetricTables.RETENTION_TESTS).ifPresent(t -> {
            pdf.subheading("Each group against the comparison group, per cohort");
            List<List<String>> rows = new ArrayList<>();
            for (MetricRow r : t.rows()) {
                boolean hidden = Boolean.TRUE.equals(r.getBoolean("suppressed"));
                rows.add(List.of(r.getString("cohort_id"), r.getString("contrast").replace("_vs_comparison", ""),
                        Fmt.count(r.getLong("n_group")), Fmt.count(r.getLong("n_comparison")),
                        hidden ? "suppressed" : Fmt.decimal(r.getDouble("logrank_chisq"), 2), Fmt.p(r.getDouble("logrank_p")),
                        hidden ? Fmt.NONE : Fmt.decimal(r.getDouble("hazard_ratio"), 2),
                        r.getDouble("hr_ci_low") == null ? Fmt.NONE
                                : Fmt.decimal(r.getDouble("hr_ci_low"), 2) + "\u2013" + Fmt.decimal(r.getDouble("hr_ci_high"), 2),
                        Fmt.p(r.getDouble("hr_p"))));
            }
            pdf.table(List.of("Cohort", "Group", "n", "n (comp.)", "Log-rank chi\u00b2", "p", "Hazard ratio",
                    "95% interval", "p (Wald)"), rows, new float[] {0.8f, 1.1f, 0.7f, 1, 1, 0.8f, 1, 1.1f, 0.9f},
                    List.of(LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT));
            t.rows().stream().filter(r -> r.getString("note") != null).findFirst().ifPresent(r ->
                    pdf.note("Not computable where stated: " + r.getString("cohort_id") + " " + r.getString("contrast")
                            + ": " + r.getString("note") + "."));
        });
    }

    /** Subjects still followed on a day: n_risk at the first distinct time on or after it. */
    static String atRisk(MetricTable curves, String cohort, String group, int day) {
        List<MetricRow> steps = curves.rows().stream().filter(r -> cohort.equals(r.getString("cohort_id"))
                && group.equals(r.getString("group"))).toList();
        if (steps.isEmpty()) {
            return Fmt.NONE;
        }
        return steps.stream().filter(r -> r.getLong("time") >= day).findFirst()
                .map(r -> Fmt.count(r.getLong("n_risk"))).orElse(Fmt.NONE);
    }

    private static void reliability(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> scales = in.table(MetricTables.SURVEY_SCALES);
        if (scales.isEmpty()) {
            return;
        }
        pdf.ensureSpace(220);
        pdf.heading("Survey scale reliability");
        pdf.paragraph("Cronbach's alpha of each scale at baseline and final, everyone who answered every item of the "
                + "scale (alpha n). Values of 0.7 and above are usually read as acceptable.");
        List<List<String>> rows = new ArrayList<>();
        for (MetricRow r : scales.get().rows()) {
            if (!"all".equals(r.getString("role")) || !List.of("baseline", "final").contains(r.getString("wave"))) {
                continue;
            }
            boolean hidden = Boolean.TRUE.equals(r.getBoolean("suppressed"));
            rows.add(List.of(r.getString("cohort_id"), r.getString("scale").replace('_', ' '), r.getString("wave"),
                    Fmt.count(r.getLong("n")), hidden ? "suppressed" : Fmt.decimal(r.getDouble("cronbach_alpha"), 2),
                    hidden ? Fmt.NONE : Fmt.count(r.getLong("alpha_n"))));
        }
        pdf.table(List.of("Cohort", "Scale", "Wave", "People", "Alpha", "Alpha n"), rows,
                new float[] {0.8f, 1.6f, 0.9f, 0.8f, 0.8f, 0.8f}, List.of(LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT));
    }

    private static void comparisonTable(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> cc = in.table(MetricTables.COHORT_COMPARISON);
        if (cc.isEmpty() || cc.get().rows().isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("Every comparison");
        pdf.paragraph("a is the earlier cohort; difference = a - b. Units: points for knowledge gain and scale "
                + "change (0-100), a fraction for attendance and retention. Tests: Welch t, log-rank for retention; the "
                + "statistics are in metrics/cohort_comparison.csv. * marks a flagged difference.", 9, PdfReportWriter.INK);
        List<List<String>> rows = new ArrayList<>();
        for (MetricRow r : cc.get().rows()) {
            String measure = switch (r.getString("metric")) {
                case "knowledge_gain" -> "gain";
                case "scale_change" -> "scale";
                case "attendance_rate" -> "attendance";
                default -> r.getString("metric").replace('_', ' ');
            } + (r.getString("key") == null ? "" : " " + r.getString("key").replace('_', ' '));
            rows.add(List.of(measure, r.getString("role"), r.getString("cohort_a") + "\u2013" + r.getString("cohort_b"),
                    r.getLong("n_a") + "/" + r.getLong("n_b"), number(r, "estimate_a") + "/" + number(r, "estimate_b"),
                    number(r, "difference"), number(r, "ci_low") + " to " + number(r, "ci_high"),
                    Fmt.p(r.getDouble("p_value")), Fmt.p(r.getDouble("p_holm"))
                            + (Boolean.TRUE.equals(r.getBoolean("flagged")) ? " *" : "")));
        }
        pdf.table(List.of("Measure", "Role", "Cohorts a\u2013b", "n a/b", "Estimates a/b", "a \u2212 b",
                "95% interval", "p", "p Holm"), rows, new float[] {2.1f, 0.85f, 1.0f, 0.8f, 1.3f, 0.8f, 1.4f, 0.8f, 0.9f},
                List.of(LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT), 7.5f);
    }

    private static String describe(MetricRow r) {
        String metric = r.getString("metric").replace('_', ' ');
        String key = r.getString("key") == null ? "" : " " + r.getString("key").replace('_', ' ');
        String role = switch (r.getString("role")) {
            case "mentee" -> ", seniors";
            case "mentor" -> ", juniors";
            default -> "";
        };
        return metric + key + role;
    }

    private static String number(MetricRow r, String column) {
        Double v = r.getDouble(column);
        if (v == null) {
            return Fmt.NONE;
        }
        boolean fraction = List.of("attendance_rate", "retention_365").contains(r.getString("metric"));
        return Fmt.decimal(v, fraction ? 3 : 1);
    }

    private static void methods(PdfReportWriter pdf, ReportInputs in) {
        pdf.newPage();
        pdf.heading("Methods");
        pdf.bullet("Knowledge gain: per person d = post - pre (source: self unless configured). Cohorts compared by "
                + "Welch's t: t = (mean_a - mean_b) / sqrt(s_a\u00b2/n_a + s_b\u00b2/n_b), degrees of freedom by "
                + "Welch-Satterthwaite, interval difference \u00b1 t(0.975, df) \u00d7 standard error.");
        pdf.bullet("Scale change: per person final minus baseline scale score (0-100), Welch's t as above.");
        pdf.bullet("Attendance: per pair held / scheduled sessions (pairs with a scheduled session); the pairs are the "
                + "unit, because sessions cluster within pairs.");
        pdf.bullet("Retention at 365 days: Kaplan-Meier S(365) per cohort's participants; interval of the difference "
                + "\u00b1 1.96 \u00d7 sqrt(se_a\u00b2 + se_b\u00b2) with Greenwood errors; log-rank test over the whole "
                + "follow-up, each person timed from their own cohort's start. Only cohorts followed a full year.");
        pdf.bullet("Holm: within each metric, key and role, the i-th smallest of m p-values becomes the running "
                + "maximum of min(1, (m - i + 1) p), as R's p.adjust(method = \"holm\").");
        pdf.bullet("Survival: S(t) = product over event times of (1 - d/n); Greenwood variance of log S = sum of "
                + "d / (n (n - d)); the band is exp(log S \u00b1 1.96 sqrt of that), capped at 1. Cox model: time ~ "
                + "in_group + job_level + tenure_years, Efron ties, Wald intervals.");
        pdf.bullet("Privacy: comparisons need at least the minimum group size on both sides; a cohort's figures for "
                + "groups below it are suppressed in every table.");
        pdf.paragraph("Every number here is in metrics/cohort_comparison.csv and the tables it draws on, described in "
                + "metrics/CODEBOOK.md. Data as of " + in.asOf() + ".", 9.5f, PdfReportWriter.INK);
    }
}
