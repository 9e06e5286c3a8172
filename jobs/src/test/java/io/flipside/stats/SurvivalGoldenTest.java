package io.flipside.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.testing.GoldenCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier, log-rank and Cox against R's survival package (3.5-3, Debian r-cran-survival):
 * {@code survfit}, {@code survdiff} and {@code coxph(ties = "efron")} on small data with tied times,
 * censorings at event times, events at time 0 and a curve that reaches 0. The data and the R code
 * are in {@code src/test/resources/survival/small_cases.R}, which wrote the golden CSVs beside it
 * with 17 significant digits.
 */
class SurvivalGoldenTest {
    private static final Offset<Double> TOLERANCE = within(1e-9);
    /** coxph stops at a relative change in log-likelihood of 1e-9; we iterate to the exact optimum. */
    private static final double COX_RELATIVE = 1e-9;

    static final int[] TIME = {0, 0, 1, 2, 2, 2, 3, 3, 5, 5, 5, 6, 8, 8, 9, 10, 10, 12, 12, 15};
    static final boolean[] EVENT = flags(1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0);
    static final boolean[] GROUP = flags(1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0);
    static final double[] LEVEL = {3, 7, 2, 9, 4, 4, 6, 8, 1, 5, 3, 10, 2, 3, 7, 6, 2, 5, 11, 8};
    static final double[] TENURE = {0.5, 12.2, 1.1, 20.4, 3.3, 2.0, 8.8, 15.0, 0.2, 6.1, 1.9, 22.7, 0.9, 2.5, 9.4, 7.7,
            1.0, 4.4, 18.3, 10.6};
    static final int[] EXTINCT_TIME = {1, 2, 2, 3, 4, 4};
    static final boolean[] EXTINCT_EVENT = flags(1, 1, 0, 1, 1, 1);
    static final boolean[] EXTINCT_GROUP = flags(1, 0, 1, 0, 1, 0);

    @Test
    void kaplanMeierMatchesSurvfit() {
        assertCurve(KaplanMeier.fit(TIME, EVENT), "ties");
        assertCurve(KaplanMeier.fit(select(TIME, GROUP), select(EVENT, GROUP)), "ties_group1");
        assertCurve(KaplanMeier.fit(EXTINCT_TIME, EXTINCT_EVENT), "extinct");
    }

    @Test
    void curveIsRightContinuousBetweenTimes() {
        KaplanMeier km = KaplanMeier.fit(TIME, EVENT);
        KaplanMeier.Step at3 = km.steps().get(3);
        KaplanMeier.Estimate between = km.at(4);
        assertThat(between.survival()).isEqualTo(at3.survival());
        assertThat(between.ciLow()).isEqualTo(at3.ciLow());
        assertThat(between.events()).isEqualTo(1 + 1 + 2 + 1);
        assertThat(km.at(0).survival()).isEqualTo(0.95);
        assertThat(km.at(100).events()).isEqualTo(11);
        KaplanMeier late = KaplanMeier.fit(new int[] {5, 7}, new boolean[] {true, false});
        assertThat(late.at(4)).isEqualTo(new KaplanMeier.Estimate(1, 0.0, 1.0, 1.0, 0));
    }

    @Test
    void logRankMatchesSurvdiff() {
        assertLogRank(LogRank.test(TIME, EVENT, GROUP), "ties");
        assertLogRank(LogRank.test(EXTINCT_TIME, EXTINCT_EVENT, EXTINCT_GROUP), "extinct");
    }

    @Test
    void logRankWithoutEventsHasNoStatistic() {
        LogRank.Result r = LogRank.test(new int[] {3, 4, 5}, new boolean[3], new boolean[] {true, false, true});
        assertThat(r.chiSquare()).isNull();
        assertThat(r.p()).isNull();
        assertThat(r.n1()).isEqualTo(2);
    }

    @Test
    void coxEfronMatchesCoxph() {
        CoxModel.Fit fit = CoxModel.fit(TIME, EVENT, covariates(GROUP, LEVEL, TENURE), List.of("group", "level", "tenure"));
        assertThat(fit.status()).isEqualTo(CoxModel.Status.CONVERGED);
        assertThat(fit.note()).isNull();
        for (Map<String, String> golden : read("small_cox.csv")) {
            CoxModel.Coefficient c = fit.coefficient(golden.get("term"));
            assertThat(c.beta()).as(c.name()).isCloseTo(num(golden, "beta"), cox(golden, "beta"));
            assertThat(c.se()).as(c.name()).isCloseTo(num(golden, "se"), cox(golden, "se"));
            assertThat(c.z()).as(c.name()).isCloseTo(num(golden, "z"), cox(golden, "z"));
            assertThat(c.p()).as(c.name()).isCloseTo(num(golden, "p"), cox(golden, "p"));
            assertThat(c.hazardRatio()).as(c.name()).isCloseTo(num(golden, "hr"), cox(golden, "hr"));
            assertThat(c.ciLow()).as(c.name()).isCloseTo(num(golden, "ci_low"), cox(golden, "ci_low"));
            assertThat(c.ciHigh()).as(c.name()).isCloseTo(num(golden, "ci_high"), cox(golden, "ci_high"));
            assertThat(fit.logLik()).isCloseTo(num(golden, "loglik"), cox(golden, "loglik"));
        }
    }

    @Test
    void coxLeavesOutAConstantCovariateAndFitsTheRest() {
        double[] constant = new double[TIME.length];
        Arrays.fill(constant, 4);
        CoxModel.Fit with = CoxModel.fit(TIME, EVENT, covariates(GROUP, constant, TENURE), List.of("group", "level", "tenure"));
        CoxModel.Fit without = CoxModel.fit(TIME, EVENT, covariates(GROUP, TENURE), List.of("group", "tenure"));
        assertThat(with.status()).isEqualTo(CoxModel.Status.CONVERGED);
        assertThat(with.coefficient("level").beta()).isNull();
        assertThat(with.coefficient("group").beta()).isCloseTo(without.coefficient("group").beta(), within(1e-12));
        assertThat(with.coefficient("tenure").se()).isCloseTo(without.coefficient("tenure").se(), within(1e-12));
    }

    @Test
    void coxReportsAGroupWithoutEventsInsteadOfAnEstimate() {
        boolean[] eventsOnlyOutside = new boolean[TIME.length];
        for (int i = 0; i < TIME.length; i++) {
            eventsOnlyOutside[i] = EVENT[i] && !GROUP[i];
        }
        CoxModel.Fit fit = CoxModel.fit(TIME, eventsOnlyOutside, covariates(GROUP, LEVEL), List.of("group", "level"));
        assertThat(fit.status()).isEqualTo(CoxModel.Status.INFINITE_COEFFICIENT);
        assertThat(fit.note()).contains("group").contains("infinity");
        assertThat(fit.coefficient("group").hazardRatio()).isNull();
    }

    @Test
    void coxWithoutEventsSaysSo() {
        CoxModel.Fit fit = CoxModel.fit(TIME, new boolean[TIME.length], covariates(GROUP), List.of("group"));
        assertThat(fit.status()).isEqualTo(CoxModel.Status.NO_EVENTS);
        assertThat(fit.coefficient("group").p()).isNull();
    }

    @Test
    void coxReportsCollinearCovariates() {
        double[] twiceLevel = Arrays.stream(LEVEL).map(v -> 2 * v + 1).toArray();
        CoxModel.Fit fit = CoxModel.fit(TIME, EVENT, covariates(LEVEL, twiceLevel), List.of("level", "level2"));
        assertThat(fit.status()).isEqualTo(CoxModel.Status.SINGULAR);
        assertThat(fit.note()).contains("collinear");
    }

    private static Offset<Double> cox(Map<String, String> golden, String column) {
        return within(COX_RELATIVE * Math.max(1, Math.abs(num(golden, column))));
    }

    private static void assertCurve(KaplanMeier km, String name) {
        List<Map<String, String>> golden = read("small_km.csv").stream().filter(r -> r.get("case").equals(name)).toList();
        assertThat(km.steps()).hasSize(golden.size());
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            KaplanMeier.Step s = km.steps().get(i);
            String at = name + " t=" + g.get("time");
            assertThat(s.time()).as(at).isEqualTo(Integer.parseInt(g.get("time")));
            assertThat(s.nRisk()).as(at).isEqualTo(Integer.parseInt(g.get("n_risk")));
            assertThat(s.nEvent()).as(at).isEqualTo(Integer.parseInt(g.get("n_event")));
            assertThat(s.nCensor()).as(at).isEqualTo(Integer.parseInt(g.get("n_censor")));
            assertThat(s.survival()).as(at).isCloseTo(num(g, "survival"), TOLERANCE);
            assertNullable(s.stdErr(), g, "std_err", at);
            assertNullable(s.ciLow(), g, "ci_low", at);
            assertNullable(s.ciHigh(), g, "ci_high", at);
        }
    }

    private static void assertLogRank(LogRank.Result r, String name) {
        Map<String, String> g = read("small_logrank.csv").stream().filter(x -> x.get("case").equals(name)).findFirst()
                .orElseThrow();
        assertThat(r.observed1()).isCloseTo(num(g, "observed1"), TOLERANCE);
        assertThat(r.expected1()).isCloseTo(num(g, "expected1"), TOLERANCE);
        assertThat(r.variance()).isCloseTo(num(g, "variance"), TOLERANCE);
        assertThat(r.chiSquare()).isCloseTo(num(g, "chisq"), TOLERANCE);
        assertThat(r.p()).isCloseTo(num(g, "p"), TOLERANCE);
    }

    private static void assertNullable(Double actual, Map<String, String> golden, String column, String at) {
        if (golden.get(column).isEmpty()) {
            assertThat(actual).as(at + " " + column).isNull();
        } else {
            assertThat(actual).as(at + " " + column).isCloseTo(num(golden, column), TOLERANCE);
        }
    }

    static double[][] covariates(Object... columns) {
        double[][] x = new double[TIME.length][columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < TIME.length; i++) {
                x[i][j] = columns[j] instanceof boolean[] b ? (b[i] ? 1 : 0) : ((double[]) columns[j])[i];
            }
        }
        return x;
    }

    private static boolean[] flags(int... v) {
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] == 1;
        }
        return b;
    }

    private static int[] select(int[] v, boolean[] keep) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (keep[i]) {
                out.add(v[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean[] select(boolean[] v, boolean[] keep) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (keep[i]) {
                out.add(v[i]);
            }
        }
        boolean[] b = new boolean[out.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = out.get(i);
        }
        return b;
    }

    static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static List<Map<String, String>> read(String name) {
        return GoldenCsv.read(Path.of("src/test/resources/survival").resolve(name));
    }
}
