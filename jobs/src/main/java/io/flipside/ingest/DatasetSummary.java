package io.flipside.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What ingest did with one dataset, for the manifest and {@code flipside validate}.
 * {@code rowsRead = rowsValid + rowsQuarantined} always.
 *
 * @param superseded earlier versions of a versioned key at the as-of date (valid, kept)
 * @param notReverse pairs whose mentor is not more junior than the mentee (valid, kept)
 * @param millis     wall time to read, check and count this dataset
 */
public record DatasetSummary(String dataset, boolean present, List<InputFile> files, long rowsRead, long rowsValid,
        long rowsQuarantined, Map<String, Long> reasons, long fieldsNulled, long superseded, long notReverse,
        List<String> unknownColumns, long millis) {
    public DatasetSummary {
        requireNonNull(dataset, "dataset");
        files = List.copyOf(files);
        reasons = Map.copyOf(reasons);
        unknownColumns = List.copyOf(unknownColumns);
        if (rowsRead != rowsValid + rowsQuarantined) {
            throw new IllegalStateException(dataset + ": " + rowsRead + " rows read but " + rowsValid + " valid + "
                    + rowsQuarantined + " quarantined: rows were lost");
        }
    }

    public double rejectRatio() {
        return rowsRead == 0 ? 0 : (double) rowsQuarantined / rowsRead;
    }
}
