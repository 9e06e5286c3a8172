package io.flipside.report;

import io.flipside.report.pdf.PdfReportWriter;

/** The last page: how every figure in the report is computed, in one page. */
final class MethodSection {
    private MethodSection() {
    }

    static void render(PdfReportWriter pdf, ReportInputs in) {
        pdf.newPage();
        pdf.heading("Method");
        pdf.paragraph("Data as of " + in.asOf() + ": anything dated later (sessions, answers, assessments, "
                + "terminations, pairs) is treated as not yet happened. Percentages are of people unless stated; "
                + "intervals are 95% and two-sided.");
        pdf.bullet("Engagement: attendance = held / scheduled sessions; sessions per pair-month = held sessions over "
                + "months paired (30.44 days each), from match to the pair's end, the cohort's end or the as-of date.");
        pdf.bullet("Learning: gain = post - pre self-assessment per person and skill; mean with a t interval; effect "
                + "size g = mean gain / SD of gains, corrected for small samples (Hedges).");
        pdf.bullet("Reaction: answers rescaled to 0-100 (reverse-coded items flipped); favourable = above the "
                + "midpoint; net promoter score = % answering 9-10 minus % answering 0-6.");
        pdf.bullet("Results: Kaplan-Meier survival from each cohort's start with Greenwood intervals (log scale); "
                + "participants against employees outside the programme by the log-rank test and a Cox model "
                + "adjusting for job level and tenure (Efron ties). Job level is the level at extraction.");
        pdf.bullet("Quarter-on-quarter changes: every KPI is recomputed by the same code as of the end of the "
                + "previous quarter; changes in shares are in percentage points.");
        pdf.bullet("Privacy: any figure about fewer than the minimum group size is withheld, and so is the "
                + "smallest neighbouring figure where the withheld one could otherwise be worked out by "
                + "subtraction. People appear only as keyed pseudonyms; no names, ids or free text are printed.");
        pdf.paragraph("Every table behind this report is in the run's metrics folder as Parquet and CSV, described "
                + "column by column in metrics/CODEBOOK.md.", 9.5f, PdfReportWriter.INK);
    }
}
