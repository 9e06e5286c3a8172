package io.flipside.sample;

import static io.flipside.sample.PlantedEffects.INVOLUNTARY_HAZARD;
import static io.flipside.sample.PlantedEffects.LEVEL_LOG_HAZARD;
import static io.flipside.sample.PlantedEffects.PARTICIPANT_HAZARD_RATIO;
import static io.flipside.sample.PlantedEffects.PARTICIPANT_PROMOTION_RATE;
import static io.flipside.sample.PlantedEffects.PROMOTION_RATE;
import static io.flipside.sample.PlantedEffects.VOLUNTARY_HAZARD;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated employee. Leaving and promotion are exponential clocks drawn once: the person leaves
 * when the cumulative hazard reaches a pre-drawn Exp(1) budget. Taking part in the programme lowers
 * the voluntary hazard from the first cohort's start on, so the outcome is a deterministic function
 * of that date and cohorts can be assigned in start order without re-drawing anything.
 */
final class Person {
    private static final double DAYS_PER_YEAR = 365.25;
    private static final int MAX_PROMOTIONS = 6;

    final String id;
    final LocalDate hire;
    final int level0;
    final String department;
    final String location;
    final String gender;
    final Integer birthYear;
    final LocalDate observedFrom;
    private final double voluntaryBudget;
    private final double involuntaryBudget;
    private final double[] promotionBudgets;
    LocalDate firstParticipation;

    Person(String id, LocalDate hire, int level0, String department, String location, String gender,
            Integer birthYear, LocalDate observedFrom, SplittableRandom rnd) {
        this.id = id;
        this.hire = hire;
        this.level0 = level0;
        this.department = department;
        this.location = location;
        this.gender = gender;
        this.birthYear = birthYear;
        this.observedFrom = hire.isAfter(observedFrom) ? hire : observedFrom;
        this.voluntaryBudget = rnd.nextExponential();
        this.involuntaryBudget = rnd.nextExponential();
        this.promotionBudgets = new double[MAX_PROMOTIONS];
        double sum = 0;
        for (int i = 0; i < MAX_PROMOTIONS; i++) {
            sum += rnd.nextExponential();
            promotionBudgets[i] = sum;
        }
    }

    /** The termination date under the participation known so far, or null when after {@code until}. */
    LocalDate termination(LocalDate until) {
        double base = VOLUNTARY_HAZARD * Math.exp(LEVEL_LOG_HAZARD * (level0 - 5)) / DAYS_PER_YEAR;
        double voluntary = daysToBudget(voluntaryBudget, base, base * PARTICIPANT_HAZARD_RATIO);
        double involuntary = involuntaryBudget / (INVOLUNTARY_HAZARD / DAYS_PER_YEAR);
        double days = Math.min(voluntary, involuntary);
        LocalDate date = observedFrom.plusDays((long) Math.ceil(days));
        return date.isAfter(until) ? null : date;
    }

    boolean leavesVoluntarily() {
        double base = VOLUNTARY_HAZARD * Math.exp(LEVEL_LOG_HAZARD * (level0 - 5)) / DAYS_PER_YEAR;
        double voluntary = daysToBudget(voluntaryBudget, base, base * PARTICIPANT_HAZARD_RATIO);
        return voluntary <= involuntaryBudget / (INVOLUNTARY_HAZARD / DAYS_PER_YEAR);
    }

    boolean employedOn(LocalDate day, LocalDate until) {
        LocalDate t = termination(until);
        return !hire.isAfter(day) && (t == null || t.isAfter(day));
    }

    /** Promotion dates up to {@code until} and before leaving; each raises the level by one, to 15 at most. */
    List<LocalDate> promotions(LocalDate until) {
        LocalDate end = termination(until);
        double before = PROMOTION_RATE / DAYS_PER_YEAR;
        double after = PARTICIPANT_PROMOTION_RATE / DAYS_PER_YEAR;
        List<LocalDate> out = new ArrayList<>();
        for (double budget : promotionBudgets) {
            if (level0 + out.size() >= 15) {
                break;
            }
            LocalDate d = observedFrom.plusDays((long) Math.ceil(daysToBudget(budget, before, after)));
            if (d.isAfter(until) || (end != null && !d.isBefore(end))) {
                break;
            }
            out.add(d);
        }
        return out;
    }

    int levelOn(LocalDate day, LocalDate until) {
        int level = level0;
        for (LocalDate p : promotions(until)) {
            if (!p.isAfter(day)) {
                level++;
            }
        }
        return level;
    }

    private double daysToBudget(double budget, double rateBefore, double rateAfter) {
        if (firstParticipation == null || !firstParticipation.isAfter(observedFrom)) {
            double rate = firstParticipation == null ? rateBefore : rateAfter;
            return budget / rate;
        }
        double untilP = ChronoUnit.DAYS.between(observedFrom, firstParticipation);
        if (budget <= rateBefore * untilP) {
            return budget / rateBefore;
        }
        return untilP + (budget - rateBefore * untilP) / rateAfter;
    }
}
