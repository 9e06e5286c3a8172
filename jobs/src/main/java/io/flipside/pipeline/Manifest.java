package io.flipside.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flipside.config.FlipsideConfig;
import io.flipside.ingest.DatasetSummary;
import io.flipside.ingest.InputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run manifest of SPEC §4. Holds counts, files, timings, versions and configuration, never a data
 * value: no ids, no names, no answers.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode stages;
    private final Map<String, Long> stageStarts = new LinkedHashMap<>();

    public Manifest(String runId, FlipsideConfig config, String period, String sparkVersion, boolean stableKey) {
        root.put("run_id", runId);
        root.put("as_of", config.asOf().toString());
        root.put("period", period);
        root.put("status", "running");
        root.putObject("datasets");
        stages = root.putObject("stages");
        ObjectNode versions = root.putObject("versions");
        versions.put("flipside", Version.flipside());
        versions.put("spark", sparkVersion);
        versions.put("java", System.getProperty("java.version"));
        ObjectNode c = root.putObject("config");
        c.put("as_of", config.asOf().toString());
        c.putObject("privacy").put("min_group_size", config.minGroupSize());
        c.putObject("quality").put("max_reject_ratio", config.maxRejectRatio());
        ObjectNode learning = c.putObject("learning");
        config.menteeLearns().stream().sorted().forEach(learning.putArray("mentee_learns")::add);
        config.mentorLearns().stream().sorted().forEach(learning.putArray("mentor_learns")::add);
        learning.put("comparison_source", config.comparisonSource());
        c.putObject("engagement").put("inactive_after_days", config.inactiveAfterDays());
        ObjectNode retention = c.putObject("retention");
        retention.put("event", config.retentionEvent());
        config.horizonsDays().forEach(retention.putArray("horizons_days")::add);
        c.putObject("reports").put("organisation", config.organisation());
        root.put("pseudonym_key", stableKey ? "from environment variable FLIPSIDE_PSEUDONYM_KEY"
                : "random for this run: pseudonyms will not match other runs");
    }

    public void stageStarted(String stage) {
        stageStarts.put(stage, System.nanoTime());
    }

    public void stageFinished(String stage) {
        long ms = (System.nanoTime() - stageStarts.get(stage)) / 1_000_000;
        stages.putObject(stage).put("ms", ms);
    }

    /** A stage timed elsewhere, e.g. one metric within the metrics stage. */
    public void stage(String stage, long ms) {
        stages.putObject(stage).put("ms", ms);
    }

    public void status(String status) {
        root.put("status", status);
    }

    public void dataset(DatasetSummary s) {
        ObjectNode d = ((ObjectNode) root.get("datasets")).putObject(s.dataset());
        d.put("present", s.present());
        ArrayNode files = d.putArray("files");
        for (InputFile f : s.files()) {
            files.addObject().put("path", f.relative()).put("format", f.format().name().toLowerCase())
                    .put("bytes", f.bytes()).put("sha256", FileDigest.sha256(Path.of(f.path())));
        }
        d.put("rows_read", s.rowsRead());
        d.put("rows_valid", s.rowsValid());
        d.put("rows_quarantined", s.rowsQuarantined());
        d.put("reject_ratio", s.rejectRatio());
        ObjectNode reasons = d.putObject("reasons");
        s.reasons().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> reasons.put(e.getKey(), e.getValue()));
        d.put("fields_nulled", s.fieldsNulled());
        d.put("superseded", s.superseded());
        if (s.dataset().equals("pairs")) {
            d.put("not_reverse", s.notReverse());
        }
        s.unknownColumns().forEach(d.putArray("unknown_columns")::add);
        d.put("ms", s.millis());
    }

    public void table(String name, long rows) {
        ObjectNode tables = root.has("tables") ? (ObjectNode) root.get("tables") : root.putObject("tables");
        tables.putObject(name).put("rows", rows);
    }

    public void skipped(String metric, String why) {
        ObjectNode skipped = root.has("skipped") ? (ObjectNode) root.get("skipped") : root.putObject("skipped");
        skipped.put(metric, why);
    }

    public void report(String file) {
        ArrayNode reports = root.has("reports") ? (ArrayNode) root.get("reports") : root.putArray("reports");
        reports.add(file);
    }

    public void writeTo(Path file) {
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
