package io.flipside.sample;

/**
 * The effects the generator plants on purpose, in one place so that sample-data/README.md, the
 * generator and the tests that recover them agree. Rates are per year unless named otherwise.
 */
public final class PlantedEffects {
    private PlantedEffects() {
    }

    /** Mean gain (points on 0-100) of mentees on digital skills, self-assessed. */
    public static final double MENTEE_DIGITAL_GAIN = 12.0;
    /** Mean gain of mentees on culture skills. */
    public static final double MENTEE_CULTURE_GAIN = 8.0;
    /** Mean gain of mentors on leadership skills. */
    public static final double MENTOR_LEADERSHIP_GAIN = 6.0;
    /** Mean gain where a role is not the expected learner. */
    public static final double OTHER_GAIN = 1.0;
    /** SD of individual gains around the mean. */
    public static final double GAIN_SD = 9.0;
    /**
     * The cohort (0-based, in start order) whose mentees gain more on digital skills: C02, which has
     * finished, post assessments and all, by the sample's as-of date.
     */
    public static final int STANDOUT_COHORT = 1;
    /** The standout cohort's mentee digital gain, instead of {@link #MENTEE_DIGITAL_GAIN}. */
    public static final double STANDOUT_MENTEE_DIGITAL_GAIN = 20.0;
    /** Share of the post-programme gain still present at follow-up. */
    public static final double FOLLOWUP_RETAINED = 0.7;
    /** Manager ratings show this share of the self-assessed gain. */
    public static final double MANAGER_GAIN_FACTOR = 0.7;

    /** Voluntary leaving hazard of a level-5 employee outside the programme. */
    public static final double VOLUNTARY_HAZARD = 0.14;
    /** Per level above 5, the voluntary hazard is multiplied by exp(this). */
    public static final double LEVEL_LOG_HAZARD = -0.05;
    /** Participants' voluntary hazard ratio from their first cohort's start on. */
    public static final double PARTICIPANT_HAZARD_RATIO = 0.6;
    /** Involuntary leaving hazard, the same for everyone. */
    public static final double INVOLUNTARY_HAZARD = 0.03;
    /** Promotion rate outside the programme, and of participants after their cohort starts. */
    public static final double PROMOTION_RATE = 0.10;
    public static final double PARTICIPANT_PROMOTION_RATE = 0.16;

    /** Share of scheduled sessions that are held; the rest split cancelled 2 : no-show 1. */
    public static final double HELD_SHARE = 0.85;
    /** Each pair schedules planned_sessions_per_month x a propensity drawn uniformly from this range. */
    public static final double PROPENSITY_LOW = 0.6;
    public static final double PROPENSITY_HIGH = 1.2;
    /** Share of pairs that never hold a session. */
    public static final double NEVER_MEET_SHARE = 0.04;
    /** Share of pairs that withdraw part way, besides pairs ended by a partner leaving the company. */
    public static final double WITHDRAW_SHARE = 0.10;
    /** Mean days from matching to the first scheduled session (exponential). */
    public static final double DAYS_TO_FIRST_SESSION = 12.0;

    /** Collaboration events per pair-week at propensity 1. */
    public static final double EVENTS_PER_PAIR_WEEK = 12.0;
    /** The mentee's (senior's) share of a pair's events is uniform on this range: seniors write less. */
    public static final double MENTEE_EVENT_SHARE_LOW = 0.2;
    public static final double MENTEE_EVENT_SHARE_HIGH = 0.5;

    /** Latent shift (in SD) from baseline to final: belonging for all, digital confidence for mentees. */
    public static final double BELONGING_SHIFT = 0.3;
    public static final double MENTEE_DIGITAL_CONFIDENCE_SHIFT = 0.8;
    public static final double MENTOR_LEADERSHIP_INSIGHT_SHIFT = 0.5;
    /** Probability that an invited participant answers a wave, by wave. */
    public static final double[] RESPONSE_RATE = {0.85, 0.70, 0.65, 0.50};
    /** Probability that a respondent skips a given item. */
    public static final double ITEM_SKIP = 0.08;

    /**
     * The expected reciprocity index min(m, e) / max(m, e) when the mentee share p is uniform on
     * [a, b] with b <= 0.5 and counts are large: E[p / (1 - p)] = (-(b - a) + ln((1 - a) / (1 - b))) / (b - a).
     */
    public static double expectedReciprocity() {
        double a = MENTEE_EVENT_SHARE_LOW;
        double b = MENTEE_EVENT_SHARE_HIGH;
        return (-(b - a) + Math.log((1 - a) / (1 - b))) / (b - a);
    }
}
