package io.flipside.metrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.ingest.CsvRecordReader;
import io.flipside.tables.MetricRow;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cronbach's alpha on a real survey with reverse-keyed items and missing answers: the Big Five
 * Inventory of psychTools::bfi (2,800 people, 25 items on 1-6), converted to our input format by
 * {@code src/test/resources/bfi/convert_bfi.R}, which also printed the golden values:
 * {@code psych::alpha(na.omit(bfi[, items]), keys = ...)$total$raw_alpha} per scale.
 */
class BfiAlphaTest {
    private static final Path DIR = Path.of("src/test/resources/bfi");

    @Test
    void alphaOfEveryScaleMatchesPsychOnCompleteCases() throws IOException {
        Map<String, SurveyItem> items = new HashMap<>();
        for (List<String> r : read("survey_items.csv")) {
            items.put(r.get(0), new SurveyItem(r.get(0), r.get(1), false, Integer.parseInt(r.get(4)),
                    Integer.parseInt(r.get(5)), Boolean.parseBoolean(r.get(6))));
        }
        List<SurveyAnswer> answers = new ArrayList<>();
        for (List<String> r : read("survey_responses.csv")) {
            answers.add(new SurveyAnswer(r.get(1), r.get(0), "other", r.get(2), r.get(3), Integer.parseInt(r.get(4))));
        }
        SurveyCalculator calc = new SurveyCalculator(items);
        List<MetricRow> scales = calc.scales(calc.scaleScores(answers));
        Map<String, double[]> golden = Map.of(
                "agreeableness", new double[] {0.7037558943748361, 2709},
                "conscientiousness", new double[] {0.72927720317044198, 2707},
                "extraversion", new double[] {0.7609326394695517, 2713},
                "neuroticism", new double[] {0.81330314316143881, 2694},
                "openness", new double[] {0.60254642857718432, 2726});
        for (Map.Entry<String, double[]> g : golden.entrySet()) {
            MetricRow r = scales.stream().filter(s -> s.getString("cohort_id").equals("BFI")
                    && s.getString("role").equals("all") && s.getString("scale").equals(g.getKey())).findFirst()
                    .orElseThrow();
            assertThat(r.getDouble("cronbach_alpha")).as(g.getKey()).isCloseTo(g.getValue()[0], within(1e-9));
            assertThat(r.getLong("alpha_n")).as(g.getKey()).isEqualTo((long) g.getValue()[1]);
        }
    }

    private static List<List<String>> read(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
            CsvRecordReader r = new CsvRecordReader(in);
            r.next();
            List<List<String>> out = new ArrayList<>();
            for (List<String> rec = r.next(); rec != null; rec = r.next()) {
                out.add(rec);
            }
            return out;
        }
    }
}
