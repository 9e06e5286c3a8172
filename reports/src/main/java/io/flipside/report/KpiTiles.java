package io.flipside.report;

import io.flipside.report.pdf.PdfReportWriter.Tile;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first page's tiles from the {@code kpis} table, pooled over cohorts: the value at the as-of date
 * and an arrow with the change since the end of the previous quarter, in the KPI's own unit
 * (percentage points for shares). A KPI without a value says why instead of showing 0.
 */
public final class KpiTiles {
    private record Kpi(String name, String label, String detail) {
    }

    private static final List<Kpi> SHOWN = List.of(
            new Kpi("active_pairs", "Active pairs", "running, met this quarter"),
            new Kpi("attendance_rate", "Attendance", "of sessions held"),
            new Kpi("engagement_rate_30d", "Active in 30 days", "of people in running pairs"),
            new Kpi("favorable_pct", "Favourable", "answers, latest wave"),
            new Kpi("mentee_gain_g", "Seniors' learning", "g, digital & culture"),
            new Kpi("mentor_gain_g", "Juniors' learning", "g, leadership"),
            new Kpi("retention_365_participant", "Participants stay", "still employed after a year"),
            new Kpi("enps", "Net promoter score", "promoters \u2212 detractors"));

    private KpiTiles() {
    }

    public static List<Tile> of(MetricTable kpis, LocalDate asOf) {
        List<Tile> out = new ArrayList<>();
        for (Kpi k : SHOWN) {
            MetricRow now = find(kpis, k.name(), asOf, true);
            MetricRow before = find(kpis, k.name(), asOf, false);
            if (now == null) {
                continue;
            }
            Double v = now.getDouble("value");
            String unit = now.getString("unit");
            String delta;
            if (v == null) {
                delta = "not available:\nno data yet, or too few people";
            } else if (before == null || before.getDouble("value") == null) {
                delta = "no value at " + quarter(before == null ? null : before.getDate("period_end")) + "\n" + k.detail();
            } else {
                delta = arrow(v - before.getDouble("value"), unit) + " vs " + quarter(before.getDate("period_end")) + "\n"
                        + k.detail();
            }
            out.add(new Tile(k.label(), v == null ? Fmt.NONE : format(v, unit), delta));
        }
        return out;
    }

    /** The quarter a period end closes, e.g. 2026-Q2. */
    static String quarter(LocalDate end) {
        return end == null ? "the previous quarter" : end.getYear() + "-Q" + ((end.getMonthValue() - 1) / 3 + 1);
    }

    static String format(double v, String unit) {
        return switch (unit) {
            case "fraction" -> Fmt.pct(v);
            case "pct" -> String.format(Locale.ROOT, "%.0f%%", v);
            case "g" -> Fmt.decimal(v, 2);
            case "points" -> String.format(Locale.ROOT, "%+.0f", v);
            default -> Math.rint(v) == v ? Fmt.count((long) v) : Fmt.decimal(v, 2);
        };
    }

    /** ▲ or ▼ and the change in the KPI's unit; shares and percentages change by percentage points. */
    static String arrow(double d, String unit) {
        String sign = d > 0 ? "\u25b2 +" : d < 0 ? "\u25bc \u2212" : "= ";
        double a = Math.abs(d);
        String amount = switch (unit) {
            case "fraction" -> String.format(Locale.ROOT, "%.1f pts", a * 100);
            case "pct", "points" -> String.format(Locale.ROOT, "%.1f pts", a);
            case "g" -> String.format(Locale.ROOT, "%.2f", a);
            default -> Math.rint(a) == a ? String.format(Locale.ROOT, "%,d", (long) a) : String.format(Locale.ROOT, "%.2f", a);
        };
        return sign + amount;
    }

    private static MetricRow find(MetricTable kpis, String kpi, LocalDate asOf, boolean current) {
        return kpis.rows().stream().filter(r -> "ALL".equals(r.getString("cohort_id")) && kpi.equals(r.getString("kpi"))
                && r.getDate("period_end").equals(asOf) == current).findFirst().orElse(null);
    }
}
