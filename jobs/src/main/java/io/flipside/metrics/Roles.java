package io.flipside.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/**
 * People's roles per cohort from the pairs visible at the as-of date (SPEC §5): a person holds one
 * role within a cohort, so (cohort, person) is a key.
 */
public final class Roles {
    private Roles() {
    }

    /** Each cohort's people with their role, mentor or mentee, for lookups on the driver. */
    public static Map<String, Map<String, String>> byCohort(MetricInputs in) {
        Map<String, Map<String, String>> roles = new HashMap<>();
        for (PairView p : in.pairs()) {
            Map<String, String> cohort = roles.computeIfAbsent(p.cohortId(), k -> new HashMap<>());
            cohort.put(p.mentorId(), "mentor");
            cohort.put(p.menteeId(), "mentee");
        }
        return roles;
    }

    /** {@link #byCohort} as columns {@code _r_cohort}, {@code _r_person}, {@code _r_role}; small, for broadcast joins. */
    public static Dataset<Row> asDataset(MetricInputs in) {
        List<Row> rows = new ArrayList<>();
        byCohort(in).forEach((cohort, people) -> people.forEach((person, role) ->
                rows.add(RowFactory.create(cohort, person, role))));
        return in.spark().createDataFrame(rows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("_r_cohort", DataTypes.StringType, false),
                DataTypes.createStructField("_r_person", DataTypes.StringType, false),
                DataTypes.createStructField("_r_role", DataTypes.StringType, false))));
    }
}
