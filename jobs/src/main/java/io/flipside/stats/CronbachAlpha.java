package io.flipside.stats;

/**
 * Cronbach's alpha of a scale, k/(k-1) (1 - Σ var(item) / var(total)), on respondents who answered every
 * item (listwise; the caller passes complete rows with reverse coding applied). Matches
 * {@code psych::alpha(...)$total$raw_alpha} on complete cases.
 */
public final class CronbachAlpha {
    private CronbachAlpha() {
    }

    /**
     * @param rows one row per respondent, one column per item
     * @return null when k < 2, fewer than 2 respondents, or the total has no variance
     */
    public static Double of(double[][] rows) {
        if (rows.length < 2 || rows[0].length < 2) {
            return null;
        }
        int k = rows[0].length;
        double itemVariances = 0;
        for (int j = 0; j < k; j++) {
            double[] col = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                col[i] = rows[i][j];
            }
            itemVariances += Summary.variance(col);
        }
        double[] totals = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " items, expected " + k);
            }
            for (double v : rows[i]) {
                totals[i] += v;
            }
        }
        double total = Summary.variance(totals);
        return total == 0 ? null : k / (k - 1.0) * (1 - itemVariances / total);
    }
}
