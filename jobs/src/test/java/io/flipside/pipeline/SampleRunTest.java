package io.flipside.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipside.bench.DuckDbReference;
import io.flipside.bench.SparkSameTables;
import io.flipside.bench.TableComparison;
import io.flipside.cli.Main;
import io.flipside.config.ConfigLoader;
import io.flipside.config.FlipsideConfig;
import io.flipside.report.Fmt;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableCsv;
import io.flipside.tables.TableDef;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** The whole {@code run} command on the committed sample, as a scheduler would call it. */
@ExtendWith(WithSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRunTest {
    private Path out;
    private JsonNode manifest;
    private String stdout;

    @BeforeAll
    void run(SparkSession spark, @TempDir Path tmp) throws IOException {
        out = tmp.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = Main.execute(new String[] {"run", "--input", "../sample-data/data", "--output", out.toString(),
            "--config", "../sample-data/data/flipside.yaml", "--report-date", "2026-10-05"}, new PrintWriter(o),
                new PrintWriter(e));
        assertThat(exit).as(e.toString()).isZero();
        stdout = o.toString();
        manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    @Test
    void previousQuarterKpisEqualASeparateRunAtThatQuarterEnd(@TempDir Path tmp) throws IOException {
        Path earlier = tmp.resolve("q2");
        StringWriter e = new StringWriter();
        int exit = Main.execute(new String[] {"run", "--input", "../sample-data/data", "--output", earlier.toString(),
            "--config", "../sample-data/data/flipside.yaml", "--as-of", "2026-06-30"}, new PrintWriter(new StringWriter()),
                new PrintWriter(e));
        assertThat(exit).as(e.toString()).isZero();
        List<MetricRow> fromThisRun = kpisAt(out, "2026-06-30");
        assertThat(fromThisRun).hasSize(5 * 10).as("C01-C04 and ALL, ten KPIs each");
        // equal to the last few bits: means are summed in the order Spark returns rows, which varies by run
        List<MetricRow> separate = kpisAt(earlier, "2026-06-30");
        assertThat(separate).hasSameSizeAs(fromThisRun);
        for (int i = 0; i < separate.size(); i++) {
            MetricRow a = fromThisRun.get(i);
            MetricRow b = separate.get(i);
            assertThat(List.of(a.getString("cohort_id"), a.getString("kpi"), a.getString("unit")))
                    .isEqualTo(List.of(b.getString("cohort_id"), b.getString("kpi"), b.getString("unit")));
            if (b.getDouble("value") == null) {
                assertThat(a.getDouble("value")).as(a.toString()).isNull();
            } else {
                assertThat(a.getDouble("value")).as(a.toString()).isCloseTo(b.getDouble("value"),
                        org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(b.getDouble("value")))));
            }
        }
        assertThat(kpisAt(out, "2026-09-30")).hasSize(5 * 10);
    }

    /**
     * The bench's DuckDB yardstick computes the tables Spark did, from the raw CSVs (with SQL's own
     * statement of the row rules: the sample has rows to quarantine) and from the curated rows this run
     * published. The SQL is written apart from the ingest and the metric jobs, so agreement checks both.
     */
    @Test
    void duckDbComputesSparksTablesFromTheCsvsAndFromTheCuratedRows() throws IOException {
        FlipsideConfig config = ConfigLoader.load(Path.of("../sample-data/data/flipside.yaml"));
        DuckDbReference.Settings settings = new DuckDbReference.Settings(LocalDate.parse(manifest.get("as_of").asText()),
                config.inactiveAfterDays(), config.minGroupSize());
        assertThat(manifest.at("/datasets/activity_events/rows_quarantined").asLong()
                + manifest.at("/datasets/survey_responses/rows_quarantined").asLong()).as("rows the rules reject").isPositive();
        for (DuckDbReference.Result duck : List.of(DuckDbReference.fromCsv(Path.of("../sample-data/data"), settings),
                DuckDbReference.fromCurated(out.resolve("curated"), settings))) {
            for (TableDef def : DuckDbReference.TABLES) {
                List<MetricRow> spark = TableCsv.read(def, out.resolve("metrics/" + def.name() + ".csv")).rows();
                TableComparison same = TableComparison.of(def, spark, duck.tables().get(def.name()));
                assertThat(same.problems()).as(def.name()).isEmpty();
                assertThat(same.rows()).as(def.name()).isPositive();
                assertThat(same.compared()).as(def.name()).isGreaterThanOrEqualTo(same.rows() - same.suppressed());
            }
        }
    }

    @Test
    void sparkComputesTheDuckDbComparisonsTablesFromTheSevenDatasetsAloneAsTheRunDid(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        FlipsideConfig config = ConfigLoader.load(Path.of("../sample-data/data/flipside.yaml"));
        SparkSameTables.Result same = new SparkSameTables(spark, config, Pseudonymizer.withKey("another-key"))
                .computeOnce(Path.of("../sample-data/data"), tmp.resolve("scratch"));

        assertThat(same.tables()).extracting(t -> t.def()).containsExactlyElementsOf(DuckDbReference.TABLES);
        for (MetricTable table : same.tables()) {
            TableDef def = table.def();
            // to the last bits only: survey answers are summed in the order of their pseudonymised keys
            List<Map<String, Object>> cells = table.rows().stream().map(r -> {
                Map<String, Object> row = new HashMap<>();
                def.columns().forEach(c -> row.put(c.name(), r.get(c.name())));
                return row;
            }).toList();
            TableComparison c = TableComparison.of(def, TableCsv.read(def, out.resolve("metrics/" + def.name() + ".csv"))
                    .rows(), cells);
            assertThat(c.problems()).as(def.name()).isEmpty();
            assertThat(c.rows()).as(def.name()).isEqualTo(table.rows().size()).isPositive();
        }
        assertThat(same.totalMillis()).isGreaterThanOrEqualTo(same.ingestMillis()).isPositive();
        assertThat(tmp.resolve("scratch")).doesNotExist();
        assertThat(Path.of("../sample-data/data/activity_events")).isDirectory();
    }

    private static List<MetricRow> kpisAt(Path output, String periodEnd) throws IOException {
        return TableCsv.read(MetricTables.KPIS, output.resolve("metrics/kpis.csv")).rows().stream()
                .filter(r -> r.getDate("period_end").toString().equals(periodEnd)).toList();
    }

    @Test
    void comparisonFlagsThePlantedCohortDifferenceAndNothingElse() throws IOException {
        List<MetricRow> flagged = TableCsv.read(MetricTables.COHORT_COMPARISON, out.resolve("metrics/cohort_comparison.csv"))
                .rows().stream().filter(r -> r.getBoolean("flagged")).toList();
        // C02's mentees gain 20 points on the digital skills SK01 and SK02, C01's 12 (PlantedEffects)
        assertThat(flagged).extracting(r -> r.getString("metric") + " " + r.getString("key") + " " + r.getString("role")
                + " " + r.getString("cohort_a") + "-" + r.getString("cohort_b"))
                .containsExactlyInAnyOrder("knowledge_gain SK01 mentee C01-C02", "knowledge_gain SK02 mentee C01-C02");
        assertThat(flagged).allSatisfy(r -> assertThat(r.getDouble("difference")).isNegative());
    }

    /**
     * The attack SPEC §6 guards against: in every family (segments within a cohort, whose total the
     * attacker is assumed to know when it is about 5 people or more; mentors and mentees within all; cohorts within ALL), a family with its
     * parent known and exactly one unknown child gives that child away as parent minus the siblings
     * (sum of n x value). Recovered values are used again until nothing more falls. No suppressed value
     * may fall.
     */
    @Test
    void noSuppressedSegmentCanBeRecoveredBySubtraction() throws IOException {
        List<MetricRow> rows = TableCsv.read(MetricTables.SEGMENTS, out.resolve("metrics/segments.csv")).rows().stream()
                .filter(r -> !r.getString("metric").equals("participants")).toList();
        assertThat(rows).anyMatch(r -> r.getBoolean("suppressed"));
        java.util.Set<Integer> known = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).getBoolean("suppressed")) {
                known.add(i);
            }
        }
        Map<List<String>, List<Integer>> segments = new java.util.HashMap<>();
        Map<List<String>, List<Integer>> roles = new java.util.HashMap<>();
        Map<List<String>, List<Integer>> cohorts = new java.util.HashMap<>();
        Map<List<String>, Integer> roleParents = new java.util.HashMap<>();
        Map<List<String>, Integer> allParents = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MetricRow r = rows.get(i);
            String c = r.getString("cohort_id");
            String d = r.getString("dimension");
            String s = r.getString("segment");
            String role = r.getString("role");
            String m = r.getString("metric");
            segments.computeIfAbsent(List.of(c, d, role, m), k -> new ArrayList<>()).add(i);
            if (role.equals("all")) {
                roleParents.put(List.of(c, d, s, m), i);
            } else {
                roles.computeIfAbsent(List.of(c, d, s, m), k -> new ArrayList<>()).add(i);
            }
            if (c.equals("ALL")) {
                allParents.put(List.of(d, s, role, m), i);
            } else {
                cohorts.computeIfAbsent(List.of(d, s, role, m), k -> new ArrayList<>()).add(i);
            }
        }
        boolean recovered = true;
        while (recovered) {
            recovered = false;
            for (List<Integer> family : segments.values()) {
                long total = family.stream().mapToLong(i -> rows.get(i).getLong("n")).sum();
                recovered |= attack(family, total >= 5, known);
            }
            for (var e : roles.entrySet()) {
                Integer parent = roleParents.get(e.getKey());
                recovered |= attack(e.getValue(), parent != null && known.contains(parent), known);
            }
            for (var e : cohorts.entrySet()) {
                Integer parent = allParents.get(e.getKey());
                recovered |= attack(e.getValue(), parent != null && known.contains(parent), known);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getBoolean("suppressed") && known.contains(i)).as("recoverable: " + rows.get(i)).isFalse();
        }
    }

    private static boolean attack(List<Integer> children, boolean parentKnown, java.util.Set<Integer> known) {
        List<Integer> unknown = children.stream().filter(i -> !known.contains(i)).toList();
        if (parentKnown && unknown.size() == 1) {
            known.add(unknown.get(0));
            return true;
        }
        return false;
    }

    @Test
    void reportsArePdfA2b() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (String name : List.of("executive-2026-Q3.pdf", "cohort-comparison-2026-Q3.pdf")) {
            try (java.io.InputStream pdf = Files.newInputStream(out.resolve("reports").resolve(name));
                    PDFAParser parser = Foundries.defaultInstance().createParser(pdf, PDFAFlavour.PDFA_2_B);
                    PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
                ValidationResult result = validator.validate(parser);
                assertThat(result.isCompliant()).as(name + ": " + result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                        .map(a -> a.getRuleId() + " " + a.getMessage()).distinct().limit(10).toList()).isTrue();
            }
        }
    }

    @Test
    void printsWhereTheOutputsAre() {
        assertThat(stdout).contains("report: " + out.resolve("reports/executive-2026-Q3.pdf"))
                .contains("manifest: " + out.resolve("manifest.json"));
    }

    @Test
    void manifestAccountsForEveryRow() {
        assertThat(manifest.path("status").asText()).isEqualTo("succeeded");
        assertThat(manifest.path("as_of").asText()).isEqualTo("2026-09-30");
        assertThat(manifest.path("period").asText()).isEqualTo("2026-Q3");
        assertThat(manifest.path("versions").path("spark").asText()).isEqualTo("4.2.0");
        Iterator<Map.Entry<String, JsonNode>> it = manifest.path("datasets").fields();
        int datasets = 0;
        while (it.hasNext()) {
            JsonNode d = it.next().getValue();
            datasets++;
            long reasons = 0;
            for (JsonNode n : d.path("reasons")) {
                reasons += n.asLong();
            }
            assertThat(d.path("rows_read").asLong()).isEqualTo(d.path("rows_valid").asLong() + d.path("rows_quarantined").asLong());
            assertThat(d.path("rows_quarantined").asLong()).isEqualTo(reasons);
            for (JsonNode f : d.path("files")) {
                assertThat(f.path("sha256").asText()).hasSize(64);
                assertThat(f.path("bytes").asLong()).isPositive();
            }
        }
        assertThat(datasets).isEqualTo(10);
        // the generator's deliberate dirt (sample-data/README.md)
        assertThat(manifest.at("/datasets/sessions/reasons/unknown_pair").asLong()).isEqualTo(3);
        assertThat(manifest.at("/datasets/sessions/reasons/missing_field").asLong()).isEqualTo(2);
        assertThat(manifest.at("/datasets/activity_events/reasons/not_in_pair").asLong()).isEqualTo(5);
        assertThat(manifest.at("/datasets/employees/reasons/invalid_date").asLong()).isEqualTo(2);
    }

    /**
     * Two runs' manifests list their stages alike, in the suite's order rather than the order the metric
     * jobs happened to finish in, so that a scheduler's runs can be compared line by line.
     */
    @Test
    void manifestListsStagesInAFixedOrder() {
        List<String> stages = new ArrayList<>();
        manifest.path("stages").fieldNames().forEachRemaining(stages::add);
        assertThat(stages).containsExactly("ingest", "metrics.engagement", "metrics.activity",
                "metrics.knowledge_transfer", "metrics.survey", "metrics.retention", "metrics.promotion",
                "metrics.cohort_comparison", "metrics.segments", "metrics.kpis", "metrics", "reports");
    }

    @Test
    void pdfShowsTheEngagementNumbersAsTextOverVectorCharts() throws IOException {
        MetricRow all = TableCsv.read(MetricTables.ENGAGEMENT, out.resolve("metrics/engagement.csv")).rows().stream()
                .filter(r -> r.getString("cohort_id").equals("ALL")).findFirst().orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/executive-2026-Q3.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Data as of 2026-09-30", Fmt.pct(all.getDouble("attendance_rate")),
                    Fmt.decimal(all.getDouble("held_per_pair_month"), 2), "Page 1 of " + pdf.getNumberOfPages());
            List<String> images = new ArrayList<>();
            int forms = 0;
            for (PDPage page : pdf.getPages()) {
                forms += collect(page.getResources(), images);
                for (PDFont f : fonts(page.getResources())) {
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                }
            }
            assertThat(forms).as("charts are form XObjects").isGreaterThanOrEqualTo(2);
            assertThat(images).as("no bitmap anywhere").isEmpty();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Reverse mentoring quarterly report 2026-Q3");
        }
    }

    @Test
    void bothReportsCarryTheirNumbersAsTextOverVectorCharts() throws IOException {
        List<MetricRow> kpis = TableCsv.read(MetricTables.KPIS, out.resolve("metrics/kpis.csv")).rows();
        MetricRow attendance = kpis.stream().filter(r -> r.getString("cohort_id").equals("ALL")
                && r.getString("kpi").equals("attendance_rate") && r.getDate("period_end").toString().equals("2026-09-30"))
                .findFirst().orElseThrow();
        MetricRow retention = kpis.stream().filter(r -> r.getString("cohort_id").equals("ALL")
                && r.getString("kpi").equals("retention_365_participant")
                && r.getDate("period_end").toString().equals("2026-09-30")).findFirst().orElseThrow();
        MetricRow flagged = TableCsv.read(MetricTables.COHORT_COMPARISON, out.resolve("metrics/cohort_comparison.csv"))
                .rows().stream().filter(r -> r.getBoolean("flagged")).findFirst().orElseThrow();
        for (String name : List.of("executive-2026-Q3.pdf", "cohort-comparison-2026-Q3.pdf")) {
            try (PDDocument pdf = Loader.loadPDF(out.resolve("reports").resolve(name).toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                if (name.startsWith("executive")) {
                    assertThat(text).contains(Fmt.pct(attendance.getDouble("value")), Fmt.pct(retention.getDouble("value")),
                            "Results: do participants stay?", "Inclusion: does it work for every generation?", "suppressed");
                } else {
                    assertThat(text).contains(Fmt.decimal(flagged.getDouble("difference"), 1), "Every comparison",
                            "At risk on day", "Survey scale reliability");
                }
                assertThat(text).contains("Data as of 2026-09-30", "Page 1 of " + pdf.getNumberOfPages());
                List<String> images = new ArrayList<>();
                int forms = 0;
                for (PDPage page : pdf.getPages()) {
                    forms += collect(page.getResources(), images);
                    for (PDFont f : fonts(page.getResources())) {
                        assertThat(f.isEmbedded()).as(name + " " + f.getName()).isTrue();
                    }
                }
                assertThat(forms).as(name + ": charts are form XObjects").isGreaterThanOrEqualTo(3);
                assertThat(images).as(name + ": no bitmap anywhere").isEmpty();
                assertThat(pdf.getDocumentCatalog().getDocumentOutline()).as(name + " has bookmarks").isNotNull();
            }
        }
    }

    @Test
    void codebookDescribesEveryColumnOfEveryTableWritten() throws IOException {
        String codebook = Files.readString(out.resolve("metrics/CODEBOOK.md"));
        for (io.flipside.tables.TableDef t : MetricTables.ALL) {
            assertThat(out.resolve("metrics/" + t.name() + ".csv")).exists();
            assertThat(codebook).contains("## " + t.name());
            for (io.flipside.tables.Column c : t.columns()) {
                assertThat(codebook).contains("| `" + c.name() + "` | ");
            }
        }
    }

    @Test
    void curatedEventsArePartitionedByMonth() {
        assertThat(out.resolve("curated/activity_events/event_month=2024-10")).isDirectory();
        assertThat(out.resolve("curated/activity_events/event_month=2026-11")).as("rows after as-of stay curated")
                .isDirectory();
    }

    @Test
    void curatedTimestampsAreParquetInt64MicrosecondsInUtc() throws IOException {
        Path file;
        try (var files = Files.walk(out.resolve("curated/activity_events"))) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            PrimitiveType eventTime = reader.getFileMetaData().getSchema().getType("event_time").asPrimitiveType();
            assertThat(eventTime.getPrimitiveTypeName()).as("not the deprecated INT96").isEqualTo(PrimitiveTypeName.INT64);
            assertThat(eventTime.getLogicalTypeAnnotation())
                    .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        }
    }

    @Test
    void reRenderingWithTheSameReportDateGivesTheSameBytes() throws IOException {
        Path exec = out.resolve("reports/executive-2026-Q3.pdf");
        Path comparison = out.resolve("reports/cohort-comparison-2026-Q3.pdf");
        byte[] first = Files.readAllBytes(exec);
        byte[] second = Files.readAllBytes(comparison);
        int exit = Main.execute(new String[] {"report", "--output", out.toString(), "--report-date", "2026-10-05"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(exit).isZero();
        assertThat(Files.readAllBytes(exec)).isEqualTo(first);
        assertThat(Files.readAllBytes(comparison)).isEqualTo(second);
    }

    @Test
    void noRawEmployeeIdReachesAnyOutputButQuarantine(SparkSession spark) throws IOException {
        java.util.Set<String> raw = new java.util.HashSet<>();
        for (String line : Files.readAllLines(Path.of("../sample-data/data/employees.csv")).subList(1, 2001)) {
            raw.add(line.substring(0, line.indexOf(',')));
        }
        assertThat(raw).hasSize(2000).contains("E000001");
        List<Path> files;
        try (var s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).filter(p -> !out.relativize(p).startsWith("quality/quarantine")).toList();
        }
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("E\\d{6}");
        int checked = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            String text;
            if (name.endsWith(".pdf")) {
                try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
                    text = new PDFTextStripper().getText(pdf);
                }
            } else if (name.endsWith(".parquet")) {
                StringBuilder b = new StringBuilder();
                for (org.apache.spark.sql.Row r : spark.read().parquet(f.toString()).collectAsList()) {
                    b.append(r.mkString("|")).append('\n');
                }
                text = b.toString();
            } else if (name.endsWith(".crc")) {
                continue;
            } else {
                text = Files.readString(f);
            }
            checked++;
            var m = id.matcher(text);
            while (m.find()) {
                assertThat(raw).as(out.relativize(f) + " holds a raw employee id").doesNotContain(m.group());
            }
        }
        assertThat(checked).as("manifest, summary, CSVs, PDF and every Parquet file").isGreaterThanOrEqualTo(17);
        // and the pseudonyms themselves are there: 32 hex characters
        String employees = spark.read().parquet(out.resolve("curated/employees").toString()).first().getString(0);
        assertThat(employees).matches("[0-9a-f]{32}");
    }

    private static int collect(PDResources resources, List<String> images) throws IOException {
        int forms = 0;
        if (resources == null) {
            return 0;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                forms++;
                forms += collect(form.getResources(), images);
            } else {
                images.add(name.getName());
            }
        }
        return forms;
    }

    private static List<PDFont> fonts(PDResources resources) throws IOException {
        List<PDFont> out = new ArrayList<>();
        for (COSName n : resources.getFontNames()) {
            out.add(resources.getFont(n));
        }
        return out;
    }
}
