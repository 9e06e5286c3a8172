package io.flipside.stats;

/**
 * Welch's two-sample t-test of a difference in means with unequal variances, and its 95 % interval:
 * R's {@code t.test(a, b)} (whose default is {@code var.equal = FALSE}), scipy's
 * {@code ttest_ind(a, b, equal_var = False)}. Degrees of freedom by Welch–Satterthwaite.
 */
public final class WelchTest {
    private WelchTest() {
    }

    /**
     * @param difference mean a − mean b
     * @param t          null when undefined: fewer than 2 values on a side, or no variance on either
     */
    public record Result(int nA, int nB, double meanA, double meanB, double difference, Double t, Double df, Double p,
            Double ciLow, Double ciHigh) {
    }

    public static Result test(double[] a, double[] b) {
        Summary sa = Summary.of(a);
        Summary sb = Summary.of(b);
        double difference = sa.mean() - sb.mean();
        if (sa.n() < 2 || sb.n() < 2) {
            return new Result(sa.n(), sb.n(), sa.mean(), sb.mean(), difference, null, null, null, null, null);
        }
        double va = sa.sd() * sa.sd() / sa.n();
        double vb = sb.sd() * sb.sd() / sb.n();
        double se2 = va + vb;
        if (se2 == 0) {
            return new Result(sa.n(), sb.n(), sa.mean(), sb.mean(), difference, null, null, null, null, null);
        }
        double se = Math.sqrt(se2);
        double df = se2 * se2 / (va * va / (sa.n() - 1) + vb * vb / (sb.n() - 1));
        double t = difference / se;
        double half = StudentT.q975(df) * se;
        return new Result(sa.n(), sb.n(), sa.mean(), sb.mean(), difference, t, df, StudentT.twoSidedP(t, df),
                difference - half, difference + half);
    }
}
