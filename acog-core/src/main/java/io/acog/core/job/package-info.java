/** Jobs: one run of one pipeline stage for one episode, and the typed shapes of its JSON. */
package io.acog.core.job;
