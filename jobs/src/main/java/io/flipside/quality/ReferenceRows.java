package io.flipside.quality;

import static java.util.Objects.requireNonNull;

import io.flipside.ingest.DatasetSchema;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The valid rows of a dataset that other datasets are checked against, each reduced to its key and the
 * few values those checks read: the employees' job levels (the pairs' not-reverse count), the cohorts'
 * start dates ({@link RoleConflicts}), the pairs' members and the codebooks' ranges
 * ({@link LookupChecks}). The task that writes the dataset collects them as it keeps each row, and they
 * reach the driver with its result: reading 200,000 employees back from their curated files to collect
 * their ids, and joining them with the pairs to count the pairs that are not reverse, were a fifth of the
 * ingest's time at scale 100, all of it before the activity events could start.
 */
public final class ReferenceRows implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Per dataset others are checked against, the columns besides its key that their checks read. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "employees", List.of("job_level"),
            "cohorts", List.of("start_date"),
            "pairs", List.of("mentor_id", "mentee_id"),
            "survey_items", List.of("kind", "min_value", "max_value"),
            "skills", List.of("min_score", "max_score"));

    private final String dataset;
    /** Sent as keys and columns ({@link #writeObject}), not as a map. */
    private transient Map<String, Object[]> byKey;

    private ReferenceRows(String dataset, Map<String, Object[]> byKey) {
        this.dataset = requireNonNull(dataset, "dataset");
        this.byKey = byKey;
    }

    /** Whether other datasets are checked against {@code dataset}, so that its rows are collected. */
    public static boolean collected(String dataset) {
        return COLUMNS.containsKey(dataset);
    }

    /** An empty collector of {@code schema}'s rows; the schema must be {@link #collected} and have a unique key. */
    public static Builder builder(DatasetSchema schema) {
        if (!collected(schema.name()) || schema.uniqueKey() == null) {
            throw new IllegalArgumentException(schema.name() + " is not a dataset others are checked against");
        }
        return new Builder(schema);
    }

    /** The rows of every task of one dataset together; a key seen twice keeps its first values. */
    public static ReferenceRows union(String dataset, Collection<ReferenceRows> parts) {
        Map<String, Object[]> all = new HashMap<>();
        for (ReferenceRows part : parts) {
            if (!part.dataset.equals(dataset)) {
                throw new IllegalArgumentException("rows of " + part.dataset + " are not rows of " + dataset);
            }
            part.byKey.forEach(all::putIfAbsent);
        }
        return new ReferenceRows(dataset, all);
    }

    public String dataset() {
        return dataset;
    }

    /** The valid keys. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(byKey.keySet());
    }

    /**
     * A collected value of a valid row.
     *
     * @return the value, null when the row has none or {@code key} is not a valid key
     * @throws IllegalArgumentException when {@code column} is not collected for this dataset
     */
    public Object get(String key, String column) {
        List<String> columns = COLUMNS.get(dataset);
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(column + " of " + dataset + " is not collected; " + columns + " are");
        }
        Object[] values = byKey.get(key);
        return values == null ? null : values[i];
    }

    /**
     * The keys as plain strings, then each column's values in the keys' order. The employees' rows travel
     * from their task to the driver while the pairs and the activity events wait: at scale 100 (200,000
     * keys, 7.8 MB) this took 0.3 s in the task, where the keys as an array of objects took 0.6 s (each
     * object goes through the stream's table of objects seen), and a map of arrays longer still in a
     * micro-benchmark.
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        String[] keys = byKey.keySet().toArray(String[]::new);
        Object[][] values = new Object[COLUMNS.get(dataset).size()][keys.length];
        for (int i = 0; i < keys.length; i++) {
            Object[] row = byKey.get(keys[i]);
            for (int c = 0; c < row.length; c++) {
                values[c][i] = row[c];
            }
        }
        out.writeInt(keys.length);
        for (String key : keys) {
            out.writeUTF(key);
        }
        out.writeObject(values);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        String[] keys = new String[in.readInt()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.readUTF();
        }
        Object[][] values = (Object[][]) in.readObject();
        byKey = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            Object[] row = new Object[values.length];
            for (int c = 0; c < values.length; c++) {
                row[c] = values[c][i];
            }
            byKey.put(keys[i], row);
        }
    }

    /** Collects the valid rows one task keeps. */
    public static final class Builder {
        private final String dataset;
        private final int key;
        private final int[] positions;
        private final Map<String, Object[]> byKey = new HashMap<>();

        private Builder(DatasetSchema schema) {
            List<String> names = schema.fieldNames();
            this.dataset = schema.name();
            this.key = names.indexOf(schema.uniqueKey());
            this.positions = COLUMNS.get(dataset).stream().mapToInt(names::indexOf).toArray();
        }

        /** @param values a kept row's typed values in {@link DatasetSchema#fields()} order */
        public void add(Object[] values) {
            Object[] kept = new Object[positions.length];
            for (int i = 0; i < positions.length; i++) {
                kept[i] = values[positions[i]];
            }
            byKey.putIfAbsent((String) values[key], kept);
        }

        public ReferenceRows build() {
            return new ReferenceRows(dataset, byKey);
        }
    }
}
