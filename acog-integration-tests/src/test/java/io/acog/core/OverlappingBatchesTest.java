package io.acog.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.Episode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.core.job.NewJob;
import io.acog.core.pulse.IngestResult;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Batches that share keys, sent at once in different orders, never deadlock (issue 10: they did,
 * as {@code 40P01}, reported as a {@link ConflictException}): each batch takes its rows in key
 * order. Several workers send the same keys, each in an order of its own, round after round; every
 * call succeeds, every key is stored once, and each caller gets its results in its own order.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class OverlappingBatchesTest {

    private static final int WORKERS = 8;
    private static final int ROUNDS = 15;
    private static final int KEYS = 40;

    /** What one worker's call came to: its batch and what it returned, or the exception it threw. */
    private record Call<I, R>(List<I> batch, R result, RuntimeException failure) {}

    /**
     * Each round, every worker sends the round's batch, all released at once: even workers in a
     * shuffled order, odd ones in the reverse of the worker before. A call's failure is kept, not
     * thrown, so that all of them are counted. (With the batches inserted as given, every run of
     * this on the 2-core development machine saw a dozen or more deadlocks.)
     */
    private static <I, R> List<List<Call<I, R>>> rounds(
            Function<Integer, List<I>> batchOfRound, Function<List<I>, R> send) throws Exception {
        Random random = new Random(10);
        List<List<Call<I, R>>> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<I> batch = batchOfRound.apply(round);
            List<List<I>> orders = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                List<I> order = new ArrayList<>(batch);
                if (worker % 2 == 1) {
                    order = reversed(orders.get(worker - 1));
                } else {
                    Collections.shuffle(order, random);
                }
                orders.add(order);
            }
            rounds.add(Concurrently.run(WORKERS, worker -> {
                List<I> order = orders.get(worker);
                try {
                    return new Call<>(order, send.apply(order), null);
                } catch (RuntimeException e) {
                    return new Call<>(order, null, e);
                }
            }));
        }
        return rounds;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> reversed = new ArrayList<>(list);
        Collections.reverse(reversed);
        return reversed;
    }

    private static <I, R> List<RuntimeException> failures(List<List<Call<I, R>>> rounds) {
        List<RuntimeException> failures = new ArrayList<>();
        rounds.forEach(round ->
                round.stream().filter(call -> call.failure() != null).forEach(call -> failures.add(call.failure())));
        return failures;
    }

    @Test
    void ingestsOfTheSameEventsInDifferentOrdersNeverDeadlock(Acog acog, DSLContext db) throws Exception {
        List<List<Call<NewPulseEvent, IngestResult>>> rounds = rounds(
                round -> {
                    List<NewPulseEvent> batch = new ArrayList<>();
                    for (int key = 0; key < KEYS; key++) {
                        // two sources, so that the order is by source, then source id
                        batch.add(NewPulseEvent.builder(key % 2 == 0 ? "reddit" : "youtube", round + "-" + key)
                                .build());
                    }
                    return batch;
                },
                batch -> acog.pulseEvents().ingest(batch));

        assertThat(failures(rounds))
                .as("calls that failed (a deadlock is a ConflictException)")
                .isEmpty();
        for (List<Call<NewPulseEvent, IngestResult>> round : rounds) {
            Map<String, Integer> created = new HashMap<>();
            for (Call<NewPulseEvent, IngestResult> call : round) {
                List<String> sent = call.batch().stream()
                        .map(e -> e.source() + "/" + e.sourceId())
                        .toList();
                List<String> stored = call.result().created().stream()
                        .map(e -> e.source() + "/" + e.sourceId())
                        .toList();
                List<String> skipped = call.result().skipped().stream()
                        .map(e -> e.source() + "/" + e.sourceId())
                        .toList();
                assertThat(stored.size() + skipped.size()).isEqualTo(KEYS);
                assertThat(stored).as("created, in the caller's order").isEqualTo(in(sent, stored));
                assertThat(skipped).as("skipped, in the caller's order").isEqualTo(in(sent, skipped));
                stored.forEach(key -> created.merge(key, 1, Integer::sum));
            }
            assertThat(created).as("each event created by exactly one call").hasSize(KEYS);
            assertThat(created.values()).containsOnly(1);
        }
        assertThat(db.fetchCount(DSL.table("pulse_events"))).isEqualTo(ROUNDS * KEYS);
    }

    /** The members of {@code some}, in the order {@code all} has them. */
    private static List<String> in(List<String> all, List<String> some) {
        Set<String> wanted = new HashSet<>(some);
        return all.stream().filter(wanted::contains).toList();
    }

    @Test
    void enqueuesOfTheSameKeysInDifferentOrdersNeverDeadlock(Acog acog, DSLContext db) throws Exception {
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            episodes.add(new AcogFixtures(acog).episode().create());
        }
        PipelineStage[] stages = PipelineStage.values();
        List<List<Call<NewJob, List<Job>>>> rounds = rounds(
                round -> {
                    List<NewJob> batch = new ArrayList<>();
                    for (int key = 0; key < KEYS; key++) {
                        Episode episode = episodes.get(key % episodes.size());
                        batch.add(NewJob.builder(episode.id(), stages[key % stages.length])
                                .idempotencyKey("round-" + round + ":" + key)
                                .build());
                    }
                    return batch;
                },
                batch -> acog.jobs().enqueueAll(batch));

        assertThat(failures(rounds))
                .as("calls that failed (a deadlock is a ConflictException)")
                .isEmpty();
        for (List<Call<NewJob, List<Job>>> round : rounds) {
            Map<String, UUID> jobOfKey = new HashMap<>();
            for (Call<NewJob, List<Job>> call : round) {
                assertThat(call.result())
                        .as("one job per input, in the caller's order")
                        .extracting(Job::idempotencyKey)
                        .containsExactlyElementsOf(call.batch().stream()
                                .map(NewJob::idempotencyKey)
                                .toList());
                for (int i = 0; i < call.batch().size(); i++) {
                    NewJob sent = call.batch().get(i);
                    Job job = call.result().get(i);
                    assertThat(job.episodeId()).isEqualTo(sent.episodeId());
                    assertThat(job.stage()).isEqualTo(sent.stage());
                    UUID first = jobOfKey.putIfAbsent(sent.idempotencyKey(), job.id());
                    assertThat(first == null ? job.id() : first)
                            .as("every call gets the one job of key %s", sent.idempotencyKey())
                            .isEqualTo(job.id());
                }
            }
            assertThat(jobOfKey).hasSize(KEYS);
        }
        assertThat(db.fetchCount(DSL.table("jobs"))).isEqualTo(ROUNDS * KEYS);
    }
}
