package io.flipside.ingest;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows read, quarantined (in total and by reason) and fields nulled, of one dataset or of one task's
 * share of it.
 */
record RowCounts(long read, long quarantined, long nulled, Map<String, Long> reasons) implements Serializable {
    RowCounts {
        reasons = Map.copyOf(reasons);
    }

    static final RowCounts NONE = new RowCounts(0, 0, 0, Map.of());

    RowCounts plus(RowCounts other) {
        Map<String, Long> merged = new TreeMap<>(reasons);
        other.reasons.forEach((reason, n) -> merged.merge(reason, n, Long::sum));
        return new RowCounts(read + other.read, quarantined + other.quarantined, nulled + other.nulled, merged);
    }
}
