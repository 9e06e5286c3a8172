package io.flipside.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableDef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both reports rendered from a small hand-made run in which some figures are suppressed and whole
 * metrics are missing: every gap is stated in words, none is drawn as 0.
 */
class SuppressedAndMissingTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    @Test
    void everyGapIsStatedInWords(@TempDir Path dir) throws IOException {
        Map<String, MetricTable> tables = new HashMap<>();
        put(tables, MetricTables.ENGAGEMENT, List.of(
                MetricTables.ENGAGEMENT.newRow().set("cohort_id", "C1").set("pairs", 4L).set("active_pairs", 3L)
                        .set("attendance_rate", 0.9).set("inactive_pairs", 0L).set("withdrawn_rate", 0.0).build(),
                MetricTables.ENGAGEMENT.newRow().set("cohort_id", "ALL").set("pairs", 4L).set("active_pairs", 3L)
                        .set("attendance_rate", 0.9).set("inactive_pairs", 0L).set("withdrawn_rate", 0.0).build()));
        put(tables, MetricTables.SURVEY_SCALES, List.of(MetricTables.SURVEY_SCALES.newRow().set("cohort_id", "ALL")
                .set("wave", "baseline").set("role", "all").set("scale", "belonging").set("n", 3L).set("suppressed", true)
                .build()));
        put(tables, MetricTables.RETENTION, List.of(
                retention("participant", 4, null, true), retention("comparison", 900, 0.87, false)));
        put(tables, MetricTables.SURVIVAL_CURVE, List.of());
        put(tables, MetricTables.SEGMENTS, List.of(
                MetricTables.SEGMENTS.newRow().set("cohort_id", "ALL").set("dimension", "generation").set("segment", "Gen Z")
                        .set("role", "all").set("metric", "participants").set("n", 4L).set("value", 4.0)
                        .set("suppressed", false).build(),
                MetricTables.SEGMENTS.newRow().set("cohort_id", "ALL").set("dimension", "generation").set("segment", "Gen Z")
                        .set("role", "all").set("metric", "favorable_pct").set("n", 4L).set("suppressed", true).build()));
        put(tables, MetricTables.KPIS, List.of(
                MetricTables.KPIS.newRow().set("period_end", AS_OF).set("cohort_id", "ALL").set("kpi", "attendance_rate")
                        .set("value", null).set("unit", "fraction").build(),
                MetricTables.KPIS.newRow().set("period_end", LocalDate.of(2026, 6, 30)).set("cohort_id", "ALL")
                        .set("kpi", "attendance_rate").set("value", 0.8).set("unit", "fraction").build()));
        put(tables, MetricTables.COHORT_COMPARISON, List.of());
        ReportInputs in = new ReportInputs("", AS_OF, "2026-Q3", LocalDate.of(2026, 10, 5), 45, tables, List.of(),
                Map.of("knowledge_transfer", "no assessments dataset in the input",
                        "activity", "no activity_events dataset in the input"));

        String executive = text(ExecutiveReport.render(in, dir));
        assertThat(executive).contains("Not in this report: activity (no activity_events dataset in the input); "
                + "knowledge_transfer (no assessments dataset in the input).");
        assertThat(executive).contains("Learning could not be assessed: no skill assessments in this run.");
        assertThat(executive).contains("Retention a year on is not known yet");
        assertThat(executive).contains("not available:").as("a KPI without a value says so");
        assertThat(executive).contains("Too few people are followed to draw retention curves");
        assertThat(executive).contains("their figures are suppressed, not zero");
        assertThat(executive.split("suppressed", -1).length - 1).as("reaction, retention and inclusion cells")
                .isGreaterThanOrEqualTo(3);

        String comparison = text(CohortComparisonReport.render(in, dir));
        assertThat(comparison).contains("No two cohorts have enough people on both sides to compare yet.");
    }

    private static MetricRow retention(String group, long n, Double value, boolean suppressed) {
        return MetricTables.RETENTION.newRow().set("cohort_id", "ALL").set("group", group).set("horizon_days", 365L)
                .set("n", n).set("retention", value).set("ci_low", value == null ? null : value - 0.01)
                .set("ci_high", value == null ? null : value + 0.01).set("suppressed", suppressed).build();
    }

    private static void put(Map<String, MetricTable> tables, TableDef def, List<MetricRow> rows) {
        tables.put(def.name(), new MetricTable(def, rows));
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
