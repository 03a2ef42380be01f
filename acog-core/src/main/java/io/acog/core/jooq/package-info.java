/**
 * Interoperation with jOOQ for hosts that manage their transactions with it: {@link
 * io.acog.core.jooq.AcogJooq}. The only exported package whose signatures name jOOQ types.
 */
package io.acog.core.jooq;
