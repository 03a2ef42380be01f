/**
 * What every REST provider adapter needs, in one place: {@link io.acog.providers.http.ProviderHttp}
 * (calls with timeouts, failures classified, {@code Retry-After} read, secrets scrubbed, finished
 * media downloaded into temporary files) and
 * {@link io.acog.providers.http.JsonBodies} (JSON parsed with a clean error). Plugin authors may use
 * it too; it depends only on the SPI, Jackson and SLF4J.
 */
package io.acog.providers.http;
