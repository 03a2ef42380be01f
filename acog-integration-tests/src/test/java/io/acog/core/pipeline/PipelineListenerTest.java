package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitRest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderException;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testing.Waiting;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A stage's jobs queued, as heard. */
    record Queued(UUID episodeId, PipelineStage stage, int jobs) {}

    /** Hears what {@link Recorder} does not: jobs queued, completed stages in full, provider calls. */
    private static final class Heard implements PipelineListener {
        final List<Queued> queued = Collections.synchronizedList(new ArrayList<>());
        final List<CompletedStage> completed = Collections.synchronizedList(new ArrayList<>());
        final List<ProviderCall> calls = Collections.synchronizedList(new ArrayList<>());
        /** Queued and completed stages, in the order heard: "queued audio", "completed audio". */
        final List<String> order = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void stageQueued(UUID episodeId, PipelineStage stage, int jobs) {
            queued.add(new Queued(episodeId, stage, jobs));
            order.add(episodeId + " queued " + stage.label());
        }

        @Override
        public void stageCompleted(CompletedStage stage) {
            completed.add(stage);
            order.add(stage.episodeId() + " completed " + stage.stage().label());
        }

        @Override
        public void providerCalled(ProviderCall call) {
            calls.add(call);
        }

        List<Queued> queued(UUID episodeId, PipelineStage stage) {
            synchronized (queued) {
                return queued.stream()
                        .filter(q -> q.episodeId().equals(episodeId) && q.stage() == stage)
                        .toList();
            }
        }

        List<CompletedStage> completed(UUID episodeId, PipelineStage stage) {
            synchronized (completed) {
                return completed.stream()
                        .filter(c -> c.episodeId().equals(episodeId) && c.stage() == stage)
                        .toList();
            }
        }

        List<ProviderCall> calls(UUID episodeId, PipelineStage stage, ProviderCall.Kind kind) {
            synchronized (calls) {
                return calls.stream()
                        .filter(c -> c.episodeId().equals(episodeId) && c.stage() == stage && c.kind() == kind)
                        .toList();
            }
        }

        List<String> order(UUID episodeId) {
            synchronized (order) {
                return order.stream()
                        .filter(line -> line.startsWith(episodeId.toString()))
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

    @Test
    void queuedStagesCompletedStagesAndProviderCallsAreHeardWithWhatTheyTookAndCost() throws Exception {
        Duration voiceLatency = Duration.ofMillis(300);
        int pendingPolls = 2;
        OfflineProviders offline = PipelineTesting.offline()
                .latency("audio", voiceLatency)
                .renderPolls(pendingPolls, Duration.ofMillis(20))
                .build();
        Heard heard = new Heard();
        // a listener written before stageCompleted(CompletedStage) existed, beside one that uses it
        Recorder old = new Recorder();
        EpisodePipeline pipeline =
                builder(offline).listener(heard).listener(old).build();
        Channel channel = fixtures.channel().create();
        Episode episode = fixtures.episode().channel(channel).create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }

        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        int clips = done.scriptMetadata().brollSegments();
        assertThat(clips).isPositive();
        List<String> order = heard.order(episode.id());
        BigDecimal costs = BigDecimal.ZERO;
        for (PipelineStage stage : PipelineStage.values()) {
            String name = stage.label() + " in " + order;
            StageState entry = PipelineTesting.stage(done, stage);
            int jobs = stage == PipelineStage.BROLL ? clips : 1;

            // queued once, with a job per clip for b-roll, before it completed
            assertThat(heard.queued(episode.id(), stage))
                    .as(name)
                    .containsExactly(new Queued(episode.id(), stage, jobs));
            assertThat(order.indexOf(episode.id() + " queued " + stage.label()))
                    .as(name)
                    .isLessThan(order.indexOf(episode.id() + " completed " + stage.label()));

            // completed once, with what its entry in pipeline_state records
            assertThat(heard.completed(episode.id(), stage))
                    .as(name)
                    .singleElement()
                    .satisfies(completed -> {
                        assertThat(completed.channelId()).isEqualTo(channel.id());
                        assertThat(completed.provider()).isEqualTo("offline").isEqualTo(entry.provider());
                        assertThat(completed.took())
                                .isEqualTo(Duration.between(entry.startedAt(), entry.completedAt()))
                                .isGreaterThanOrEqualTo(Duration.ZERO);
                        assertThat(completed.costUsd())
                                .isEqualByComparingTo(entry.costUsd() == null ? BigDecimal.ZERO : entry.costUsd());
                    });
            // the listener that knows only stageCompleted(UUID, PipelineStage) hears it too
            assertThat(old.of(episode.id()))
                    .as(name)
                    .filteredOn(e -> e.kind().equals("completed") && e.stage() == stage)
                    .hasSize(1);
            costs = costs.add(heard.completed(episode.id(), stage).get(0).costUsd());

            // a call per job, as the provider saw them, each answered
            List<ProviderCall> calls = heard.calls(episode.id(), stage, ProviderCall.Kind.CALL);
            assertThat(calls)
                    .as(name)
                    .hasSize(jobs)
                    .hasSize(offline.calls(stage.label(), episode.id()).size());
            // and the renders' status requests, as many as the provider answered
            List<ProviderCall> polls = heard.calls(episode.id(), stage, ProviderCall.Kind.POLL);
            long answeredPolls = offline.calls().stream()
                    .filter(call -> call.stage().equals(stage.label())
                            && call.operation().equals("poll")
                            && episode.id().equals(call.episodeId()))
                    .count();
            assertThat(polls).as(name).hasSize((int) answeredPolls);
            if (stage == PipelineStage.AVATAR || stage == PipelineStage.BROLL) {
                assertThat(polls).as(name).hasSize(jobs * (pendingPolls + 1));
            } else {
                assertThat(polls).as(name).isEmpty();
            }
            for (ProviderCall call : concat(calls, polls)) {
                assertThat(call.provider()).as(name).isEqualTo("offline");
                assertThat(call.outcome()).as(name).isEqualTo(ProviderCall.SUCCEEDED);
                assertThat(call.succeeded()).as(name).isTrue();
                assertThat(call.took()).as(name).isGreaterThanOrEqualTo(Duration.ZERO);
            }
        }
        // a stage that took time took it, and the call in it
        assertThat(heard.completed(episode.id(), PipelineStage.AUDIO).get(0).took())
                .isGreaterThanOrEqualTo(voiceLatency);
        assertThat(heard.calls(episode.id(), PipelineStage.AUDIO, ProviderCall.Kind.CALL)
                        .get(0)
                        .took())
                .isGreaterThanOrEqualTo(voiceLatency);
        assertThat(heard.completed(episode.id(), PipelineStage.AVATAR).get(0).took())
                .as("a render waits for its polls")
                .isPositive();
        assertThat(heard.completed(episode.id(), PipelineStage.AUDIO).get(0).costUsd())
                .isPositive();
        assertThat(costs).isEqualByComparingTo(pipeline.cost(episode.id()).totalUsd());
        // nothing else was heard of this episode
        assertThat(heard.queued).hasSize(PipelineStage.values().length);
        assertThat(heard.completed).hasSize(PipelineStage.values().length);
        assertThat(heard.calls).hasSize(PipelineStage.values().length - 1 + clips + (1 + clips) * (pendingPolls + 1));
    }

    @Test
    void aFailedProviderCallIsHeardWithItsReasonInLowerCaseAndAnAdaptersBugAsUnexpected() throws Exception {
        OfflineProviders offline = PipelineTesting.offline()
                .fail("metadata", OfflineProviders.Failure.RETRYABLE, 1)
                .fail("upload", OfflineProviders.Failure.CONCURRENCY_LIMITED, 1)
                .build();
        VoiceSynthesizer offlineVoice = offline.voiceSynthesizer();
        AtomicInteger voiceCalls = new AtomicInteger();
        VoiceSynthesizer buggy = new VoiceSynthesizer() {
            @Override
            public String name() {
                return "buggy";
            }

            @Override
            public boolean serves(String requested) {
                return true; // registered before the offline voice: it speaks for the fixture channel
            }

            @Override
            public Speech synthesize(SpeechRequest request, io.acog.spi.ProviderCall call) {
                if (voiceCalls.incrementAndGet() == 1) {
                    throw new IllegalStateException("a bug in the adapter");
                }
                return offlineVoice.synthesize(request, call);
            }
        };
        Heard heard = new Heard();
        EpisodePipeline pipeline = offline.installInto(
                        EpisodePipeline.builder(acog).voiceSynthesizer(buggy))
                .assetStorage(new LocalFileStorage(storage))
                .listener(heard)
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(1).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }

        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(heard.calls(episode.id(), PipelineStage.METADATA, ProviderCall.Kind.CALL))
                .extracting(ProviderCall::provider, ProviderCall::outcome, ProviderCall::succeeded)
                .containsExactly(tuple("offline", "rate_limited", false), tuple("offline", "success", true));
        assertThat(heard.calls(episode.id(), PipelineStage.UPLOAD, ProviderCall.Kind.CALL))
                .extracting(ProviderCall::outcome)
                .containsExactly("concurrency_limited", "success");
        assertThat(heard.calls(episode.id(), PipelineStage.AUDIO, ProviderCall.Kind.CALL))
                .extracting(ProviderCall::provider, ProviderCall::outcome)
                .containsExactly(tuple("buggy", ProviderCall.UNEXPECTED), tuple("buggy", ProviderCall.SUCCEEDED));
        // the failures completed nothing; each stage completed once, when its call answered
        for (PipelineStage stage : List.of(PipelineStage.METADATA, PipelineStage.UPLOAD, PipelineStage.AUDIO)) {
            assertThat(heard.completed(episode.id(), stage)).as(stage.label()).hasSize(1);
        }
        assertThat(heard.completed(episode.id(), PipelineStage.AUDIO).get(0).provider())
                .isEqualTo("buggy");
    }

    @Test
    void outcomeOfNamesAFailureByItsReasonInLowerCase() {
        assertThat(ProviderCall.outcomeOf(null)).isEqualTo("success").isEqualTo(ProviderCall.SUCCEEDED);
        assertThat(ProviderCall.outcomeOf(new IllegalStateException("bug")))
                .isEqualTo("unexpected")
                .isEqualTo(ProviderCall.UNEXPECTED);
        assertThat(ProviderCall.outcomeOf(new OutOfMemoryError())).isEqualTo(ProviderCall.UNEXPECTED);
        assertThat(ProviderCall.outcomeOf(
                        ProviderException.permanent("heygen", ProviderException.Reason.QUOTA_EXHAUSTED, "no credit")))
                .isEqualTo("quota_exhausted");
        assertThat(ProviderCall.outcomeOf(ProviderException.retryable(
                        "runway", ProviderException.Reason.SERVER_ERROR, "HTTP 502", Duration.ofSeconds(1))))
                .isEqualTo("server_error");
        for (ProviderException.Reason reason : ProviderException.Reason.values()) {
            String outcome = ProviderCall.outcomeOf(ProviderException.permanent("p", reason, "m"));
            assertThat(outcome).as(reason.name()).isEqualTo(reason.name().toLowerCase(Locale.ROOT));
            assertThat(new ProviderCall(
                                    UUID.randomUUID(),
                                    PipelineStage.AUDIO,
                                    "p",
                                    ProviderCall.Kind.CALL,
                                    Duration.ZERO,
                                    outcome)
                            .succeeded())
                    .isFalse();
        }
    }

    @Test
    void aScriptSentBackIsQueuedAgainAndOneApprovedByAPersonCompletesWithoutAProvider() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        Heard heard = new Heard();
        EpisodePipeline pipeline = builder(offline).listener(heard).build();
        Channel channel = PipelineTesting.channel(acog, fixtures, config -> config.withScriptReview("manual"));
        Episode episode = fixtures.episode().channel(channel).create();
        pipeline.start(episode.id());
        runUntilReviewWaits(pipeline, episode.id());

        pipeline.rejectScript(episode.id(), "Open with the numbers.");
        assertThat(heard.queued(episode.id(), PipelineStage.SCRIPTING))
                .as("written, then sent back to be rewritten")
                .containsExactly(
                        new Queued(episode.id(), PipelineStage.SCRIPTING, 1),
                        new Queued(episode.id(), PipelineStage.SCRIPTING, 1));
        runUntilReviewWaits(pipeline, episode.id());
        pipeline.approveScript(episode.id(), "alice");
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }

        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(heard.queued(episode.id(), PipelineStage.SCRIPT_REVIEW))
                .as("a person reviews: no job")
                .isEmpty();
        assertThat(heard.calls(episode.id(), PipelineStage.SCRIPT_REVIEW, ProviderCall.Kind.CALL))
                .isEmpty();
        StageState review = PipelineTesting.stage(done, PipelineStage.SCRIPT_REVIEW);
        assertThat(heard.completed(episode.id(), PipelineStage.SCRIPT_REVIEW))
                .singleElement()
                .satisfies(completed -> {
                    assertThat(completed.provider()).isNull();
                    assertThat(completed.channelId()).isEqualTo(channel.id());
                    assertThat(completed.costUsd()).isEqualByComparingTo("0");
                    // a review waiting for a person has no start of its own: none is made up
                    assertThat(completed.took())
                            .isEqualTo(
                                    review.startedAt() == null
                                            ? Duration.ZERO
                                            : Duration.between(review.startedAt(), review.completedAt()))
                            .isGreaterThanOrEqualTo(Duration.ZERO);
                });
        assertThat(heard.completed(episode.id(), PipelineStage.SCRIPTING)).hasSize(2);
    }

    private void runUntilReviewWaits(EpisodePipeline pipeline, UUID episodeId) throws Exception {
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            Waiting.until(() -> "episode " + episodeId + " waits for its review", () -> {
                Episode episode = acog.episodes().get(episodeId);
                return episode.status() == EpisodeStatus.SCRIPT_REVIEW
                        && episode.pipelineState().status(PipelineStage.SCRIPT_REVIEW) == StageStatus.WAITING;
            });
            awaitNoLiveJobs(acog, episodeId);
        }
    }

    private static List<ProviderCall> concat(List<ProviderCall> first, List<ProviderCall> second) {
        List<ProviderCall> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
