package io.flipside.report;

import static io.flipside.report.pdf.PdfReportWriter.Align.LEFT;
import static io.flipside.report.pdf.PdfReportWriter.Align.RIGHT;

import io.flipside.report.charts.ActivityCharts;
import io.flipside.report.charts.EngagementCharts;
import io.flipside.report.pdf.PdfReportWriter;
import io.flipside.report.pdf.PdfReportWriter.Tile;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executive quarterly report (SPEC §7): page 1 answers "is the programme working?" with tiles
 * and takeaways chosen from the numbers, then the sections the metrics of this run support, then data
 * quality, privacy and what could not be computed.
 */
public final class ExecutiveReport {
    private ExecutiveReport() {
    }

    public static String fileName(String period) {
        return "executive-" + period + ".pdf";
    }

    public static Path render(ReportInputs in, Path dir) {
        Path file = dir.resolve(fileName(in.period()));
        String org = in.organisation().isBlank() ? "" : in.organisation() + " \u00b7 ";
        try (PdfReportWriter pdf = new PdfReportWriter("Reverse mentoring quarterly report " + in.period(),
                org + "Reverse mentoring quarterly report " + in.period(), in.asOf(), in.reportDate())) {
            pdf.title("Is the programme working?", org + "Reverse mentoring, " + in.period() + " \u00b7 data as of "
                    + in.asOf());
            Optional<MetricTable> kpis = in.table(MetricTables.KPIS);
            Optional<MetricRow> all = in.table(MetricTables.ENGAGEMENT).flatMap(t -> pooled(t));
            if (kpis.isPresent()) {
                pdf.tiles(KpiTiles.of(kpis.get(), in.asOf()));
            } else if (all.isPresent()) {
                MetricRow e = all.get();
                pdf.tiles(List.of(
                        new Tile("Pairs meeting", Fmt.count(e.getLong("active_pairs")),
                                "of " + Fmt.count(e.getLong("pairs")) + " pairs matched so far"),
                        new Tile("Attendance", Fmt.pct(e.getDouble("attendance_rate")),
                                "of scheduled sessions were held")));
            }
            pdf.subheading("What the numbers say");
            for (String t : Takeaways.choose(in)) {
                pdf.bullet(t);
            }
            notComputed(pdf, in);
            reaction(pdf, in);
            learning(pdf, in);
            behaviour(pdf, in);
            collaboration(pdf, in);
            RetentionSection.render(pdf, in);
            InclusionSection.render(pdf, in);
            dataQuality(pdf, in);
            MethodSection.render(pdf, in);
            pdf.save(file);
        }
        return file;
    }

    private static void notComputed(PdfReportWriter pdf, ReportInputs in) {
        if (in.skipped().isEmpty()) {
            return;
        }
        StringBuilder s = new StringBuilder("Not in this report: ");
        List<String> parts = new ArrayList<>();
        in.skipped().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + " (" + e.getValue() + ")"));
        s.append(String.join("; ", parts)).append('.');
        pdf.note(s.toString());
    }

    private static void behaviour(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> engagement = in.table(MetricTables.ENGAGEMENT);
        if (engagement.isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("Behaviour: are pairs meeting?");
        pdf.paragraph("Each pair agrees a cadence with its cohort. The chart shows held sessions per month of "
                + "pairing, counted from each pair's match to its end, the cohort's end or the as-of date.");
        pdf.chart(EngagementCharts.heldPerPairMonth(engagement.get()), 200,
                "Sessions held per pair-month by cohort. Pairs that withdrew stay in their cohort's figures.");
        in.table(MetricTables.ENGAGEMENT_MONTHLY).ifPresent(m -> pdf.chart(EngagementCharts.monthlySessions(m), 230,
                "Sessions held per calendar month, by cohort."));
        pdf.subheading("Engagement by cohort");
        List<List<String>> rows = new ArrayList<>();
        for (MetricRow r : engagement.get().rows()) {
            rows.add(List.of(r.getString("cohort_id"), Fmt.count(r.getLong("pairs")), Fmt.count(r.getLong("active_pairs")),
                    Fmt.pct(r.getDouble("attendance_rate")), Fmt.decimal(r.getDouble("held_per_pair_month"), 2),
                    Fmt.pct(r.getDouble("cadence_adherence")), Fmt.decimal(r.getDouble("median_days_to_first_session"), 1),
                    Fmt.pct(r.getDouble("withdrawn_rate")), Fmt.count(r.getLong("inactive_pairs"))));
        }
        pdf.table(List.of("Cohort", "Pairs", "Meeting", "Attended", "Sessions per pair-month", "On cadence",
                "Days to first", "Withdrew", "Inactive"), rows, new float[] {0.9f, 0.8f, 0.9f, 1, 1.3f, 1, 1, 1, 0.9f},
                List.of(LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT));
        pdf.paragraph("Meeting: pairs with at least one held session. Days to 1st: median days from matching to "
                + "the first held session. Inactive: pairs still running with no held session in the "
                + in.inactiveAfterDays() + " days up to the as-of date. " + Fmt.NONE + " means not computable (no data behind it).",
                8.5f, PdfReportWriter.MUTED);
    }

    private static void reaction(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> scales = in.table(MetricTables.SURVEY_SCALES);
        if (scales.isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("Reaction: how do participants feel?");
        pdf.paragraph("Participants answer a short survey at the start (baseline), half way, at the end (final) and "
                + "three months later (follow-up). A scale score is 0 (every answer at the worst end) to 100 "
                + "(every answer at the best end); favourable means above the midpoint. All cohorts together.");
        List<String> waves = List.of("baseline", "midpoint", "final", "followup");
        List<List<String>> rows = new ArrayList<>();
        boolean anySuppressed = false;
        for (MetricRow r : scales.get().rows()) {
            if (!"ALL".equals(r.getString("cohort_id")) || !"all".equals(r.getString("role"))) {
                continue;
            }
            boolean hidden = Boolean.TRUE.equals(r.getBoolean("suppressed"));
            anySuppressed |= hidden;
            rows.add(List.of(r.getString("scale").replace('_', ' '), r.getString("wave"), Fmt.count(r.getLong("n")),
                    hidden ? "suppressed" : Fmt.decimal(r.getDouble("mean_score"), 0),
                    hidden ? Fmt.NONE : Fmt.pct(r.getDouble("favorable_pct") == null ? null : r.getDouble("favorable_pct") / 100),
                    hidden ? Fmt.NONE : Fmt.decimal(r.getDouble("cronbach_alpha"), 2)));
        }
        rows.sort(java.util.Comparator.comparing((List<String> r) -> r.get(0))
                .thenComparing(r -> waves.indexOf(r.get(1))));
        pdf.table(List.of("Scale", "Wave", "People", "Score (0-100)", "Favourable", "Reliability (alpha)"), rows,
                new float[] {1.6f, 1, 0.8f, 1, 1, 1.2f}, List.of(LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT));
        in.table(MetricTables.ENPS).ifPresent(e -> {
            List<String> parts = new ArrayList<>();
            e.rows().stream().filter(r -> "ALL".equals(r.getString("cohort_id")) && "all".equals(r.getString("role")))
                    .sorted(java.util.Comparator.comparing(r -> waves.indexOf(r.getString("wave"))))
                    .forEach(r -> parts.add(r.getString("wave") + " " + (Boolean.TRUE.equals(r.getBoolean("suppressed"))
                            ? "suppressed" : String.format(java.util.Locale.ROOT, "%+.0f", r.getDouble("enps")))));
            if (!parts.isEmpty()) {
                pdf.paragraph("Would they recommend the programme? Net promoter score (promoters minus detractors, "
                        + "-100 to +100): " + String.join(", ", parts) + ".");
            }
        });
        if (anySuppressed) {
            pdf.note("Some groups are smaller than the privacy minimum; their figures are suppressed, not zero.");
        }
    }

    private static void learning(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> kt = in.table(MetricTables.KNOWLEDGE_TRANSFER);
        if (kt.isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("Learning: did both sides learn?");
        pdf.paragraph("Participants rate their skills before (pre) and after (post) the programme. Seniors are "
                + "expected to learn digital and cultural skills from their junior mentors, and the juniors "
                + "leadership from them. Gains below are self-assessed, on the skill's own scale, for everyone "
                + "with both ratings, all cohorts together.");
        List<List<String>> rows = new ArrayList<>();
        boolean anySuppressed = false;
        for (MetricRow r : kt.get().rows()) {
            if (!"ALL".equals(r.getString("cohort_id")) || !"self".equals(r.getString("source"))) {
                continue;
            }
            boolean hidden = Boolean.TRUE.equals(r.getBoolean("suppressed"));
            anySuppressed |= hidden;
            String interval = hidden || r.getDouble("ci_low") == null ? Fmt.NONE
                    : Fmt.decimal(r.getDouble("ci_low"), 1) + " to " + Fmt.decimal(r.getDouble("ci_high"), 1);
            rows.add(List.of(r.getString("role").equals("mentee") ? "Seniors (mentees)" : "Juniors (mentors)",
                    r.getString("skill_id"), r.getString("domain"),
                    Boolean.TRUE.equals(r.getBoolean("expected_learner")) ? "yes" : "no", Fmt.count(r.getLong("n")),
                    hidden ? "suppressed" : Fmt.decimal(r.getDouble("mean_gain"), 1), interval,
                    hidden ? Fmt.NONE : Fmt.pct(r.getDouble("pct_improved") == null ? null : r.getDouble("pct_improved") / 100)));
        }
        pdf.table(List.of("Who", "Skill", "Domain", "Expected to learn", "People", "Mean gain", "95% interval",
                "Improved"), rows, new float[] {1.5f, 0.7f, 1, 1, 0.8f, 0.9f, 1.3f, 0.9f},
                List.of(LEFT, LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT));
        if (anySuppressed) {
            pdf.note("Some groups are smaller than the privacy minimum; their figures are suppressed, not zero.");
        }
    }

    private static void collaboration(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> activity = in.table(MetricTables.ACTIVITY);
        if (activity.isEmpty()) {
            return;
        }
        pdf.heading("Behaviour: is the exchange two-way?");
        pdf.paragraph("Between sessions pairs message, call, share resources and set goals on the collaboration "
                + "platform. Reverse mentoring is meant to run both ways: the reciprocity index is 1 when mentor and "
                + "mentee are equally active in their pair and 0 when only one of them is.");
        in.table(MetricTables.ACTIVITY_WEEKLY).ifPresent(w -> pdf.chart(ActivityCharts.weeklyEvents(w), 210,
                "Collaboration events per ISO week, by cohort."));
        List<List<String>> rows = new ArrayList<>();
        for (MetricRow r : activity.get().rows()) {
            rows.add(List.of(r.getString("cohort_id"), Fmt.count(r.getLong("events")), Fmt.count(r.getLong("participants")),
                    Fmt.decimal(r.getDouble("events_per_pair_week"), 1), Fmt.pct(r.getDouble("engagement_rate_30d")),
                    Fmt.decimal(r.getDouble("reciprocity_index"), 2)));
        }
        pdf.table(List.of("Cohort", "Events", "People", "Events per pair-week", "Active in last 30 days",
                "Reciprocity"), rows, new float[] {1, 1, 1, 1.2f, 1.3f, 1},
                List.of(LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT));
        pdf.paragraph("Active in last 30 days: share of the people in pairs still running at the as-of date who "
                + "took part in their pair's activity in the 30 days up to it; " + Fmt.NONE + " where no pair is "
                + "running.", 8.5f, PdfReportWriter.MUTED);
    }

    private static void dataQuality(PdfReportWriter pdf, ReportInputs in) {
        pdf.ensureSpace(260);
        pdf.heading("Data quality and privacy");
        pdf.paragraph("Every input row is either used or set aside (quarantined) with a reason, so the data owners "
                + "can correct their source. Counts per dataset:");
        List<List<String>> rows = new ArrayList<>();
        for (ReportInputs.QualityLine q : in.quality()) {
            if (!q.present()) {
                rows.add(List.of(q.dataset(), "not supplied", "", "", ""));
                continue;
            }
            String reasons = String.join(", ", q.topReasons().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(3).map(e -> e.getKey() + " " + e.getValue()).toList());
            double share = q.rowsRead() == 0 ? 0 : 100.0 * q.rowsQuarantined() / q.rowsRead();
            rows.add(List.of(q.dataset(), Fmt.count(q.rowsRead()), Fmt.count(q.rowsQuarantined()),
                    String.format(java.util.Locale.ROOT, "%.2f%%", share), reasons));
        }
        pdf.table(List.of("Dataset", "Rows read", "Set aside", "Share", "Main reasons"), rows,
                new float[] {1.3f, 0.9f, 0.9f, 0.7f, 2.6f}, List.of(LEFT, RIGHT, RIGHT, RIGHT, LEFT));
        pdf.paragraph("People appear in every output only as pseudonyms (a keyed hash); this report prints no "
                + "names or ids and no free text.", 9.5f, PdfReportWriter.INK);
    }

    private static Optional<MetricRow> pooled(MetricTable t) {
        return t.rows().stream().filter(r -> "ALL".equals(r.getString("cohort_id"))).findFirst();
    }
}
