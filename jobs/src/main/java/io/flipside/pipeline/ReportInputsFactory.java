package io.flipside.pipeline;

import io.flipside.ingest.DatasetSummary;
import io.flipside.report.ReportInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns ingest summaries into the report's data-quality lines. */
final class ReportInputsFactory {
    private ReportInputsFactory() {
    }

    static List<ReportInputs.QualityLine> quality(Map<String, DatasetSummary> summaries) {
        List<ReportInputs.QualityLine> out = new ArrayList<>();
        for (DatasetSummary s : summaries.values()) {
            out.add(new ReportInputs.QualityLine(s.dataset(), s.present(), s.rowsRead(), s.rowsQuarantined(), s.reasons()));
        }
        return out;
    }
}
