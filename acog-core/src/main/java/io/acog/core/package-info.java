/**
 * The ACOG domain API: {@link io.acog.core.Acog} is the one way in; it hands out the repositories
 * of the sub-packages. Every exception is an {@link io.acog.core.AcogException}.
 */
package io.acog.core;
