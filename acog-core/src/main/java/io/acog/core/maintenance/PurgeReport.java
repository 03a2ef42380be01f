package io.acog.core.maintenance;

/**
 * How many rows {@link Maintenance#purgeSoftDeleted} deleted.
 *
 * @param assets soft-deleted assets deleted
 * @param episodes soft-deleted episodes deleted (their jobs and assets went with them, uncounted)
 * @param pulseEvents soft-deleted pulse events deleted
 * @param channels soft-deleted channels deleted
 * @param channelsKept soft-deleted channels old enough but kept, because episodes still reference
 *     them (a channel's episodes must go first: the foreign key restricts)
 */
public record PurgeReport(int assets, int episodes, int pulseEvents, int channels, int channelsKept) {}
