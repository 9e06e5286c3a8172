package io.flipside.report;

import static java.util.Objects.requireNonNull;

import io.flipside.tables.MetricTable;
import io.flipside.tables.TableDef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report renders from: plain metric tables and run facts, no Spark. Built by the
 * pipeline after computing the metrics, or by {@link OutputReader} from a finished output folder.
 *
 * @param inactiveAfterDays the engagement.inactive_after_days setting the tables were computed with
 * @param skipped metrics not computed in this run, with the reason
 */
public record ReportInputs(String organisation, LocalDate asOf, String period, LocalDate reportDate,
        int inactiveAfterDays, Map<String, MetricTable> tables, List<QualityLine> quality, Map<String, String> skipped) {

    public ReportInputs {
        requireNonNull(organisation, "organisation");
        requireNonNull(asOf, "asOf");
        requireNonNull(period, "period");
        requireNonNull(reportDate, "reportDate");
        tables = Map.copyOf(tables);
        quality = List.copyOf(quality);
        skipped = Map.copyOf(skipped);
    }

    public Optional<MetricTable> table(TableDef def) {
        return Optional.ofNullable(tables.get(def.name()));
    }

    /**
     * One dataset's data-quality line.
     *
     * @param topReasons the most frequent quarantine reasons with counts, most frequent first
     */
    public record QualityLine(String dataset, boolean present, long rowsRead, long rowsQuarantined,
            Map<String, Long> topReasons) {
        public QualityLine {
            requireNonNull(dataset, "dataset");
            topReasons = Map.copyOf(topReasons);
        }
    }
}
