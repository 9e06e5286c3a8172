package io.flipside.sample;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param scale   1 is about 2,000 employees and 150 pairs; sizes grow linearly
 * @param seed    the same seed gives the same bytes
 * @param asOf    the as-of date the data set is meant to be analysed at; the oldest cohort starts two
 *                years before it
 * @param extract the day the data were extracted: rows dated after {@code asOf} up to this day exist
 *                (late sessions, later answers), as in a real extract taken after the quarter closed
 * @param cohortEffect whether the standout cohort's mentees gain more on digital skills; without it the
 *                cohorts differ only by chance, the null case for cohort comparisons
 */
public record GeneratorOptions(int scale, long seed, LocalDate asOf, LocalDate extract, boolean cohortEffect) {
    public GeneratorOptions {
        if (scale < 1) {
            throw new IllegalArgumentException("--scale must be 1 or more, got " + scale);
        }
        if (asOf == null || extract == null || extract.isBefore(asOf)) {
            throw new IllegalArgumentException("the extract date must be on or after the as-of date");
        }
    }

    /** The committed sample's as-of date. */
    public static final LocalDate SAMPLE_AS_OF = LocalDate.of(2026, 9, 30);

    /** Defaults: the sample's as-of date, extracted six weeks later. */
    public static GeneratorOptions of(int scale, long seed) {
        return new GeneratorOptions(scale, seed, SAMPLE_AS_OF, SAMPLE_AS_OF.plusDays(42), true);
    }

    /** The same data set with every cohort planted alike. */
    public GeneratorOptions withoutCohortEffect() {
        return new GeneratorOptions(scale, seed, asOf, extract, false);
    }

    /** Number of cohorts: 4 at scale 1, growing with the square root of the scale. */
    public int cohorts() {
        return 4 * (int) Math.ceil(Math.sqrt(scale));
    }

    public int employees() {
        return 2000 * scale;
    }

    public int pairs() {
        return 150 * scale;
    }
}
