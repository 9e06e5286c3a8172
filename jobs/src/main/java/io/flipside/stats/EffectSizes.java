package io.flipside.stats;

import org.apache.commons.numbers.gamma.LogGamma;

/** Standardised effect sizes of SPEC §5. */
public final class EffectSizes {
    private EffectSizes() {
    }

    /**
     * Hedges' exact small-sample correction J(m) = Γ(m/2) / (√(m/2) Γ((m-1)/2)), through log-gamma so
     * it neither overflows nor loses precision for large m; m is the degrees of freedom (n - 1).
     */
    public static double hedgesJ(double m) {
        if (m <= 1) {
            throw new IllegalArgumentException("Hedges' J needs more than 1 degree of freedom, got " + m);
        }
        return Math.exp(LogGamma.value(m / 2) - 0.5 * Math.log(m / 2) - LogGamma.value((m - 1) / 2));
    }

    /** Cohen's d_z of paired data: mean difference / SD of differences; null without variance. */
    public static Double dz(double meanDifference, Double sdDifference) {
        return sdDifference == null || sdDifference == 0 ? null : meanDifference / sdDifference;
    }

    /** Hedges' g_z = d_z × J(n - 1); null when d_z is, or when n - 1 <= 1 leaves J undefined. */
    public static Double gz(Double dz, int n) {
        return dz == null || n - 1 <= 1 ? null : dz * hedgesJ(n - 1);
    }

    /** Hake's class-average normalised gain (post - pre) / (max - pre); null when the pre mean is at the maximum. */
    public static Double hake(double meanPre, double meanPost, double maxScore) {
        return meanPre >= maxScore ? null : (meanPost - meanPre) / (maxScore - meanPre);
    }
}
