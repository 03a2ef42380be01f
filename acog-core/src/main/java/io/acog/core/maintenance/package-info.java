/** Housekeeping: purging soft-deleted rows, VACUUM ANALYZE. */
package io.acog.core.maintenance;
