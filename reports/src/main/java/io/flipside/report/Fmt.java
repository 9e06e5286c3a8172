package io.flipside.report;

import java.util.Locale;

/** Number formatting for readers: a fixed English locale, and an en dash for "no value". */
public final class Fmt {
    /** Shown where a value is null: not computable, or absent. */
    public static final String NONE = "\u2013";

    private Fmt() {
    }

    /** A fraction 0-1 as a whole percentage, e.g. 0.853 to "85%". */
    public static String pct(Double fraction) {
        return fraction == null ? NONE : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    public static String count(Long n) {
        return n == null ? NONE : String.format(Locale.ROOT, "%,d", n);
    }

    public static String decimal(Double v, int places) {
        return v == null ? NONE : String.format(Locale.ROOT, "%,." + places + "f", v);
    }

    /** A p-value: three significant digits, and "< 0.001" below that, as journals print it. */
    public static String p(Double p) {
        if (p == null) {
            return NONE;
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
