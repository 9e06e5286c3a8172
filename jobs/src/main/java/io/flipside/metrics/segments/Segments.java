package io.flipside.metrics.segments;

import java.util.Comparator;
import java.util.List;

/** The breakdowns of SPEC §5 segments: which segment a person falls in on each dimension. */
public final class Segments {
    public static final String GENERATION = "generation";
    public static final String GENDER = "gender";
    public static final String DEPARTMENT = "department";
    /** The dimensions in the order rows are written. */
    public static final List<String> DIMENSIONS = List.of(GENERATION, GENDER, DEPARTMENT);
    /** The segment of a person whose birth year or gender is missing. */
    public static final String UNDISCLOSED = "undisclosed";
    /** Generations from the oldest, then undisclosed. */
    public static final List<String> GENERATIONS = List.of("Silent", "Boomers", "Gen X", "Millennials", "Gen Z",
            UNDISCLOSED);

    private Segments() {
    }

    /** Silent (≤ 1945), Boomers (1946–1964), Gen X (1965–1980), Millennials (1981–1996), Gen Z (1997 on). */
    public static String generation(Integer birthYear) {
        if (birthYear == null) {
            return UNDISCLOSED;
        }
        if (birthYear <= 1945) {
            return "Silent";
        }
        if (birthYear <= 1964) {
            return "Boomers";
        }
        if (birthYear <= 1980) {
            return "Gen X";
        }
        if (birthYear <= 1996) {
            return "Millennials";
        }
        return "Gen Z";
    }

    /** The gender as given; empty or missing is undisclosed. */
    public static String gender(String gender) {
        return gender == null || gender.isBlank() ? UNDISCLOSED : gender.strip();
    }

    /** Generations in age order; other dimensions alphabetically; undisclosed last everywhere. */
    public static Comparator<String> order(String dimension) {
        if (dimension.equals(GENERATION)) {
            return Comparator.comparingInt(GENERATIONS::indexOf);
        }
        return Comparator.comparing((String s) -> s.equals(UNDISCLOSED)).thenComparing(Comparator.naturalOrder());
    }
}
