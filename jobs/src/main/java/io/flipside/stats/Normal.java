package io.flipside.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Standard normal and one-degree chi-square helpers, with p-values taken from the upper tail. */
public final class Normal {
    /** Φ⁻¹(0.975), the half-width multiplier of a 95 % interval (R: {@code qnorm(0.975)}). */
    public static final double Z975 = 1.959963984540054;

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    private static final ChiSquaredDistribution CHI2_1 = ChiSquaredDistribution.of(1);

    private Normal() {
    }

    /** 2 P(Z > |z|). */
    public static double twoSidedP(double z) {
        return Math.min(1.0, 2 * STANDARD.survivalProbability(Math.abs(z)));
    }

    /** P(X > x) for X chi-square with one degree of freedom. */
    public static double chiSquare1P(double x) {
        return CHI2_1.survivalProbability(x);
    }
}
