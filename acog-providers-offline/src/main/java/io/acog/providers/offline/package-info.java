/**
 * Offline, deterministic implementations of every provider interface, for tests, demos and a host's
 * development profile: {@link io.acog.providers.offline.OfflineProviders}.
 */
package io.acog.providers.offline;
