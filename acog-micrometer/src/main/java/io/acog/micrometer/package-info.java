/**
 * ACOG's meters for Micrometer: jobs per stage, the queue's depth and oldest wait, episodes by
 * status, stage durations, provider calls and costs. Usable without Spring; the Spring Boot
 * starter binds them when the application has a {@link io.micrometer.core.instrument.MeterRegistry}.
 *
 * <p>{@link io.acog.micrometer.AcogMetrics} is the way in: build it from an {@link io.acog.core.Acog},
 * bind it to each registry, and give its listeners to the pipeline and to each worker. {@link
 * io.acog.micrometer.AcogMeters} names every meter and tag.
 */
package io.acog.micrometer;
