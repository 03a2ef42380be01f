package io.acog.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reading meters back from a registry, as a dashboard would: by name and tags. */
final class Meters {

    private Meters() {}

    /** The sum of the counters of that name with those tags (0 when there is none). */
    static double count(MeterRegistry registry, String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** How many times the timers of that name with those tags recorded (0 when there is none). */
    static long timed(MeterRegistry registry, String name, String... tags) {
        return registry.find(name).tags(tags).timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    static List<Timer> timers(MeterRegistry registry, String name, String... tags) {
        return List.copyOf(registry.find(name).tags(tags).timers());
    }

    /** The one gauge of that name with those tags, read now. */
    static double gauge(MeterRegistry registry, String name, String... tags) {
        Gauge gauge = registry.get(name).tags(tags).gauge();
        return gauge.value();
    }

    /** The one time gauge of that name with those tags, read now, in seconds. */
    static double seconds(MeterRegistry registry, String name, String... tags) {
        TimeGauge gauge = registry.get(name).tags(tags).timeGauge();
        return gauge.value(TimeUnit.SECONDS);
    }

    /** Reads every gauge of the registry, as one scrape does. */
    static void scrape(MeterRegistry registry) {
        for (Meter meter : registry.getMeters()) {
            for (var measurement : meter.measure()) {
                measurement.getValue();
            }
        }
    }

    /** Every tag value of every meter of the registry. */
    static List<String> tagValues(MeterRegistry registry) {
        return registry.getMeters().stream()
                .flatMap(meter -> meter.getId().getTags().stream())
                .map(Tag::getValue)
                .toList();
    }
}
