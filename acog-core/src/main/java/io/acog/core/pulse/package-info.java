/** Pulse events: trend signals that seed episode ideas. */
package io.acog.core.pulse;
