/**
 * For testing provider adapters: {@link io.acog.testkit.providers.TestProviderCall}, a provider
 * call without a pipeline.
 */
package io.acog.testkit.providers;
