package io.acog.core.maintenance;

import java.time.Duration;

/**
 * Housekeeping, for a scheduled job of the host's. Thread-safe.
 */
public interface Maintenance {

    /**
     * Deletes for good the rows soft-deleted longer ago than {@code olderThan}: assets, then
     * episodes (their jobs and remaining assets go with them), then pulse events, then channels
     * that no episode references any more. Works in batches of at most {@code batchSize} rows, each
     * its own transaction, so it never holds many locks for long; safe to run while ACOG works.
     *
     * @param olderThan how long ago the rows must have been soft-deleted; not negative
     * @param batchSize rows per transaction, 1 or more
     * @return how many rows of each kind were deleted
     * @throws io.acog.core.ValidationException for a negative age or a batch size below 1
     */
    PurgeReport purgeSoftDeleted(Duration olderThan, int batchSize);

    /**
     * Runs {@code VACUUM ANALYZE} on ACOG's tables, as the seed's maintenance notes advise for the
     * JSONB-heavy tables. Needs a connection outside any transaction: call it on the {@code Acog}
     * built with the data source, not on a transactional or joined view.
     *
     * @throws io.acog.core.AcogException when the database refuses, e.g. inside a transaction
     */
    void vacuumAnalyze();
}
