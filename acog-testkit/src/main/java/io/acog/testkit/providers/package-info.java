/**
 * Offline, deterministic implementations of every provider interface, for tests and demos:
 * {@link io.acog.testkit.providers.OfflineProviders}.
 */
package io.acog.testkit.providers;
