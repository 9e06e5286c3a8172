package io.flipside.metrics.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.metrics.retention.Subject;
import io.flipside.tables.MetricRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The segments table on a hand-made cohort K1 (followed 400 days, minimum group 5), every value and
 * suppression decision worked out by hand:
 *
 * <pre>
 * mentors  6 Millennials (born 1990)   gains 10 20 30 40 50 60 (mean 35); 3 of 4 likert answers
 *                                      favourable each; one leaves on day 100, so S(365) = 5/6
 *          5 Gen Z (1997)               gains 5 5 5 5 10 (mean 6)
 *          2 Gen X (1980, 1965)         gains 0 2
 * mentees  3 Boomers (1946 1950 1964)  gains 40 50 60
 *          2 Gen X (1965 1980)         gains 20 30
 *          7 Millennials (1981-1996)   gains 1 .. 7 (mean 4)
 * </pre>
 *
 * Everyone is female and in Engineering, so those dimensions have one segment each.
 */
class SegmentsTest {
    private static final int MIN = 5;

    private static List<SegmentPerson> people() {
        List<SegmentPerson> p = new ArrayList<>();
        int[] millennialGains = {10, 20, 30, 40, 50, 60};
        for (int i = 0; i < 6; i++) {
            p.add(person("mentor", 1990, millennialGains[i], 3, 4,
                    new Subject("K1", "m" + i, "mentor", i == 0 ? 100 : 400, i == 0, 3, 2.0, false)));
        }
        for (int g : new int[] {5, 5, 5, 5, 10}) {
            p.add(person("mentor", 1997, g, 0, 0, null));
        }
        p.add(person("mentor", 1980, 0, 0, 0, null));
        p.add(person("mentor", 1965, 2, 0, 0, null));
        int[] boomers = {1946, 1950, 1964};
        for (int i = 0; i < 3; i++) {
            p.add(person("mentee", boomers[i], 40 + 10 * i, 0, 0, null));
        }
        p.add(person("mentee", 1965, 20, 0, 0, null));
        p.add(person("mentee", 1980, 30, 0, 0, null));
        int[] millennials = {1981, 1996, 1985, 1990, 1990, 1990, 1990};
        for (int i = 0; i < 7; i++) {
            p.add(person("mentee", millennials[i], i + 1, 0, 0, null));
        }
        return p;
    }

    private static SegmentPerson person(String role, int born, double gain, long favorable, long likert, Subject s) {
        return new SegmentPerson("K1", role, Map.of(Segments.GENERATION, Segments.generation(born), Segments.GENDER,
                "female", Segments.DEPARTMENT, "Engineering"), favorable, likert, gain, s);
    }

    private final List<MetricRow> rows = new SegmentsCalculator(people(), Map.of("K1", 400), MIN).rows();

    @Test
    void exactlyOneSmallCellTakesItsSmallestSiblingAlong() {
        // mentors' gains: Gen X (2) is below 5, so the smallest other segment, Gen Z (5), goes too
        assertShown("K1", "generation", "Millennials", "mentor", "gain_expected_100", 6, 35.0);
        assertSuppressed("K1", "generation", "Gen Z", "mentor", "gain_expected_100", 5);
        assertSuppressed("K1", "generation", "Gen X", "mentor", "gain_expected_100", 2);
        // Gen Z has no mentees, so its role-all row equals the suppressed mentor row and goes as well
        assertSuppressed("K1", "generation", "Gen Z", "all", "gain_expected_100", 5);
    }

    @Test
    void twoSmallCellsNeedNoMore() {
        assertSuppressed("K1", "generation", "Boomers", "mentee", "gain_expected_100", 3);
        assertSuppressed("K1", "generation", "Gen X", "mentee", "gain_expected_100", 2);
        assertShown("K1", "generation", "Millennials", "mentee", "gain_expected_100", 7, 4.0);
        assertSuppressed("K1", "generation", "Boomers", "all", "gain_expected_100", 3);
        assertSuppressed("K1", "generation", "Gen X", "all", "gain_expected_100", 4);
        // (6 x 35 + 7 x 4) / 13
        assertShown("K1", "generation", "Millennials", "all", "gain_expected_100", 13, 238.0 / 13);
    }

    @Test
    void surveyAndRetentionCells() {
        assertShown("K1", "generation", "Millennials", "mentor", "favorable_pct", 6, 75.0);
        assertShown("K1", "generation", "Millennials", "all", "favorable_pct", 6, 75.0);
        assertShown("K1", "generation", "Millennials", "mentor", "retention_365", 6, 5.0 / 6);
        assertShown("K1", "gender", "female", "all", "retention_365", 6, 5.0 / 6);
        assertThat(find("K1", "generation", "Gen Z", "mentor", "favorable_pct")).as("nobody answered").isNull();
    }

    @Test
    void countsOfParticipantsAreNeverSuppressed() {
        assertShown("K1", "generation", "Gen X", "mentor", "participants", 2, 2.0);
        assertShown("K1", "generation", "Boomers", "all", "participants", 3, 3.0);
        assertShown("K1", "department", "Engineering", "all", "participants", 25, 25.0);
    }

    @Test
    void oneSegmentDimensionsShowTheWholeCohort() {
        // mentors (210 + 30 + 2) / 13, mentees (150 + 50 + 28) / 12, everyone 470 / 25
        assertShown("K1", "gender", "female", "mentor", "gain_expected_100", 13, 242.0 / 13);
        assertShown("K1", "gender", "female", "mentee", "gain_expected_100", 12, 19.0);
        assertShown("K1", "department", "Engineering", "all", "gain_expected_100", 25, 18.8);
    }

    @Test
    void allMirrorsTheOnlyCohortAndRowsComeInOrder() {
        assertSuppressed("ALL", "generation", "Gen Z", "mentor", "gain_expected_100", 5);
        assertShown("ALL", "generation", "Millennials", "all", "gain_expected_100", 13, 238.0 / 13);
        assertThat(rows.stream().filter(r -> r.getString("cohort_id").equals("K1")
                        && r.getString("dimension").equals("generation") && r.getString("role").equals("all")
                        && r.getString("metric").equals("participants")).map(r -> r.getString("segment")))
                .containsExactly("Boomers", "Gen X", "Millennials", "Gen Z");
        assertThat(rows.get(0).getString("cohort_id")).isEqualTo("K1");
        assertThat(rows.get(rows.size() - 1).getString("cohort_id")).isEqualTo("ALL");
    }

    @Test
    void generationsAtTheirEdges() {
        assertThat(Segments.generation(1945)).isEqualTo("Silent");
        assertThat(Segments.generation(1946)).isEqualTo("Boomers");
        assertThat(Segments.generation(1964)).isEqualTo("Boomers");
        assertThat(Segments.generation(1965)).isEqualTo("Gen X");
        assertThat(Segments.generation(1980)).isEqualTo("Gen X");
        assertThat(Segments.generation(1981)).isEqualTo("Millennials");
        assertThat(Segments.generation(1996)).isEqualTo("Millennials");
        assertThat(Segments.generation(1997)).isEqualTo("Gen Z");
        assertThat(Segments.generation(2012)).isEqualTo("Gen Z");
        assertThat(Segments.generation(null)).isEqualTo("undisclosed");
        assertThat(Segments.gender(null)).isEqualTo("undisclosed");
        assertThat(Segments.gender("")).isEqualTo("undisclosed");
        assertThat(Segments.gender("  ")).isEqualTo("undisclosed");
        assertThat(Segments.gender("non-binary")).isEqualTo("non-binary");
        assertThat(Segments.order("gender").compare("undisclosed", "female")).isPositive();
        assertThat(Segments.order("generation").compare("undisclosed", "Gen Z")).isPositive();
    }

    private MetricRow find(String cohort, String dimension, String segment, String role, String metric) {
        return rows.stream().filter(r -> r.getString("cohort_id").equals(cohort) && r.getString("dimension").equals(dimension)
                && r.getString("segment").equals(segment) && r.getString("role").equals(role)
                && r.getString("metric").equals(metric)).findFirst().orElse(null);
    }

    private void assertShown(String cohort, String dimension, String segment, String role, String metric, long n,
            double value) {
        MetricRow r = find(cohort, dimension, segment, role, metric);
        assertThat(r).as(segment + " " + role + " " + metric).isNotNull();
        assertThat(r.getLong("n")).isEqualTo(n);
        assertThat(r.getBoolean("suppressed")).as(r.toString()).isFalse();
        assertThat(r.getDouble("value")).as(r.toString()).isCloseTo(value, within(1e-12));
    }

    private void assertSuppressed(String cohort, String dimension, String segment, String role, String metric, long n) {
        MetricRow r = find(cohort, dimension, segment, role, metric);
        assertThat(r.getLong("n")).isEqualTo(n);
        assertThat(r.getBoolean("suppressed")).as(r.toString()).isTrue();
        assertThat(r.getDouble("value")).isNull();
    }
}
