package io.flipside.quality;

import io.flipside.ingest.DatasetSummary;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** SPEC §3 reject threshold: a dataset whose quarantined share exceeds quality.max_reject_ratio fails the run. */
public final class QualityGate {
    private QualityGate() {
    }

    /** The dataset furthest over the limit, if any is over it. */
    public static Optional<DatasetSummary> worst(Collection<DatasetSummary> summaries, double maxRejectRatio) {
        return summaries.stream().filter(s -> s.rejectRatio() > maxRejectRatio)
                .max(Comparator.comparingDouble(DatasetSummary::rejectRatio));
    }

    public static String describe(DatasetSummary s, double maxRejectRatio) {
        return String.format(Locale.ROOT, "%s: %.1f%% of %d rows quarantined, above quality.max_reject_ratio %.1f%%",
                s.dataset(), 100 * s.rejectRatio(), s.rowsRead(), 100 * maxRejectRatio);
    }
}
