package io.flipside.metrics.survey;

import static java.util.Objects.requireNonNull;

/** A codebook entry with its effective range (SPEC §2 defaults applied). */
public record SurveyItem(String itemId, String scale, boolean nps, int min, int max, boolean reverse) {
    public SurveyItem {
        requireNonNull(itemId, "itemId");
        requireNonNull(scale, "scale");
    }

    /** x = (value - min) / (max - min), then 1 - x when reverse coded: 0 worst, 1 best. */
    public double x(int value) {
        double x = (double) (value - min) / (max - min);
        return reverse ? 1 - x : x;
    }
}
