package io.flipside.stats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan–Meier estimate of a survival function from right-censored times, as R's
 * {@code survfit(Surv(time, event) ~ 1)} computes it with its defaults.
 *
 * <p>At a time with both events and censorings the events come first: those censored at t are still
 * at risk at t. The curve is right-continuous. The standard error is Greenwood's, of S itself:
 * S·√Σ d/(n(n−d)) (R's {@code summary(fit)$std.err}). The 95 % interval is on the log scale,
 * exp(log S ± z·√Σ d/(n(n−d))), its upper end capped at 1 (R's {@code conf.type = "log"}), and
 * undefined once S = 0.
 */
public final class KaplanMeier {
    /**
     * One distinct time of the data, events or censorings.
     *
     * @param stdErr null when S = 0
     * @param ciLow  null when S = 0
     * @param ciHigh null when S = 0
     */
    public record Step(int time, int nRisk, int nEvent, int nCensor, double survival, Double stdErr, Double ciLow,
            Double ciHigh) {
    }

    /** The curve at a time point: the last step on or before it, or S = 1 before any. */
    public record Estimate(double survival, Double stdErr, Double ciLow, Double ciHigh, int events) {
    }

    private final List<Step> steps;
    private final int[] cumulativeEvents;

    private KaplanMeier(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.cumulativeEvents = new int[steps.size()];
        int sum = 0;
        for (int i = 0; i < steps.size(); i++) {
            sum += steps.get(i).nEvent();
            cumulativeEvents[i] = sum;
        }
    }

    /**
     * @param time  follow-up times, ≥ 0
     * @param event true where the time ends in the event, false where it is censored
     */
    public static KaplanMeier fit(int[] time, boolean[] event) {
        requireNonNull(time, "time");
        requireNonNull(event, "event");
        if (time.length != event.length) {
            throw new IllegalArgumentException("time and event differ in length: " + time.length + " vs " + event.length);
        }
        long[] keyed = new long[time.length];
        for (int i = 0; i < time.length; i++) {
            if (time[i] < 0) {
                throw new IllegalArgumentException("negative time " + time[i]);
            }
            keyed[i] = ((long) time[i] << 1) | (event[i] ? 1 : 0);
        }
        Arrays.sort(keyed);
        List<Step> steps = new ArrayList<>();
        int atRisk = time.length;
        double survival = 1;
        double greenwood = 0;
        int i = 0;
        while (i < keyed.length) {
            int t = (int) (keyed[i] >>> 1);
            int events = 0;
            int censored = 0;
            while (i < keyed.length && (int) (keyed[i] >>> 1) == t) {
                if ((keyed[i] & 1) == 1) {
                    events++;
                } else {
                    censored++;
                }
                i++;
            }
            if (events > 0) {
                survival *= 1 - (double) events / atRisk;
                greenwood = events == atRisk ? Double.POSITIVE_INFINITY
                        : greenwood + (double) events / ((double) atRisk * (atRisk - events));
            }
            steps.add(step(t, atRisk, events, censored, survival, greenwood));
            atRisk -= events + censored;
        }
        return new KaplanMeier(steps);
    }

    private static Step step(int t, int atRisk, int events, int censored, double survival, double greenwood) {
        if (survival == 0) {
            return new Step(t, atRisk, events, censored, 0, null, null, null);
        }
        double logSe = Math.sqrt(greenwood);
        double log = Math.log(survival);
        return new Step(t, atRisk, events, censored, survival, survival * logSe,
                Math.exp(log - Normal.Z975 * logSe), Math.min(1, Math.exp(log + Normal.Z975 * logSe)));
    }

    /** Every distinct time, ascending. */
    public List<Step> steps() {
        return steps;
    }

    /** S(t), right-continuous, with its error, interval and the events up to and including t. */
    public Estimate at(int t) {
        int lo = 0;
        int hi = steps.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).time() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return new Estimate(1, 0.0, 1.0, 1.0, 0);
        }
        Step s = steps.get(found);
        return new Estimate(s.survival(), s.stdErr(), s.ciLow(), s.ciHigh(), cumulativeEvents[found]);
    }
}
