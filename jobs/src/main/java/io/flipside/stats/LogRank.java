package io.flipside.stats;

import java.util.Arrays;

/**
 * The two-sample log-rank test, as R's {@code survdiff(Surv(time, event) ~ group)} with its default
 * {@code rho = 0}: observed minus expected events of the first group over the distinct event times,
 * hypergeometric variance Σ d·(n₁/n)·(1 − n₁/n)·(n − d)/(n − 1), chi-square with one degree of freedom.
 */
public final class LogRank {
    private LogRank() {
    }

    /**
     * @param chiSquare null when no one in either group has the event (the variance is 0)
     * @param p         null with chiSquare
     */
    public record Result(int n1, int n2, int events1, int events2, double observed1, double expected1,
            double variance, Double chiSquare, Double p) {
    }

    /**
     * @param inFirst true for subjects of the first group, false for the second
     */
    public static Result test(int[] time, boolean[] event, boolean[] inFirst) {
        if (time.length != event.length || time.length != inFirst.length) {
            throw new IllegalArgumentException("time, event and group differ in length");
        }
        // one primitive sort of (time, event, group) packed in a long, not a sort of boxed indices:
        // the comparison group of a cohort is most of the workforce
        long[] keyed = new long[time.length];
        int n1 = 0;
        int n2 = 0;
        int e1 = 0;
        int e2 = 0;
        for (int i = 0; i < time.length; i++) {
            keyed[i] = ((long) time[i] << 2) | (event[i] ? 2 : 0) | (inFirst[i] ? 1 : 0);
            if (inFirst[i]) {
                n1++;
                e1 += event[i] ? 1 : 0;
            } else {
                n2++;
                e2 += event[i] ? 1 : 0;
            }
        }
        Arrays.sort(keyed);
        int risk = time.length;
        int risk1 = n1;
        double expected1 = 0;
        double variance = 0;
        int i = 0;
        while (i < keyed.length) {
            long t = keyed[i] >> 2;
            int d = 0;
            int leaving = 0;
            int leaving1 = 0;
            while (i < keyed.length && keyed[i] >> 2 == t) {
                leaving++;
                leaving1 += (int) (keyed[i] & 1);
                d += (int) (keyed[i] >> 1 & 1);
                i++;
            }
            if (d > 0) {
                double share = (double) risk1 / risk;
                expected1 += d * share;
                if (risk > 1) {
                    variance += d * share * (1 - share) * (risk - d) / (risk - 1);
                }
            }
            risk -= leaving;
            risk1 -= leaving1;
        }
        if (variance <= 0) {
            return new Result(n1, n2, e1, e2, e1, expected1, variance, null, null);
        }
        double chi = (e1 - expected1) * (e1 - expected1) / variance;
        return new Result(n1, n2, e1, e2, e1, expected1, variance, chi, Normal.chiSquare1P(chi));
    }
}
