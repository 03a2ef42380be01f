/**
 * Where the Flyway migrations ship in the jar ({@code V<n>__<what>.sql}, resources of this
 * package): not {@code db/migration}, so a host's own Flyway never picks them up. Open, so that
 * Flyway finds them when ACOG runs on the module path.
 */
package io.acog.jooq.migration;
