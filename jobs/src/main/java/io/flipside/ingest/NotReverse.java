package io.flipside.ingest;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** SPEC §2: a pair whose mentor is not more junior (job_level) than the mentee is kept but counted. */
final class NotReverse {
    private NotReverse() {
    }

    static long count(Dataset<Row> pairs, Dataset<Row> employees) {
        Dataset<Row> mentor = employees.select(col("employee_id").as("_nr_mentor"), col("job_level").as("_nr_mentor_level"));
        Dataset<Row> mentee = employees.select(col("employee_id").as("_nr_mentee"), col("job_level").as("_nr_mentee_level"));
        return pairs.join(mentor, pairs.col("mentor_id").equalTo(mentor.col("_nr_mentor")))
                .join(mentee, pairs.col("mentee_id").equalTo(mentee.col("_nr_mentee")))
                .filter(col("_nr_mentor_level").geq(col("_nr_mentee_level")))
                .count();
    }
}
