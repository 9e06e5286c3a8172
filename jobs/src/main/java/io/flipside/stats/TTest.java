package io.flipside.stats;

/**
 * The one-sample t-test of a mean against 0 and its 95 % t interval; applied to paired differences it
 * is the paired t-test (R: {@code t.test(post, pre, paired = TRUE)}, scipy: {@code ttest_rel}).
 */
public final class TTest {
    private TTest() {
    }

    /**
     * @param sd null when n < 2
     * @param t  null when undefined: n < 2, or no variance (R's t.test stops with "data are essentially
     *           constant"; we report the mean and leave the test empty)
     */
    public record Result(int n, double mean, Double sd, Double t, Double df, Double p, Double ciLow, Double ciHigh) {
    }

    public static Result oneSample(double[] x) {
        Summary s = Summary.of(x);
        if (s.n() < 2 || s.sd() == 0) {
            return new Result(s.n(), s.mean(), s.sd(), null, null, null, null, null);
        }
        double se = s.sd() / Math.sqrt(s.n());
        double df = s.n() - 1;
        double t = s.mean() / se;
        double half = StudentT.q975(df) * se;
        return new Result(s.n(), s.mean(), s.sd(), t, df, StudentT.twoSidedP(t, df), s.mean() - half, s.mean() + half);
    }
}
