package io.flipside.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/** Student's t distribution helpers: two-sided p-values from the upper tail and 97.5 % quantiles. */
public final class StudentT {
    private StudentT() {
    }

    /** 2 P(T > |t|), from the survival function so values far below 1e-16 keep their precision. */
    public static double twoSidedP(double t, double df) {
        return Math.min(1.0, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
    }

    /**
     * The quantile with 2.5 % above it: the half-width multiplier of a 95 % interval. Commons Statistics'
     * inverse is good to about 1e-9; two Newton steps on the survival function bring it to machine
     * precision, so intervals match R's qt() to the last digits.
     */
    public static double q975(double df) {
        TDistribution t = TDistribution.of(df);
        double x = t.inverseSurvivalProbability(0.025);
        for (int i = 0; i < 2; i++) {
            x += (t.survivalProbability(x) - 0.025) / t.density(x);
        }
        return x;
    }
}
