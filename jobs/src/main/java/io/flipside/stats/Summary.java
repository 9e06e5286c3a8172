package io.flipside.stats;

/**
 * Count, mean and sample standard deviation (n - 1) of a set of values, computed with a two-pass
 * algorithm for accuracy.
 *
 * @param sd null when n < 2
 */
public record Summary(int n, double mean, Double sd) {
    public static Summary of(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, null);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        if (n < 2) {
            return new Summary(n, mean, null);
        }
        double ss = 0;
        double c = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
            c += v - mean;
        }
        // the compensation term removes the rounding left in the mean
        double variance = (ss - c * c / n) / (n - 1);
        return new Summary(n, mean, Math.sqrt(variance));
    }

    public static double mean(double[] x) {
        return of(x).mean();
    }

    /** Sample variance (n - 1). */
    public static double variance(double[] x) {
        Double sd = of(x).sd();
        return sd == null ? Double.NaN : sd * sd;
    }
}
