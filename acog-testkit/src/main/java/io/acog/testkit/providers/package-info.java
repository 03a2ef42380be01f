/**
 * For testing provider adapters: {@link io.acog.testkit.providers.TestProviderCall}, a provider
 * call without a pipeline, and {@link io.acog.testkit.providers.ProviderTck}, the suite every
 * adapter passes against a double of its service.
 */
package io.acog.testkit.providers;
