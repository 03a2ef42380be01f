/**
 * What every REST provider adapter needs, in one place: {@link io.acog.providers.http.ProviderHttp}
 * (calls with timeouts, failures classified, {@code Retry-After} read, secrets scrubbed, a render's
 * finished MP4 downloaded into a temporary file, checked and under a timeout of its own) and
 * {@link io.acog.providers.http.JsonBodies} (JSON parsed with a clean error). Plugin authors may use
 * it too; it depends only on the SPI, Jackson and SLF4J.
 */
package io.acog.providers.http;
