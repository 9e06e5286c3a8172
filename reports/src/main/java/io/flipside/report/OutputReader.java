package io.flipside.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableCsv;
import io.flipside.tables.TableDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds {@link ReportInputs} from a published output folder ({@code manifest.json} and
 * {@code metrics/*.csv}), so reports re-render without Spark.
 */
public final class OutputReader {
    private OutputReader() {
    }

    public static ReportInputs read(Path output, LocalDate reportDate) {
        Path manifestFile = output.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException(output + " holds no manifest.json: is it the output folder of a "
                    + "finished 'flipside run'?");
        }
        JsonNode m;
        try {
            m = new ObjectMapper().readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifestFile, e);
        }
        Map<String, MetricTable> tables = new HashMap<>();
        for (TableDef def : MetricTables.ALL) {
            Path csv = output.resolve("metrics").resolve(def.name() + ".csv");
            if (Files.isRegularFile(csv)) {
                tables.put(def.name(), TableCsv.read(def, csv));
            }
        }
        List<ReportInputs.QualityLine> quality = new ArrayList<>();
        m.path("datasets").fields().forEachRemaining(e -> {
            JsonNode d = e.getValue();
            Map<String, Long> reasons = new LinkedHashMap<>();
            d.path("reasons").fields().forEachRemaining(r -> reasons.put(r.getKey(), r.getValue().asLong()));
            quality.add(new ReportInputs.QualityLine(e.getKey(), d.path("present").asBoolean(true),
                    d.path("rows_read").asLong(), d.path("rows_quarantined").asLong(), reasons));
        });
        Map<String, String> skipped = new LinkedHashMap<>();
        m.path("skipped").fields().forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asText()));
        return new ReportInputs(m.path("config").path("reports").path("organisation").asText(""),
                LocalDate.parse(m.path("as_of").asText()), m.path("period").asText(), reportDate,
                m.path("config").path("engagement").path("inactive_after_days").asInt(45), tables, quality,
                skipped);
    }
}
