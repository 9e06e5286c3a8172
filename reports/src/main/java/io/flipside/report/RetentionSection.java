package io.flipside.report;

import static io.flipside.report.pdf.PdfReportWriter.Align.LEFT;
import static io.flipside.report.pdf.PdfReportWriter.Align.RIGHT;

import io.flipside.report.charts.RetentionCharts;
import io.flipside.report.pdf.PdfReportWriter;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Results section (Kirkpatrick level 4): do participants stay, against a fair comparison group? */
final class RetentionSection {
    private RetentionSection() {
    }

    static void render(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> curves = in.table(MetricTables.SURVIVAL_CURVE);
        if (curves.isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("Results: do participants stay?");
        pdf.paragraph("Everyone employed when a cohort starts is followed from that day: its mentors and mentees, and "
                + "as a comparison the employees outside the programme (someone who joins a later cohort stops "
                + "counting as a comparison on the day they are matched). A line drops when someone leaves "
                + "(voluntarily, unless configured otherwise); the band is the 95% interval. All cohorts together, "
                + "each timed from its own start.");
        List<String> groups = List.of("participant", "comparison");
        if (RetentionCharts.has(curves.get(), "ALL", groups)) {
            pdf.chart(RetentionCharts.survival(curves.get(), "ALL", groups), 230,
                    "Kaplan-Meier estimate of the share still employed. Curves stop where fewer than the privacy "
                            + "minimum are still followed.");
        } else {
            pdf.note("Too few people are followed to draw retention curves without identifying anyone.");
        }
        in.table(MetricTables.RETENTION).ifPresent(r -> horizons(pdf, r));
        in.table(MetricTables.RETENTION_TESTS).ifPresent(t -> tests(pdf, t));
    }

    private static void horizons(PdfReportWriter pdf, MetricTable retention) {
        List<Long> horizons = retention.rows().stream().map(r -> r.getLong("horizon_days")).distinct().sorted().toList();
        pdf.subheading("Still employed after " + String.join(", ", horizons.stream().map(h -> h + "").toList()) + " days");
        Map<List<String>, Map<Long, String>> cells = new LinkedHashMap<>();
        boolean anySuppressed = false;
        for (MetricRow r : retention.rows()) {
            String group = r.getString("group");
            if (!group.equals("participant") && !group.equals("comparison")) {
                continue;
            }
            boolean hidden = Boolean.TRUE.equals(r.getBoolean("suppressed")) && r.getLong("n") > 0;
            anySuppressed |= hidden;
            String cell = hidden ? "suppressed" : r.getDouble("retention") == null ? "not yet"
                    : Fmt.pct(r.getDouble("retention")) + (r.getDouble("ci_low") == null ? ""
                    : " (" + Fmt.pct(r.getDouble("ci_low")) + "\u2013" + Fmt.pct(r.getDouble("ci_high")) + ")");
            cells.computeIfAbsent(List.of(r.getString("cohort_id"), group.equals("participant") ? "Participants"
                    : "Comparison"), k -> new LinkedHashMap<>()).put(r.getLong("horizon_days"), cell);
        }
        List<List<String>> rows = new ArrayList<>();
        cells.forEach((k, byHorizon) -> {
            List<String> row = new ArrayList<>(List.of(k.get(0), k.get(1)));
            horizons.forEach(h -> row.add(byHorizon.getOrDefault(h, Fmt.NONE)));
            rows.add(row);
        });
        List<String> header = new ArrayList<>(List.of("Cohort", "Group"));
        horizons.forEach(h -> header.add(h + " days (95% interval)"));
        float[] widths = new float[header.size()];
        java.util.Arrays.fill(widths, 1.4f);
        widths[0] = 0.7f;
        widths[1] = 1.1f;
        List<PdfReportWriter.Align> align = new ArrayList<>(List.of(LEFT, LEFT));
        horizons.forEach(h -> align.add(RIGHT));
        pdf.table(header, rows, widths, align);
        pdf.paragraph("\"not yet\": the cohort has not been followed that long. ALL pools the cohorts followed for "
                + "the whole period, each person once per cohort.", 8.5f, PdfReportWriter.MUTED);
        if (anySuppressed) {
            pdf.note("Some groups are smaller than the privacy minimum; their figures are suppressed, not zero.");
        }
    }

    private static void tests(PdfReportWriter pdf, MetricTable tests) {
        pdf.subheading("Leaving rate compared with similar colleagues");
        for (MetricRow r : tests.rows()) {
            if (!"participant_vs_comparison".equals(r.getString("contrast"))) {
                continue;
            }
            pdf.bullet(inWords(r));
        }
        pdf.paragraph("The hazard ratio compares the rate of leaving, adjusting for job level and tenure (Cox model). "
                + "Job level is the level at extraction, a known limitation.", 8.5f, PdfReportWriter.MUTED);
    }

    /** A hazard ratio in words, with its interval and what the interval allows. */
    static String inWords(MetricRow r) {
        String cohort = r.getString("cohort_id");
        if (Boolean.TRUE.equals(r.getBoolean("suppressed"))) {
            return cohort + ": too few people to compare without identifying anyone.";
        }
        Double hr = r.getDouble("hazard_ratio");
        if (hr == null) {
            return cohort + ": no hazard ratio (" + (r.getString("note") == null ? "not computable" : r.getString("note"))
                    + ").";
        }
        double lo = r.getDouble("hr_ci_low");
        double hi = r.getDouble("hr_ci_high");
        String direction = hr < 1 ? String.format(Locale.ROOT, "%.0f%% lower", (1 - hr) * 100)
                : String.format(Locale.ROOT, "%.0f%% higher", (hr - 1) * 100);
        String certainty = hi < 1 ? "clearly lower" : lo > 1 ? "clearly higher"
                : "the interval includes no difference, so this could be chance";
        return String.format(Locale.ROOT, "%s: participants left at a rate %s than comparable colleagues (hazard ratio "
                + "%.2f, 95%% interval %.2f to %.2f, p %s): %s.", cohort, direction, hr, lo, hi,
                Fmt.p(r.getDouble("hr_p")).startsWith("<") ? Fmt.p(r.getDouble("hr_p")) : "= " + Fmt.p(r.getDouble("hr_p")),
                certainty);
    }
}
