package io.flipside.quality;

/** The effective answer range of a survey item: SPEC §2 defaults 1-5 for likert, 0-10 for nps. */
public final class SurveyCodebook {
    private SurveyCodebook() {
    }

    /** @param kind the item's kind, null for the default (likert) */
    public static int minValue(String kind, Integer minValue) {
        return minValue != null ? minValue : "nps".equals(kind) ? 0 : 1;
    }

    /** @param kind the item's kind, null for the default (likert) */
    public static int maxValue(String kind, Integer maxValue) {
        return maxValue != null ? maxValue : "nps".equals(kind) ? 10 : 5;
    }
}
