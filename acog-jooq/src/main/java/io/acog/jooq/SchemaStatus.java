package io.acog.jooq;

import java.util.Objects;
import java.util.Optional;

/**
 * Which version of the ACOG schema a database holds, next to the version this jar ships: what
 * {@link AcogSchema#status} reads for a health check.
 *
 * @param schema the PostgreSQL schema that was read
 * @param installedVersion the version migrated there; empty when ACOG never migrated it
 * @param shippedVersion the newest version this jar's migrations reach, e.g. {@code "9"}
 */
public record SchemaStatus(String schema, Optional<String> installedVersion, String shippedVersion) {

    /**
     * Creates the reading.
     *
     * @param schema the PostgreSQL schema that was read
     * @param installedVersion the version migrated there; empty when none
     * @param shippedVersion the newest version this jar's migrations reach
     * @throws NullPointerException when a component is null
     */
    public SchemaStatus {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(installedVersion, "installedVersion");
        Objects.requireNonNull(shippedVersion, "shippedVersion");
    }

    /**
     * Tells whether the database holds exactly the version this jar ships: ACOG can run on it.
     * A database behind needs {@link AcogSchema#migrate}; one ahead was migrated by a newer ACOG,
     * which this one must not run against.
     *
     * @return whether the installed version is the shipped one
     */
    public boolean upToDate() {
        return installedVersion.filter(shippedVersion::equals).isPresent();
    }
}
