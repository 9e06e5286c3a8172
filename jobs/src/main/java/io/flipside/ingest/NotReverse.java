package io.flipside.ingest;

import io.flipside.quality.ReferenceRows;

/** SPEC §2: a pair whose mentor is not more junior (job_level) than the mentee is kept but counted. */
final class NotReverse {
    private NotReverse() {
    }

    /**
     * @param pairs     the valid pairs
     * @param employees the valid employees; a pair with a person not among them is not counted (it cannot
     *                  be valid, as its members are checked against them)
     */
    static long count(ReferenceRows pairs, ReferenceRows employees) {
        long count = 0;
        for (String pair : pairs.keys()) {
            Integer mentor = (Integer) employees.get((String) pairs.get(pair, "mentor_id"), "job_level");
            Integer mentee = (Integer) employees.get((String) pairs.get(pair, "mentee_id"), "job_level");
            if (mentor != null && mentee != null && mentor >= mentee) {
                count++;
            }
        }
        return count;
    }
}
