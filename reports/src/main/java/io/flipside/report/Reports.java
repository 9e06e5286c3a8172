package io.flipside.report;

import java.nio.file.Path;
import java.util.List;

/** Every report of SPEC §7, rendered from the same inputs. */
public final class Reports {
    private Reports() {
    }

    /** Renders the executive quarterly and the cohort comparison reports into {@code dir}. */
    public static List<Path> renderAll(ReportInputs in, Path dir) {
        return List.of(ExecutiveReport.render(in, dir), CohortComparisonReport.render(in, dir));
    }
}
