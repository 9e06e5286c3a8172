package io.flipside.tables;

import java.util.List;

/**
 * Renders the codebook of the metric tables as Markdown, from their definitions: every table's grain
 * and every column's type, unit and meaning (with the SPEC §5 formula where there is one).
 */
public final class Codebook {
    private Codebook() {
    }

    public static String markdown(List<TableDef> tables) {
        StringBuilder s = new StringBuilder("# Flipside metrics codebook\n\n")
                .append("Each table is in `metrics/TABLE/` (Parquet) and `metrics/TABLE.csv` (UTF-8, header row, ")
                .append("'.' decimals, empty field = null). `cohort_id` ALL pools every cohort, a person counting once ")
                .append("per cohort. Percentages are named `*_pct` (0-100); other rates and shares are fractions 0-1. ")
                .append("A `suppressed` row keeps its keys and `n` and has every statistic null (SPEC §6).\n");
        for (TableDef t : tables) {
            s.append("\n## ").append(t.name()).append("\n\n").append(capitalise(t.grain())).append(".\n\n")
                    .append("| column | type | unit | meaning |\n|---|---|---|---|\n");
            for (Column c : t.columns()) {
                s.append("| `").append(c.name()).append("` | ").append(c.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ").append(c.unit()).append(" | ").append(c.description().replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return s.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
