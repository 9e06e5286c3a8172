package io.flipside.metrics;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;

/** A cohort as the metrics need it. */
public record CohortInfo(String id, String name, LocalDate start, LocalDate end, double planned) implements Serializable {
    public CohortInfo {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
    }
}
