package io.acog.jooq;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AcogSchema#migrate(javax.sql.DataSource)} did.
 *
 * @param schema the PostgreSQL schema that holds the ACOG tables
 * @param initialVersion the schema version before the call; empty for a schema ACOG had not
 *     migrated yet
 * @param currentVersion the schema version after the call (the newest this jar ships)
 * @param applied the migrations this call applied, oldest first, e.g. {@code "1 seed mvp schema"};
 *     empty when the schema was already current
 */
public record SchemaMigration(
        String schema, Optional<String> initialVersion, String currentVersion, List<String> applied) {

    /**
     * Creates the outcome, copying {@code applied}.
     *
     * @param schema the PostgreSQL schema that holds the ACOG tables
     * @param initialVersion the schema version before the call; empty for a schema ACOG had not
     *     migrated yet
     * @param currentVersion the schema version after the call (the newest this jar ships)
     * @param applied the migrations this call applied, oldest first, e.g. {@code "1 seed mvp
     *     schema"}; empty when the schema was already current
     * @throws NullPointerException when a component, or an entry of {@code applied}, is null
     */
    public SchemaMigration {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(initialVersion, "initialVersion");
        Objects.requireNonNull(currentVersion, "currentVersion");
        applied = List.copyOf(applied);
    }

    /**
     * Tells whether this call changed the database.
     *
     * @return whether any migration was applied
     */
    public boolean changedSchema() {
        return !applied.isEmpty();
    }
}
