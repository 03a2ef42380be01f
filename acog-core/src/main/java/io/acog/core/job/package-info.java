/** Jobs: one run of one pipeline stage for one episode, the queue they wait in and the workers that run them. */
package io.acog.core.job;
