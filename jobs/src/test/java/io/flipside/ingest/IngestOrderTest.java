package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestOrderTest {
    /** Counted by hand from QualityChecks.inputs and the employees that the pairs' not-reverse count reads. */
    @Test
    void countsEveryDatasetThatWaitsForADatasetDirectlyOrThroughAnother() {
        assertThat(Ingest.waitingOn())
                .containsEntry("employees", 6)
                .containsEntry("cohorts", 5)
                .containsEntry("pairs", 2)
                .containsEntry("survey_items", 1)
                .containsEntry("skills", 1)
                .containsEntry("sessions", 0)
                .containsEntry("activity_events", 0)
                .containsEntry("survey_responses", 0)
                .containsEntry("assessments", 0)
                .containsEntry("job_events", 0)
                .hasSize(10);
    }
}
