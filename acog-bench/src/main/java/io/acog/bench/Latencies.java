package io.acog.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds and their percentiles in milliseconds. */
final class Latencies {

    private final long[] samples;
    private int count;

    Latencies(int capacity) {
        this.samples = new long[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos;
    }

    double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
