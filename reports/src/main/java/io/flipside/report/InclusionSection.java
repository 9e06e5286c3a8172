package io.flipside.report;

import io.flipside.report.pdf.PdfReportWriter;
import io.flipside.report.pdf.PdfReportWriter.Cell;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Inclusion section: results by generation and role from the {@code segments} table, all cohorts pooled. */
final class InclusionSection {
    private static final List<String> GENERATIONS = List.of("Silent", "Boomers", "Gen X", "Millennials", "Gen Z",
            "undisclosed");
    private static final List<String> ROLES = List.of("mentor", "mentee", "all");

    private InclusionSection() {
    }

    static void render(PdfReportWriter pdf, ReportInputs in) {
        Optional<MetricTable> segments = in.table(MetricTables.SEGMENTS);
        if (segments.isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("Inclusion: does it work for every generation?");
        pdf.paragraph("Reverse mentoring is meant to bridge generations. Each grid shows one result by the "
                + "participants' generation (from birth year) and their role, all cohorts together. Hatched cells "
                + "are withheld: fewer people than the privacy minimum, or a neighbour of such a cell that would "
                + "otherwise give it away. They are not zero.");
        List<MetricRow> rows = segments.get().rows().stream().filter(r -> "ALL".equals(r.getString("cohort_id"))
                && "generation".equals(r.getString("dimension"))).toList();
        List<String> present = GENERATIONS.stream().filter(g -> rows.stream()
                .anyMatch(r -> g.equals(r.getString("segment")))).toList();
        List<String> labels = present.stream().map(g -> g + " (" + count(rows, g) + ")").toList();
        List<String> columns = List.of("Juniors (mentors)", "Seniors (mentees)", "Everyone");
        grid(pdf, rows, present, labels, columns, "gain_expected_100",
                "Learning: mean gain on the skills each role is expected to learn, % of the scale", 0, 25, "%.1f");
        grid(pdf, rows, present, labels, columns, "favorable_pct",
                "Reaction: favourable survey answers at each person's latest wave, %", 0, 100, "%.0f%%");
        grid(pdf, rows, present, labels, columns, "retention_365",
                "Results: still employed a year after the start (cohorts followed a full year)", 0.5, 1, "pct");
        pdf.paragraph("In brackets: participants in the generation. \"nobody\": no participant of that generation "
                + "in that role. \"no data\": nobody in the cell has the measure (no survey answers, no assessment, "
                + "or no cohort followed a year).", 8.5f,
                PdfReportWriter.MUTED);
    }

    private static long count(List<MetricRow> rows, String generation) {
        return rows.stream().filter(r -> generation.equals(r.getString("segment")) && "all".equals(r.getString("role"))
                && "participants".equals(r.getString("metric"))).mapToLong(r -> r.getLong("n")).findFirst().orElse(0);
    }

    private static void grid(PdfReportWriter pdf, List<MetricRow> rows, List<String> generations, List<String> labels,
            List<String> columns, String metric, String title, double low, double high, String format) {
        List<List<Cell>> cells = new ArrayList<>();
        for (String g : generations) {
            List<Cell> line = new ArrayList<>();
            for (String role : ROLES) {
                MetricRow r = rows.stream().filter(x -> g.equals(x.getString("segment")) && role.equals(x.getString("role"))
                        && metric.equals(x.getString("metric"))).findFirst().orElse(null);
                boolean anyone = rows.stream().anyMatch(x -> g.equals(x.getString("segment"))
                        && role.equals(x.getString("role")) && "participants".equals(x.getString("metric")));
                if (r == null) {
                    line.add(new Cell(null, anyone ? "no data" : "nobody"));
                } else if (Boolean.TRUE.equals(r.getBoolean("suppressed"))) {
                    line.add(new Cell(null, "suppressed"));
                } else {
                    double v = r.getDouble("value");
                    line.add(new Cell(v, format.equals("pct") ? Fmt.pct(v) : String.format(Locale.ROOT, format, v)));
                }
            }
            cells.add(line);
        }
        pdf.heatMap(title, labels, columns, cells, low, high);
    }
}
