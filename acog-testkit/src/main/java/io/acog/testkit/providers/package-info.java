/**
 * For testing provider adapters: {@link io.acog.testkit.providers.TestProviderCall}, a provider
 * call without a pipeline; {@link io.acog.testkit.providers.ProviderTck}, the suite every adapter
 * passes against a double of its service; and {@link
 * io.acog.testkit.providers.AssetStorageTck}, the suite every {@link io.acog.spi.AssetStorage}
 * passes (local disk, S3), since storage is not a provider and fails with {@link
 * java.io.IOException}s.
 */
package io.acog.testkit.providers;
