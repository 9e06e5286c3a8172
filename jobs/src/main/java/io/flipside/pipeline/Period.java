package io.flipside.pipeline;

import java.time.LocalDate;

/** Calendar quarters: the PERIOD of SPEC §4 ({@code 2026-Q3}) and the previous quarter's end. */
public final class Period {
    private Period() {
    }

    public static String of(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    /** The last day of the quarter before the one {@code date} is in. */
    public static LocalDate previousQuarterEnd(LocalDate date) {
        int firstMonth = ((date.getMonthValue() - 1) / 3) * 3 + 1;
        return date.withMonth(firstMonth).withDayOfMonth(1).minusDays(1);
    }
}
