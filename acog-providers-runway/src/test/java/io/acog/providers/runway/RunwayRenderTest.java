package io.acog.providers.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.acog.providers.runway.Clips.clip;
import static io.acog.providers.runway.Clips.generator;
import static io.acog.providers.runway.Clips.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.spi.AssetStorage;
import io.acog.spi.BrollGenerator;
import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A clip's render at Runway: the request sent, the task walked through its states, the clip, what it cost. */
class RunwayRenderTest {

    private FakeRunway fake;

    @BeforeEach
    void start() {
        fake = new FakeRunway();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aClipIsCreatedPolledThroughItsStatesDownloadedAndPriced() throws IOException {
        fake.creating()
                .serving(FakeRunway.mp4(5_040, true))
                .walking(
                        "task-1",
                        List.of(
                                FakeRunway.pending("task-1"),
                                FakeRunway.throttled("task-1"),
                                FakeRunway.running("task-1", 0.4),
                                fake.succeeded("task-1")));
        BrollGenerator generator = generator(fake);
        TestProviderCall call = TestProviderCall.forStage("broll");

        RenderTask task = generator.submit(clip(5), call);
        RenderProgress pending = generator.poll(task.taskId(), call);
        RenderProgress throttled = generator.poll(task.taskId(), call);
        RenderProgress running = generator.poll(task.taskId(), call);
        RenderProgress done = generator.poll(task.taskId(), call);

        assertThat(task).isEqualTo(new RenderTask("task-1", Duration.ofSeconds(6)));
        assertThat(pending).isEqualTo(RenderProgress.pending(Duration.ofSeconds(6), 0));
        assertThat(throttled)
                .as("throttled: waiting at Runway")
                .isEqualTo(RenderProgress.pending(Duration.ofSeconds(6), 0));
        assertThat(running).isEqualTo(RenderProgress.pending(Duration.ofSeconds(6), 0.4));
        assertThat(call.progress()).contains(0.4, 1.0);
        assertThat(done).isInstanceOfSatisfying(RenderProgress.Done.class, clip -> {
            assertThat(clip.durationMs()).as("from the MP4's mvhd").isEqualTo(5_040);
            assertThat(clip.media().mimeType()).isEqualTo("video/mp4");
            assertThat(clip.media().fileName()).isEqualTo("runway-task-1.mp4");
            assertThat(bytes(clip)).isEqualTo(FakeRunway.mp4(5_040, true));
            // Runway bills the seconds asked for: 5 s × 12 credits × $0.01
            assertThat(clip.usage().seconds()).isEqualByComparingTo("5");
            assertThat(clip.usage().credits()).isEqualByComparingTo("60");
            assertThat(clip.usage().costUsd()).isEqualByComparingTo("0.60");
            assertThat(clip.metadata())
                    .containsEntry("runway_task", "task-1")
                    .containsEntry("model", "gen4.5")
                    .containsEntry("ratio", "1280:720");
            ((FileMedia) clip.media()).close();
        });
        assertThat(fake.statusRequests()).hasSize(4);
        assertThat(fake.downloads()).hasSize(1);
    }

    @Test
    void everyApiRequestCarriesTheKeyAndTheApiVersionButTheDownloadCarriesNoCredentials() {
        fake.creating().succeeding(5).deleting();
        BrollGenerator generator = generator(fake, Map.of("runway.api-version", "2025-01-01"));

        render(generator, clip(5), TestProviderCall.forStage("broll"));
        generator.cancel("task-1", TestProviderCall.forStage("broll"));

        assertThat(fake.creates()).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + FakeRunway.API_KEY);
            assertThat(request.getHeader("X-Runway-Version")).isEqualTo("2025-01-01");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        });
        assertThat(fake.statusRequests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + FakeRunway.API_KEY);
            assertThat(request.getHeader("X-Runway-Version")).isEqualTo("2025-01-01");
        });
        assertThat(fake.downloads()).singleElement().satisfies(request -> {
            assertThat(request.containsHeader("Authorization"))
                    .as("the key sent to the output's host")
                    .isFalse();
            assertThat(request.getUrl()).endsWith(FakeRunway.SIGNATURE);
        });
    }

    @Test
    void aLandscapeClipAsksGen45ForItsDurationInTheLandscapeFrame() {
        fake.creating().succeeding(7);

        render(generator(fake), clip(7), TestProviderCall.forStage("broll"));

        JsonNode body = fake.createBodies().get(0);
        assertThat(body.get("model").asText()).isEqualTo("gen4.5");
        assertThat(body.get("ratio").asText()).isEqualTo("1280:720");
        assertThat(body.get("duration").isInt()).as("an integer duration").isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(7);
        assertThat(body.get("promptText").asText()).isEqualTo(Clips.DESCRIPTION);
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("audio")).as("gen4.5 takes no audio flag").isFalse();
    }

    @Test
    void aShortAsksForThePortraitFrame() {
        fake.creating().succeeding(5);

        render(generator(fake), clip(Clips.DESCRIPTION, 5, OutputFormat.PORTRAIT), TestProviderCall.forStage("broll"));

        assertThat(fake.createBodies().get(0).get("ratio").asText()).isEqualTo("720:1280");
    }

    @Test
    void theSeedIsSentToGen45() {
        fake.creating().succeeding(5);

        render(generator(fake, Map.of("runway.seed", "4294967295")), clip(5), TestProviderCall.forStage("broll"));

        assertThat(fake.createBodies().get(0).get("seed").asLong()).isEqualTo(4_294_967_295L);
    }

    @Test
    void veo31IsAskedForASilentClipOfADurationItAcceptsAndPricedAtItsRate() {
        fake.creating().succeeding(6);
        BrollGenerator generator = generator(fake, Map.of("runway.model", "veo3.1_fast"));

        RenderProgress done = render(generator, clip(5), TestProviderCall.forStage("broll"));

        assertThat(generator.clipSeconds()).containsExactly(4, 6, 8);
        JsonNode body = fake.createBodies().get(0);
        assertThat(body.get("model").asText()).isEqualTo("veo3.1_fast");
        assertThat(body.get("duration").asInt())
                .as("5 s is not one veo3.1_fast renders")
                .isEqualTo(6);
        assertThat(body.get("audio").asBoolean(true)).isFalse();
        assertThat(((RenderProgress.Done) done).usage().costUsd()).isEqualByComparingTo("0.60"); // 6 s × 10 × $0.01
        ((FileMedia) ((RenderProgress.Done) done).media()).close();
    }

    @Test
    void thePriceTableComesFromTheSettings() {
        fake.creating().succeeding(4);
        BrollGenerator generator =
                generator(fake, Map.of("runway.credits-per-second.gen4.5", "15", "runway.price-per-credit", "0.008"));

        RenderProgress.Done done = (RenderProgress.Done) render(generator, clip(4), TestProviderCall.forStage("broll"));

        assertThat(done.usage().credits()).isEqualByComparingTo("60");
        assertThat(done.usage().costUsd()).isEqualByComparingTo("0.48");
        ((FileMedia) done.media()).close();
    }

    @Test
    void theTaskIdIsCheckpointedAndAResubmitTakesItUpWithoutASecondCreate() {
        fake.creating().succeeding(5);
        BrollGenerator generator = generator(fake);
        TestProviderCall call = TestProviderCall.forStage("broll");

        RenderTask first = generator.submit(clip(5), call);
        // the worker "crashes" before ACOG records the task; the job runs again
        RenderTask again = generator.submit(clip(5), call.nextAttempt());

        assertThat(call.checkpoints())
                .singleElement()
                .satisfies(saved -> assertThat(saved)
                        .contains(
                                "\"task\":\"task-1\"",
                                "\"model\":\"gen4.5\"",
                                "\"seconds\":5",
                                "\"ratio\":\"1280:720\""));
        assertThat(again.taskId()).isEqualTo(first.taskId());
        assertThat(again.checkAfter()).as("a task taken up has run meanwhile").isZero();
        assertThat(fake.creates()).as("creates, each a paid task").hasSize(1);
    }

    @Test
    void aTaskThatFailedIsNotTakenUpAgainButANewOneIsCreated() {
        fake.creating().status(FakeRunway.failed("task-1", "INTERNAL", "An unexpected error occurred."));
        BrollGenerator generator = generator(fake);
        TestProviderCall call = TestProviderCall.forStage("broll");

        RenderProgress failed = render(generator, clip(5), call);
        RenderTask retried = generator.submit(clip(5), call.nextAttempt());

        assertThat(failed)
                .isInstanceOfSatisfying(
                        RenderProgress.Failed.class,
                        f -> assertThat(f.retryable()).isTrue());
        assertThat(retried.taskId()).isEqualTo("task-2");
        assertThat(fake.creates()).hasSize(2);
    }

    @Test
    void aTaskWhoseIdCannotBeSavedIsCancelledSoThatItIsNotPaidForUnused() {
        fake.creating().status(FakeRunway.running("task-1", 0.1)).deleting();
        ProviderCall lostLease = new LostLease(TestProviderCall.forStage("broll"));

        assertThatThrownBy(() -> generator(fake).submit(clip(5), lostLease))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lease");

        assertThat(fake.deletes())
                .singleElement()
                .satisfies(request -> assertThat(request.getUrl()).isEqualTo("/v1/tasks/task-1"));
    }

    @Test
    void clipsRenderedFromSeveralThreadsAtOnceAreEachTheirOwnTask() throws Exception {
        fake.creating().succeeding(5);
        BrollGenerator generator = generator(fake);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(pool.submit(() -> {
                    start.await();
                    TestProviderCall call = TestProviderCall.forStage("broll");
                    String taskId = generator.submit(clip(5), call).taskId();
                    RenderProgress.Done done = (RenderProgress.Done) generator.poll(taskId, call);
                    try (FileMedia media = (FileMedia) done.media()) {
                        assertThat(media.size()).isEqualTo(FakeRunway.mp4(5).length);
                    }
                    return taskId;
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> task : tasks) {
                ids.add(task.get(60, TimeUnit.SECONDS));
            }

            assertThat(ids).as("a task per clip").hasSize(threads);
            assertThat(fake.creates()).hasSize(threads);
            assertThat(fake.downloads()).hasSize(threads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCancelledEpisodeCreatesNoTask() {
        fake.creating();
        TestProviderCall call = TestProviderCall.forStage("broll");
        call.requestCancel();

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> generator(fake).submit(clip(5), call));

        assertThat(e.retryable()).isFalse();
        assertThat(fake.creates()).isEmpty();
    }

    @Test
    void aClipWithoutADescriptionIsRefusedBeforeAnyRequest() {
        fake.creating();

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> generator(fake)
                        .submit(clip("  ", 5, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(fake.creates()).isEmpty();
    }

    @Test
    void aRunningTaskIsCancelledWithADelete() {
        fake.status(FakeRunway.running("task-9", 0.5)).deleting();

        Cancellation cancelled = generator(fake).cancel("task-9", TestProviderCall.forStage("broll"));

        assertThat(cancelled).isEqualTo(Cancellation.STOPPED);
        assertThat(fake.deletes()).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo("/v1/tasks/task-9");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + FakeRunway.API_KEY);
            assertThat(request.getHeader("X-Runway-Version")).isEqualTo("2024-11-06");
        });
    }

    @Test
    void aThrottledTaskIsCancelledToo() {
        fake.status(FakeRunway.throttled("task-9")).deleting();

        assertThat(generator(fake).cancel("task-9", TestProviderCall.forStage("broll")))
                .isEqualTo(Cancellation.STOPPED);
        assertThat(fake.deletes()).hasSize(1);
    }

    @Test
    void anEndedTaskIsLeftAloneForADeleteWouldDeleteItsOutput() {
        fake.status(fake.succeeded("task-9")).deleting();

        Cancellation cancelled = generator(fake).cancel("task-9", TestProviderCall.forStage("broll"));

        assertThat(cancelled).isEqualTo(Cancellation.ALREADY_ENDED);
        assertThat(fake.deletes()).isEmpty();
    }

    @Test
    void aTaskRunwayNoLongerHasHasEnded() {
        fake.server.stubFor(get(urlPathMatching(FakeRunway.TASKS))
                .willReturn(FakeRunway.json(404, "{\"error\":\"Task not found\"}")));

        assertThat(generator(fake).cancel("task-9", TestProviderCall.forStage("broll")))
                .isEqualTo(Cancellation.ALREADY_ENDED);
        assertThat(fake.deletes()).isEmpty();
    }

    private static byte[] bytes(RenderProgress.Done done) {
        try (InputStream in = done.media().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A call whose worker lost the job: saving a checkpoint fails, as ACOG's does then. */
    private record LostLease(TestProviderCall call) implements ProviderCall {
        @Override
        public UUID episodeId() {
            return call.episodeId();
        }

        @Override
        public String stage() {
            return call.stage();
        }

        @Override
        public String idempotencyKey() {
            return call.idempotencyKey();
        }

        @Override
        public int attempt() {
            return call.attempt();
        }

        @Override
        public AssetStorage storage() {
            return call.storage();
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.empty();
        }

        @Override
        public void saveCheckpoint(String checkpoint) {
            throw new IllegalStateException("this worker no longer holds the job (its lease was lost)");
        }

        @Override
        public void progress(double fractionDone) {}
    }
}
