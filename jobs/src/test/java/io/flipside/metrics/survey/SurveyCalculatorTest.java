package io.flipside.metrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.tables.MetricRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The survey tables on a hand-made cohort: three mentees, two mentors, one respondent without a pair
 * (other), a reverse-keyed item, a skipped item and a respondent missing at final. Expected values from
 * an independent numpy/scipy pass over SPEC §5's formulas, {@code src/test/resources/golden/survey_golden.py}
 * (run with /usr/bin/python3, scipy 1.10.1); alpha and the paired t checked again in R 4.2:
 * {@code psych::alpha(m, keys = c(1, -1, 1))$total$raw_alpha} and {@code t.test(post, pre, paired = TRUE)}.
 */
class SurveyCalculatorTest {
    private static final Map<String, SurveyItem> ITEMS = Map.of(
            "B1", new SurveyItem("B1", "belonging", false, 1, 5, false),
            "B2", new SurveyItem("B2", "belonging", false, 1, 5, true),
            "B3", new SurveyItem("B3", "belonging", false, 1, 5, false),
            "N1", new SurveyItem("N1", "advocacy", true, 0, 10, false));
    private static final Map<String, String> ROLE = Map.of("R1", "mentee", "R2", "mentee", "R3", "mentee", "R4", "mentor",
            "R5", "mentor", "R6", "other");
    private static final SurveyCalculator CALC = new SurveyCalculator(ITEMS);

    private static List<SurveyAnswer> answers() {
        List<SurveyAnswer> a = new ArrayList<>();
        add(a, "baseline", "R1", 4, 2, 5, 9);
        add(a, "baseline", "R2", 3, 3, 3, 7);
        add(a, "baseline", "R3", 5, 1, 4, 10);
        add(a, "baseline", "R4", 2, 4, 2, 5);
        add(a, "baseline", "R5", 4, 2, null, 8);
        add(a, "baseline", "R6", 1, 5, 1, 0);
        add(a, "final", "R1", 5, 1, 5, 10);
        add(a, "final", "R2", 4, 2, 4, 9);
        add(a, "final", "R3", 5, 2, 5, 9);
        add(a, "final", "R4", 3, 3, 3, 6);
        add(a, "final", "R6", 2, 4, 2, 3);
        return a;
    }

    private static void add(List<SurveyAnswer> a, String wave, String who, Integer b1, Integer b2, Integer b3, Integer n1) {
        String[] ids = {"B1", "B2", "B3", "N1"};
        Integer[] v = {b1, b2, b3, n1};
        for (int i = 0; i < 4; i++) {
            if (v[i] != null) {
                a.add(new SurveyAnswer("K1", who, ROLE.get(who), wave, ids[i], v[i]));
            }
        }
    }

    private static MetricRow find(List<MetricRow> rows, Map<String, String> key) {
        return rows.stream().filter(r -> key.entrySet().stream().allMatch(e -> e.getValue().equals(r.get(e.getKey()))))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key));
    }

    @Test
    void itemFavourabilityWithReverseCoding() {
        List<MetricRow> rows = CALC.items(answers());
        MetricRow all = find(rows, Map.of("cohort_id", "K1", "wave", "baseline", "role", "all", "item_id", "B2"));
        assertThat(all.getLong("n")).isEqualTo(6);
        assertThat(all.getDouble("mean_100")).isCloseTo(54.166666666666664, within(1e-12));
        assertThat(all.getDouble("favorable_pct")).isCloseTo(50.0, within(1e-12));
        assertThat(all.getDouble("neutral_pct")).isCloseTo(16.666666666666668, within(1e-12));
        assertThat(all.getDouble("unfavorable_pct")).isCloseTo(33.333333333333336, within(1e-12));
        MetricRow mentees = find(rows, Map.of("cohort_id", "K1", "wave", "final", "role", "mentee", "item_id", "B2"));
        assertThat(mentees.getDouble("mean_100")).isCloseTo(83.333333333333343, within(1e-12));
        assertThat(mentees.getString("scale")).isEqualTo("belonging");
        assertThat(rows).noneMatch(r -> "other".equals(r.get("role")));
        assertThat(find(rows, Map.of("cohort_id", "ALL", "wave", "baseline", "role", "all", "item_id", "B2"))
                .getDouble("mean_100")).isCloseTo(54.166666666666664, within(1e-12));
    }

    @Test
    void scaleScoresAndAlphaMatchPsych() {
        List<MetricRow> rows = CALC.scales(CALC.scaleScores(answers()));
        MetricRow all = find(rows, Map.of("cohort_id", "K1", "wave", "baseline", "role", "all", "scale", "belonging"));
        assertThat(all.getLong("n")).as("R5 skipped B3 but has a scale score").isEqualTo(6);
        assertThat(all.getDouble("mean_score")).isCloseTo(54.166666666666664, within(1e-12));
        assertThat(all.getDouble("sd_score")).isCloseTo(36.036247184066085, within(1e-12));
        assertThat(all.getDouble("favorable_pct")).isCloseTo(50.0, within(1e-12));
        assertThat(all.getDouble("cronbach_alpha")).isCloseTo(0.9767441860465117, within(1e-12));
        assertThat(all.getLong("alpha_n")).as("listwise: R5 is out").isEqualTo(5);
        MetricRow fin = find(rows, Map.of("cohort_id", "K1", "wave", "final", "role", "mentee", "scale", "belonging"));
        assertThat(fin.getDouble("mean_score")).isCloseTo(88.888888888888872, within(1e-12));
        assertThat(fin.getDouble("sd_score")).isCloseTo(12.729376930432888, within(1e-12));
        assertThat(fin.getDouble("cronbach_alpha")).isCloseTo(0.8571428571428571, within(1e-12));
        assertThat(rows).noneMatch(r -> "advocacy".equals(r.get("scale")));
    }

    @Test
    void changeFromBaselineToFinalMatchesR() {
        MetricRow all = find(CALC.change(CALC.scaleScores(answers())), Map.of("cohort_id", "K1", "role", "all", "scale", "belonging"));
        assertThat(all.getLong("n")).isEqualTo(5);
        assertThat(all.getDouble("mean_baseline")).isCloseTo(50.0, within(1e-12));
        assertThat(all.getDouble("mean_final")).isCloseTo(68.333333333333329, within(1e-12));
        assertThat(all.getDouble("mean_change")).isCloseTo(18.333333333333332, within(1e-12));
        assertThat(all.getDouble("effect_dz")).isCloseTo(1.6873229754642149, within(1e-12));
        assertThat(all.getDouble("p_value")).isCloseTo(0.019554212720304612, within(1e-12));
        assertThat(all.getDouble("ci_low")).isCloseTo(4.8422351274274726, within(1e-10));
        assertThat(all.getDouble("ci_high")).isCloseTo(31.824431539239189, within(1e-10));
    }

    @Test
    void enpsBuckets() {
        MetricRow all = find(CALC.enps(answers()), Map.of("cohort_id", "K1", "wave", "final", "role", "all"));
        assertThat(all.getLong("n")).isEqualTo(5);
        assertThat(all.getDouble("promoters_pct")).isCloseTo(60.0, within(1e-12));
        assertThat(all.getDouble("passives_pct")).isCloseTo(0.0, within(1e-12));
        assertThat(all.getDouble("detractors_pct")).isCloseTo(40.0, within(1e-12));
        assertThat(all.getDouble("enps")).isCloseTo(20.0, within(1e-12));
        MetricRow mentees = find(CALC.enps(answers()), Map.of("cohort_id", "K1", "wave", "baseline", "role", "mentee"));
        assertThat(mentees.getDouble("enps")).isCloseTo(66.666666666666671, within(1e-12));
    }

    @Test
    void responseRatesCountInvitedParticipantsOnly() {
        Map<String, Map<String, String>> participants = Map.of("K1", Map.of("R1", "mentee", "R2", "mentee", "R3", "mentee",
                "R4", "mentor", "R5", "mentor", "R7", "mentor"));
        List<MetricRow> rows = CALC.response(answers(), participants);
        MetricRow mentors = find(rows, Map.of("cohort_id", "K1", "wave", "final", "role", "mentor"));
        assertThat(List.of(mentors.getLong("invited"), mentors.getLong("responded"))).containsExactly(3L, 1L);
        MetricRow all = find(rows, Map.of("cohort_id", "K1", "wave", "baseline", "role", "all"));
        assertThat(List.of(all.getLong("invited"), all.getLong("responded"))).as("R6 is no participant")
                .containsExactly(6L, 5L);
        assertThat(all.getDouble("response_rate")).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(rows).noneMatch(r -> "midpoint".equals(r.get("wave")));
    }
}
