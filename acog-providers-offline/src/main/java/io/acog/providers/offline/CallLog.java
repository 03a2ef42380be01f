package io.acog.providers.offline;

import io.acog.providers.offline.OfflineProviders.Call;
import io.acog.providers.offline.OfflineProviders.Failure;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the offline providers were asked, and how a call behaves as configured: the latency it
 * waits and the failure it is told to throw. Every provider of one {@link OfflineProviders} writes
 * here, so calls are numbered per stage across all episodes. Thread-safe.
 */
final class CallLog {

    private final Map<String, Duration> latency;
    private final Duration defaultLatency;
    private final Map<String, Map<Integer, Failure>> failures;

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    CallLog(Map<String, Duration> latency, Duration defaultLatency, Map<String, Map<Integer, Failure>> failures) {
        this.latency = Map.copyOf(latency);
        this.defaultLatency = defaultLatency;
        Map<String, Map<Integer, Failure>> copy = new HashMap<>();
        failures.forEach((stage, byCall) -> copy.put(stage, Map.copyOf(byCall)));
        this.failures = Map.copyOf(copy);
    }

    /** Records a main call, waits the configured latency, and fails it when told to. */
    void enter(String stage, String operation, ProviderCall call) {
        failIfTold(stage, arrive(stage, operation, call));
    }

    /**
     * Records a main call and waits the configured latency, leaving its injected failure to {@link
     * #failIfTold}: for a call that fails later than it starts (an upload, after its checkpoint).
     *
     * @return the call's number in its stage, from 1
     */
    int arrive(String stage, String operation, ProviderCall call) {
        record(stage, operation, call);
        int number = counts.computeIfAbsent(stage, s -> new AtomicInteger()).incrementAndGet();
        Duration wait = latency.getOrDefault(stage, defaultLatency);
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderException.retryable(
                        OfflineProviders.NAME,
                        ProviderException.Reason.TIMEOUT,
                        "interrupted while working on " + stage,
                        null);
            }
        }
        return number;
    }

    /** Throws the failure configured for call {@code number} of {@code stage}, if any. */
    void failIfTold(String stage, int number) {
        Failure failure = failures.getOrDefault(stage, Map.of()).get(number);
        if (failure == null) {
            return;
        }
        String which = stage + " call #" + number;
        throw switch (failure) {
            case RETRYABLE ->
                ProviderException.retryable(
                        OfflineProviders.NAME,
                        ProviderException.Reason.RATE_LIMITED,
                        "injected rate limit on " + which,
                        Duration.ZERO);
            case CONCURRENCY_LIMITED ->
                ProviderException.overConcurrencyLimit(
                        OfflineProviders.NAME, "injected concurrency limit on " + which, Duration.ZERO);
            case PERMANENT ->
                ProviderException.permanent(
                        OfflineProviders.NAME,
                        ProviderException.Reason.CONTENT_REJECTED,
                        "injected rejection of " + which);
        };
    }

    /** Records a call that neither waits nor fails: a poll, a cancel. */
    void record(String stage, String operation, ProviderCall call) {
        calls.add(new Call(stage, operation, call.episodeId(), call.attempt(), call.idempotencyKey(), Instant.now()));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    int size() {
        return calls.size();
    }
}
