package io.flipside.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One input dataset of SPEC §2: its fields, its row rules, its unique key and its references to
 * other datasets. Definitions live in {@link Datasets}; validation, the Spark schema of
 * {@code curated/} and the quarantine layout all derive from them.
 *
 * @param name         dataset name, also the input file or folder name
 * @param required     whether a run fails (exit 4) without it
 * @param fields       the known columns in output order
 * @param rules        cross-field rules of one row
 * @param uniqueKey    the id column that must be unique ({@code duplicate_key}), or null
 * @param versionKey   the key whose rows are versions of one another (responses, assessments), or empty
 * @param versionDate  the date that orders versions, or null
 * @param references   checks against other datasets' valid keys, in the order they are applied
 */
public record DatasetSchema(String name, boolean required, List<Field> fields, List<RowRule> rules,
        String uniqueKey, List<String> versionKey, String versionDate, List<Reference> references)
        implements Serializable {

    public DatasetSchema {
        requireNonNull(name, "name");
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
        versionKey = List.copyOf(versionKey);
        references = List.copyOf(references);
    }

    public Optional<Field> field(String column) {
        return fields.stream().filter(f -> f.name().equals(column)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    public List<String> requiredFieldNames() {
        return fields.stream().filter(Field::required).map(Field::name).toList();
    }

    /**
     * A reference check: the value of {@code column} must be a valid key of {@code target}, else the row
     * is quarantined with {@code reason}. Null values pass (requiredness is checked per field).
     */
    public record Reference(String column, String target, Reason reason) implements Serializable {
    }
}
