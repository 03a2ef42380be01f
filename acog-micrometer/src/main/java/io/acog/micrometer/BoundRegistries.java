package io.acog.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registries {@link AcogMetrics} was bound to, and the recording of events into each of them:
 * a host (Spring, say) may bind one binder to several registries, and each sees every event from
 * its binding on. Thread-safe: listeners record from worker threads while registries are bound.
 */
final class BoundRegistries {

    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /**
     * Adds the registry unless it is bound already.
     *
     * @return whether it was new
     */
    synchronized boolean add(MeterRegistry registry) {
        for (MeterRegistry bound : registries) {
            if (bound == registry) {
                return false;
            }
        }
        registries.add(registry);
        return true;
    }

    void count(String name, String description, Tags tags, double amount) {
        count(name, description, null, tags, amount);
    }

    void count(String name, String description, String baseUnit, Tags tags, double amount) {
        for (MeterRegistry registry : registries) {
            Counter.builder(name)
                    .description(description)
                    .baseUnit(baseUnit)
                    .tags(tags)
                    .register(registry)
                    .increment(amount);
        }
    }

    void time(String name, String description, Tags tags, Duration took) {
        for (MeterRegistry registry : registries) {
            Timer.builder(name)
                    .description(description)
                    .tags(tags)
                    .register(registry)
                    .record(took);
        }
    }
}
