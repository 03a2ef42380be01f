package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitRest;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link PipelineListener} events: which fire, in which order, and that each fires only once what
 * it tells of is committed (the listener reads the episode back through its own connection).
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineListenerTest extends PipelineTestCase {

    /** An event, and what the database showed while the listener handled it. */
    record Event(
            String kind,
            UUID episodeId,
            PipelineStage stage,
            EpisodeStatus from,
            EpisodeStatus to,
            int attempt,
            EpisodeStatus seenStatus,
            StageState seenStage) {}

    /** Records every event with the episode as another connection sees it at that moment. */
    private final class Recorder implements PipelineListener {
        final List<Event> events = Collections.synchronizedList(new ArrayList<>());

        private void add(
                String kind, UUID episodeId, PipelineStage stage, EpisodeStatus from, EpisodeStatus to, int attempt) {
            Episode seen = acog.episodes().get(episodeId);
            events.add(new Event(
                    kind,
                    episodeId,
                    stage,
                    from,
                    to,
                    attempt,
                    seen.status(),
                    stage == null ? null : seen.pipelineState().stage(stage).orElse(null)));
        }

        @Override
        public void stageStarted(UUID episodeId, PipelineStage stage, int attempt) {
            add("started", episodeId, stage, null, null, attempt);
        }

        @Override
        public void stageCompleted(UUID episodeId, PipelineStage stage) {
            add("completed", episodeId, stage, null, null, 0);
        }

        @Override
        public void stageFailed(UUID episodeId, PipelineStage stage, String error, boolean willRetry) {
            add("failed", episodeId, stage, null, null, 0);
        }

        @Override
        public void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
            add("status", episodeId, null, from, to, 0);
        }

        List<Event> of(UUID episodeId) {
            synchronized (events) {
                return events.stream()
                        .filter(event -> event.episodeId().equals(episodeId))
                        .toList();
            }
        }
    }

    private static int index(List<Event> events, String kind, PipelineStage stage) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind().equals(kind) && events.get(i).stage() == stage) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " event for " + stage + " in " + events);
    }

    @Test
    void eventsFireInOrderForEachEpisodeAndOnlyAfterTheirChangeCommitted() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        Recorder recorder = new Recorder();
        // every stage is marked running before its call: each start is a commit of its own
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .listener(recorder)
                .runningAfter(Duration.ZERO)
                .build();
        Channel channel = fixtures.channel().create();
        Episode first = fixtures.episode().channel(channel).create();
        Episode second = fixtures.episode().channel(channel).create();
        pipeline.start(first.id());
        pipeline.start(second.id());
        // one handler thread: nothing changes an episode between a commit and its events
        try (JobWorker worker = pipeline.worker("w").threads(1).start()) {
            awaitRest(acog, first.id());
            awaitRest(acog, second.id());
            awaitNoLiveJobs(acog, first.id());
            awaitNoLiveJobs(acog, second.id());
        }

        for (Episode episode : List.of(first, second)) {
            Episode done = acog.episodes().get(episode.id());
            assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
            List<Event> events = recorder.of(episode.id());
            String name = "events of " + episode.id() + ": " + events;
            assertThat(events).as(name).extracting(Event::kind).doesNotContain("failed");

            // each event saw its own change committed
            for (Event event : events) {
                switch (event.kind()) {
                    case "status" ->
                        assertThat(event.seenStatus()).as(event.toString()).isEqualTo(event.to());
                    case "started" -> {
                        assertThat(event.seenStage()).as(event.toString()).isNotNull();
                        assertThat(event.seenStage().status())
                                .as(event.toString())
                                .isEqualTo(StageStatus.RUNNING);
                        if (event.stage() != PipelineStage.BROLL) {
                            assertThat(event.seenStage().attempts())
                                    .as(event.toString())
                                    .isEqualTo(event.attempt());
                        }
                        assertThat(event.attempt()).as(event.toString()).isEqualTo(1);
                    }
                    case "completed" -> {
                        assertThat(event.seenStage()).as(event.toString()).isNotNull();
                        assertThat(event.seenStage().status())
                                .as(event.toString())
                                .isEqualTo(StageStatus.COMPLETED);
                    }
                    default -> throw new AssertionError(event.toString());
                }
            }

            // status changes form one chain, forward only, from idea to published
            List<Event> changes =
                    events.stream().filter(e -> e.kind().equals("status")).toList();
            assertThat(changes).as(name).isNotEmpty();
            assertThat(changes.get(0).from()).isEqualTo(EpisodeStatus.IDEA);
            assertThat(changes.get(0).to()).isEqualTo(EpisodeStatus.PLANNING);
            for (int i = 1; i < changes.size(); i++) {
                assertThat(changes.get(i).from())
                        .as(name)
                        .isEqualTo(changes.get(i - 1).to());
                assertThat(changes.get(i).to().ordinal())
                        .as(name)
                        .isGreaterThan(changes.get(i).from().ordinal());
            }
            assertThat(changes.get(changes.size() - 1).to()).isEqualTo(EpisodeStatus.PUBLISHED);
            assertThat(changes)
                    .extracting(Event::to)
                    .contains(
                            EpisodeStatus.SCRIPTING,
                            EpisodeStatus.SCRIPT_REVIEW,
                            EpisodeStatus.AUDIO,
                            EpisodeStatus.ASSEMBLY,
                            EpisodeStatus.PUBLISHING,
                            EpisodeStatus.PUBLISHED);

            // every stage started and completed once (b-roll starts once per clip), in order
            int clips = done.scriptMetadata().brollSegments();
            for (PipelineStage stage : PipelineStage.values()) {
                assertThat(events)
                        .as(name)
                        .filteredOn(e -> e.kind().equals("completed") && e.stage() == stage)
                        .hasSize(1);
                assertThat(events)
                        .as(name)
                        .filteredOn(e -> e.kind().equals("started") && e.stage() == stage)
                        .hasSize(stage == PipelineStage.BROLL ? clips : 1);
                assertThat(index(events, "started", stage))
                        .as(name + " " + stage)
                        .isLessThan(index(events, "completed", stage));
            }
            List<PipelineStage> chain = List.of(
                    PipelineStage.PLANNING,
                    PipelineStage.SCRIPTING,
                    PipelineStage.SCRIPT_REVIEW,
                    PipelineStage.AUDIO,
                    PipelineStage.AVATAR,
                    PipelineStage.ASSEMBLY,
                    PipelineStage.UPLOAD);
            for (int i = 1; i < chain.size(); i++) {
                assertThat(index(events, "completed", chain.get(i - 1)))
                        .as(name)
                        .isLessThan(index(events, "started", chain.get(i)));
            }
            for (PipelineStage parallel : List.of(PipelineStage.METADATA, PipelineStage.BROLL)) {
                assertThat(index(events, "completed", PipelineStage.SCRIPT_REVIEW))
                        .as(name)
                        .isLessThan(index(events, "started", parallel));
                assertThat(index(events, "completed", parallel))
                        .as(name)
                        .isLessThan(index(events, "started", PipelineStage.ASSEMBLY));
            }
            // the upload finishing, then published, are the last words
            Event last = events.get(events.size() - 1);
            assertThat(last.kind()).as(name).isEqualTo("status");
            assertThat(last.to()).isEqualTo(EpisodeStatus.PUBLISHED);
            assertThat(index(events, "completed", PipelineStage.UPLOAD))
                    .as(name)
                    .isEqualTo(events.size() - 2);
        }
    }

    @Test
    void aStageWhoseCallAnswersAtOnceIsBegunAndFinishedByOneCommit() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        Recorder recorder = new Recorder();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .listener(recorder)
                .runningAfter(Duration.ofMinutes(10))
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(1).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }

        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        List<Event> events = recorder.of(episode.id());
        for (PipelineStage stage : List.of(
                PipelineStage.PLANNING,
                PipelineStage.SCRIPTING,
                PipelineStage.METADATA,
                PipelineStage.AUDIO,
                PipelineStage.ASSEMBLY,
                PipelineStage.UPLOAD)) {
            int started = index(events, "started", stage);
            // heard right before its completion, once the commit that recorded both was made
            assertThat(events.get(started + 1).kind()).as(stage.toString()).isEqualTo("completed");
            assertThat(events.get(started + 1).stage()).isEqualTo(stage);
            StageState seen = events.get(started).seenStage();
            assertThat(seen.status()).as(stage.toString()).isEqualTo(StageStatus.COMPLETED);
            assertThat(seen.startedAt()).as(stage.toString()).isNotNull();
            assertThat(seen.attempts()).as(stage.toString()).isEqualTo(1);
            assertThat(events.get(started).attempt()).isEqualTo(1);
        }
        // the entries record both ends as before
        for (PipelineStage stage : PipelineStage.values()) {
            StageState state = done.pipelineState().stage(stage).orElseThrow();
            assertThat(state.startedAt()).as(stage.toString()).isNotNull();
            assertThat(state.completedAt()).as(stage.toString()).isNotNull();
            assertThat(state.startedAt()).as(stage.toString()).isBeforeOrEqualTo(state.completedAt());
        }
    }

    @Test
    void aCallThatOutlastsRunningAfterShowsTheStageRunningMeanwhile() throws Exception {
        // the voice takes seconds; the stage shows running long before it answers
        OfflineProviders offline = PipelineTesting.offline()
                .latency("audio", Duration.ofSeconds(2))
                .build();
        Recorder recorder = new Recorder();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .listener(recorder)
                .runningAfter(Duration.ofMillis(10))
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(1).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }

        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        List<Event> audio = recorder.of(episode.id()).stream()
                .filter(e -> e.stage() == PipelineStage.AUDIO)
                .toList();
        assertThat(audio).extracting(Event::kind).containsExactly("started", "completed");
        assertThat(audio.get(0).seenStage().status()).isEqualTo(StageStatus.RUNNING);
        assertThat(audio.get(0).seenStage().attempts()).isEqualTo(1);
        assertThat(audio.get(0).attempt()).isEqualTo(1);
        assertThat(audio.get(1).seenStage().status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(audio.get(1).seenStage().attempts()).as("counted once").isEqualTo(1);
    }

    @Test
    void aFailedAttemptIsHeardWithTheRetryThatFollows() throws Exception {
        OfflineProviders offline = PipelineTesting.offline()
                .fail("metadata", OfflineProviders.Failure.RETRYABLE, 1)
                .build();
        Recorder recorder = new Recorder();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .listener(recorder)
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(1).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        List<Event> metadata = recorder.of(episode.id()).stream()
                .filter(e -> e.stage() == PipelineStage.METADATA)
                .toList();
        assertThat(metadata).extracting(Event::kind).containsExactly("started", "failed", "started", "completed");
        assertThat(metadata)
                .filteredOn(e -> e.kind().equals("started"))
                .extracting(Event::attempt)
                .containsExactly(1, 2);
        // the failure was committed before it was heard: the stage waits to be retried
        Event failed = metadata.get(1);
        assertThat(failed.seenStage().status()).isEqualTo(StageStatus.PENDING);
        assertThat(failed.seenStage().error()).isEqualTo("offline: injected rate limit on metadata call #1");
    }
}
