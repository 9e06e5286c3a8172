package io.flipside.stats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Cox proportional-hazards model with Efron's handling of tied event times, fitted by
 * Newton–Raphson with step halving, as R's {@code coxph(..., ties = "efron")}: coefficients,
 * standard errors from the inverse information at the estimate, Wald z and p, and 95 % Wald intervals
 * of the hazard ratios.
 *
 * <p>Covariates are centred before fitting, as R does; that changes neither the estimates nor the
 * likelihood, only the rounding. A covariate that is constant across the subjects cannot be
 * estimated and is left out (R reports it as NA); the others are fitted without it. The fit reports
 * instead of guessing when there are no events, when the information matrix is singular, when the
 * iterations do not settle, and when a coefficient runs off towards infinity (monotone likelihood,
 * as when every event falls in one group).
 */
public final class CoxModel {
    private static final int MAX_ITERATIONS = 50;
    private static final int MAX_HALVINGS = 30;
    /** Beyond this many log-hazard units per standard deviation of the covariate, a coefficient is taken as infinite. */
    private static final double INFINITE_PER_SD = 10;

    private CoxModel() {
    }

    /** How the fit ended; every status but {@code CONVERGED} comes with no estimates. */
    public enum Status {
        CONVERGED, NO_EVENTS, SINGULAR, NOT_CONVERGED, INFINITE_COEFFICIENT
    }

    /**
     * One covariate's estimate; every number is null when it could not be estimated.
     *
     * @param beta the log hazard ratio per unit of the covariate
     */
    public record Coefficient(String name, Double beta, Double se, Double z, Double p, Double hazardRatio,
            Double ciLow, Double ciHigh) {
        public Coefficient {
            requireNonNull(name, "name");
        }

        static Coefficient missing(String name) {
            return new Coefficient(name, null, null, null, null, null, null, null);
        }
    }

    /**
     * @param note       what went wrong, in words, or null when the fit converged
     * @param logLik     the partial log-likelihood at the estimate (NaN without one)
     */
    public record Fit(Status status, String note, List<Coefficient> coefficients, double logLik, int iterations) {
        public Fit {
            requireNonNull(status, "status");
            coefficients = List.copyOf(coefficients);
        }

        public Coefficient coefficient(String name) {
            return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no covariate " + name));
        }
    }

    /**
     * @param time  follow-up times
     * @param event true where the time ends in the event
     * @param x     covariates, one row per subject
     * @param names the covariates' names, in the column order of {@code x}
     */
    public static Fit fit(int[] time, boolean[] event, double[][] x, List<String> names) {
        int n = time.length;
        if (event.length != n || x.length != n) {
            throw new IllegalArgumentException("time, event and covariates differ in length");
        }
        int events = 0;
        for (boolean e : event) {
            events += e ? 1 : 0;
        }
        if (events == 0) {
            return failed(Status.NO_EVENTS, "no events, so no hazard can be compared", names);
        }
        List<Integer> used = new ArrayList<>();
        double[] sd = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = x[i][j];
            }
            Summary s = Summary.of(column);
            if (s.sd() != null && s.sd() > 0) {
                used.add(j);
                sd[j] = s.sd();
            }
        }
        if (used.isEmpty()) {
            return failed(Status.SINGULAR, "every covariate is constant", names);
        }
        Data data = Data.of(time, event, x, used);
        int p = used.size();
        double[] beta = new double[p];
        Eval current = data.evaluate(beta);
        int iteration = 0;
        boolean settled = false;
        while (iteration < MAX_ITERATIONS && !settled) {
            iteration++;
            double[] step = solve(current.information(), current.gradient());
            if (step == null) {
                Fit infinite = infinite(beta, used, sd, names);
                return infinite != null ? infinite : failed(Status.SINGULAR, "the covariates are collinear (information matrix singular)", names);
            }
            double[] next = new double[p];
            Eval candidate = null;
            for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
                for (int j = 0; j < p; j++) {
                    next[j] = beta[j] + step[j];
                }
                candidate = data.evaluate(next);
                if (candidate.logLik() >= current.logLik() - 1e-12 * Math.abs(current.logLik())) {
                    break;
                }
                for (int j = 0; j < p; j++) {
                    step[j] /= 2;
                }
            }
            settled = true;
            for (int j = 0; j < p; j++) {
                settled &= Math.abs(next[j] - beta[j]) <= 1e-10 * (1 + Math.abs(next[j]));
            }
            settled |= Math.abs(candidate.logLik() - current.logLik()) <= 1e-15 * Math.abs(current.logLik());
            beta = next.clone();
            current = candidate;
        }
        Fit infinite = infinite(beta, used, sd, names);
        if (infinite != null) {
            return infinite;
        }
        if (!settled) {
            return failed(Status.NOT_CONVERGED, "the fit did not converge in " + MAX_ITERATIONS + " iterations", names);
        }
        double[][] inverse = invert(current.information());
        if (inverse == null) {
            return failed(Status.SINGULAR, "the covariates are collinear (information matrix singular)", names);
        }
        List<Coefficient> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            int k = used.indexOf(j);
            if (k < 0) {
                out.add(Coefficient.missing(names.get(j)));
                continue;
            }
            double se = Math.sqrt(inverse[k][k]);
            double z = beta[k] / se;
            out.add(new Coefficient(names.get(j), beta[k], se, z, Normal.twoSidedP(z), Math.exp(beta[k]),
                    Math.exp(beta[k] - Normal.Z975 * se), Math.exp(beta[k] + Normal.Z975 * se)));
        }
        return new Fit(Status.CONVERGED, null, out, current.logLik(), iteration);
    }

    /** A failed fit naming the first coefficient that is running off to infinity, or null when none is. */
    private static Fit infinite(double[] beta, List<Integer> used, double[] sd, List<String> names) {
        for (int k = 0; k < beta.length; k++) {
            int j = used.get(k);
            if (Math.abs(beta[k]) * sd[j] > INFINITE_PER_SD) {
                return failed(Status.INFINITE_COEFFICIENT, "the coefficient of " + names.get(j)
                        + " runs to infinity (monotone likelihood, e.g. all events in one group)", names);
            }
        }
        return null;
    }

    private static Fit failed(Status status, String note, List<String> names) {
        return new Fit(status, note, names.stream().map(Coefficient::missing).toList(), Double.NaN, 0);
    }

    private record Eval(double logLik, double[] gradient, double[][] information) {
    }

    /** Subjects by descending time, covariates centred, in one flat array. */
    private record Data(int[] time, boolean[] event, double[] x, int p) {
        static Data of(int[] time, boolean[] event, double[][] x, List<Integer> used) {
            int n = time.length;
            int p = used.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(time[b], time[a]));
            double[] mean = new double[p];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p; k++) {
                    mean[k] += x[i][used.get(k)] / n;
                }
            }
            int[] t = new int[n];
            boolean[] e = new boolean[n];
            double[] flat = new double[n * p];
            for (int i = 0; i < n; i++) {
                int s = order[i];
                t[i] = time[s];
                e[i] = event[s];
                for (int k = 0; k < p; k++) {
                    flat[i * p + k] = x[s][used.get(k)] - mean[k];
                }
            }
            return new Data(t, e, flat, p);
        }

        Eval evaluate(double[] beta) {
            double logLik = 0;
            double[] gradient = new double[p];
            double[][] info = new double[p][p];
            double s0 = 0;
            double[] s1 = new double[p];
            double[][] s2 = new double[p][p];
            double[] e1 = new double[p];
            double[][] e2 = new double[p][p];
            double[] a = new double[p];
            int i = 0;
            int n = time.length;
            while (i < n) {
                int t = time[i];
                double e0 = 0;
                int deaths = 0;
                Arrays.fill(e1, 0);
                for (double[] row : e2) {
                    Arrays.fill(row, 0);
                }
                for (; i < n && time[i] == t; i++) {
                    double eta = 0;
                    for (int k = 0; k < p; k++) {
                        eta += beta[k] * x[i * p + k];
                    }
                    double r = Math.exp(eta);
                    s0 += r;
                    for (int k = 0; k < p; k++) {
                        double xk = x[i * p + k];
                        s1[k] += r * xk;
                        for (int l = 0; l <= k; l++) {
                            s2[k][l] += r * xk * x[i * p + l];
                        }
                    }
                    if (event[i]) {
                        deaths++;
                        e0 += r;
                        logLik += eta;
                        for (int k = 0; k < p; k++) {
                            double xk = x[i * p + k];
                            gradient[k] += xk;
                            e1[k] += r * xk;
                            for (int l = 0; l <= k; l++) {
                                e2[k][l] += r * xk * x[i * p + l];
                            }
                        }
                    }
                }
                for (int l = 0; l < deaths; l++) {
                    // Efron: the l-th of d tied deaths sees the risk set less l/d of the dying set's weight
                    double f = (double) l / deaths;
                    double den = s0 - f * e0;
                    logLik -= Math.log(den);
                    for (int k = 0; k < p; k++) {
                        a[k] = (s1[k] - f * e1[k]) / den;
                        gradient[k] -= a[k];
                    }
                    for (int k = 0; k < p; k++) {
                        for (int m = 0; m <= k; m++) {
                            info[k][m] += (s2[k][m] - f * e2[k][m]) / den - a[k] * a[m];
                        }
                    }
                }
            }
            for (int k = 0; k < p; k++) {
                for (int m = 0; m < k; m++) {
                    info[m][k] = info[k][m];
                }
            }
            return new Eval(logLik, gradient, info);
        }
    }

    /** Solves A·v = b for symmetric positive-definite A by Cholesky; null when A is not. */
    static double[] solve(double[][] a, double[] b) {
        double[][] l = cholesky(a);
        if (l == null) {
            return null;
        }
        int p = b.length;
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] v = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * v[k];
            }
            v[i] = s / l[i][i];
        }
        return v;
    }

    static double[][] invert(double[][] a) {
        int p = a.length;
        double[][] inverse = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] unit = new double[p];
            unit[j] = 1;
            double[] column = solve(a, unit);
            if (column == null) {
                return null;
            }
            inverse[j] = column;
        }
        return inverse;
    }

    private static double[][] cholesky(double[][] a) {
        int p = a.length;
        double scale = 0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 1e-12 * scale) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
