package io.acog.core;

import static io.acog.core.episode.PipelineStage.AUDIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.asset.AssetType;
import io.acog.core.asset.AudioMetadata;
import io.acog.core.asset.NewAsset;
import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelUpdate;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.Persona;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.NewEpisode;
import io.acog.core.episode.StageState;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobCompletion;
import io.acog.core.job.JobStatus;
import io.acog.core.job.NewJob;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.core.pulse.PulsePayload;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSON that a JSONB column cannot hold (issue 10) — a NUL character, NaN or an infinity, nesting
 * deeper than the codec reads back, a map that contains itself, a value with no JSON form — is
 * refused with a {@link ValidationException} naming the key path from the column, the problem and
 * the limit, wherever the API takes JSON; nothing is written.
 */
@AcogPostgres
class UnstorableJsonTest {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String NO_NUL = "contains the NUL character (U+0000) at index ";
    private static final String NOT_FINITE = ", but a JSON number must be finite: NaN and infinities have no JSON form";

    private Acog acog;
    private DSLContext db;
    private Episode episode;
    private Map<String, Integer> rowsBefore;

    @BeforeEach
    void setUp(Acog acog, DSLContext db) {
        this.acog = acog;
        this.db = db;
        this.episode = new AcogFixtures(acog).episode().create();
        this.rowsBefore = rows();
    }

    private Map<String, Integer> rows() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : List.of("channels", "episodes", "assets", "pulse_events", "jobs")) {
            rows.put(table, db.fetchCount(DSL.table(table)));
        }
        return rows;
    }

    private void assertNothingWasWritten() {
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    /** Refused with a ValidationException of this entity and field, saying {@code problem}. */
    private static AbstractThrowableAssert<?, ?> refused(
            ThrowingCallable call, String entity, String field, String problem) {
        return assertThatThrownBy(call)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(entity + "." + field + " " + problem)
                .satisfies(e -> {
                    assertThat(((ValidationException) e).entity()).isEqualTo(entity);
                    assertThat(((ValidationException) e).field()).isEqualTo(field);
                });
    }

    private Channel createChannel(Persona persona) {
        return acog.channels()
                .create(NewChannel.builder("Cosmos", "cosmos-" + SEQUENCE.incrementAndGet())
                        .persona(persona)
                        .build());
    }

    /** {"a": {"a": ... {"a": "bottom"}}}: {@code levels} maps, one inside the other. */
    private static Map<String, Object> nested(int levels) {
        Object inner = "bottom";
        for (int i = 0; i < levels; i++) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("a", inner);
            inner = map;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> outer = (Map<String, Object>) inner;
        return outer;
    }

    private ClaimedJob claimed(Object input) {
        acog.jobs().enqueue(NewJob.builder(episode.id(), AUDIO).input(input).build());
        return acog.jobs().claim("w1", 1, LEASE, Set.of()).get(0);
    }

    @Test
    void aNulCharacterIsRefusedNamingItsKeyWhereverItIs() {
        refused(
                () -> createChannel(Persona.empty().withName("Dr\u0000 Chen")),
                "channel",
                "persona.name",
                NO_NUL + "2, which PostgreSQL cannot store");
        refused(
                () -> createChannel(Persona.empty().withExtra("tone", "calm\u0000")),
                "channel",
                "persona.tone",
                NO_NUL);
        refused(
                () -> createChannel(Persona.empty().withQuirks(List.of("ok", "bad\u0000"))),
                "channel",
                "persona.quirks[1]",
                NO_NUL + "3");
        refused(
                () -> createChannel(
                        Persona.empty().withExtra("voice_notes", Map.of("pitch", List.of("low", "a\u0000")))),
                "channel",
                "persona.voice_notes.pitch[1]",
                NO_NUL);
        refused(
                () -> createChannel(Persona.empty().withExtra("to\u0000ne", "calm")),
                "channel",
                "persona",
                "has the key 'to\\u0000ne', which " + NO_NUL + "2");
        refused(
                () -> createChannel(Persona.empty().withExtra("pitch", "low\uD800")),
                "channel",
                "persona.pitch",
                "contains an unpaired surrogate (U+D800) at index 3");
        // one bad event refuses the whole batch
        refused(
                () -> acog.pulseEvents()
                        .ingest(List.of(
                                NewPulseEvent.builder("reddit", "fine").build(),
                                NewPulseEvent.builder("reddit", "bad")
                                        .payload(new PulsePayload(
                                                "t", "c", null, Map.of("views", "1\u0000"), null, null))
                                        .build())),
                "pulse event[1]",
                "payload.metrics.views",
                NO_NUL);

        assertNothingWasWritten();
    }

    @Test
    void nanAndInfinitiesAreRefusedNamingTheField() {
        Channel channel = createChannel(Persona.empty().withName("Dr. Chen"));
        rowsBefore = rows();

        refused(
                () -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .name("Renamed")
                                        .persona(Persona.empty().withExtra("score", Double.NaN))
                                        .build()),
                "channel",
                "persona.score",
                "is NaN" + NOT_FINITE);
        refused(
                () -> acog.assets()
                        .add(NewAsset.builder(episode.id(), AssetType.AUDIO, "s3://acog-test/a.mp3")
                                .metadata(new AudioMetadata(
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("loudness", Double.NEGATIVE_INFINITY)))
                                .build()),
                "asset",
                "metadata.loudness",
                "is -Infinity" + NOT_FINITE);
        refused(
                () -> acog.episodes()
                        .create(NewEpisode.builder(channel.id())
                                .idea(EpisodeIdea.of("Black holes").withSourceContext(Map.of("score", Float.NaN)))
                                .build()),
                "episode",
                "idea.source_context.score",
                "is NaN" + NOT_FINITE);
        refused(
                () -> acog.jobs()
                        .enqueue(NewJob.builder(episode.id(), AUDIO)
                                .input(Map.of("speed", Double.POSITIVE_INFINITY))
                                .build()),
                "job",
                "input_params.speed",
                "is Infinity" + NOT_FINITE);
        refused(
                () -> acog.episodes()
                        .completeStage(
                                episode.id(),
                                AUDIO,
                                StageState.builder()
                                        .extra("quality", Double.NaN)
                                        .build()),
                "episode",
                "pipeline_state.audio.quality",
                "is NaN" + NOT_FINITE);

        assertThat(acog.channels().get(channel.id())).isEqualTo(channel);
        assertThat(acog.episodes().get(episode.id())).isEqualTo(episode);
        assertNothingWasWritten();
    }

    @Test
    void aRelevanceScoreThatIsNotANumberNamesTheFieldAndTheRange() {
        for (String score : List.of("NaN", "Infinity", "-Infinity", "0,8", "high")) {
            refused(
                    () -> NewPulseEvent.builder("reddit", "t3_1").relevanceScore(score),
                    "pulse event",
                    "relevance_score",
                    "is '" + score + "', not a decimal number: it must be a number from 0 to 1 with at most four"
                            + " decimal places, e.g. '0.8125'");
        }
        assertThat(NewPulseEvent.builder("reddit", "t3_1")
                        .relevanceScore(" 0.8125 ")
                        .build()
                        .relevanceScore())
                .isEqualByComparingTo("0.8125");
    }

    @Test
    void nestingDeeperThanTheCodecReadsBackIsRefusedAndTheLimitItselfRoundTrips() {
        // the persona object is the first level
        Channel deepest = createChannel(Persona.empty().withExtra("deep", nested(999)));
        assertThat(acog.channels().get(deepest.id()).persona().extra()).containsEntry("deep", nested(999));
        rowsBefore = rows();

        refused(
                () -> createChannel(Persona.empty().withExtra("deep", nested(1000))),
                "channel",
                "persona.deep.a.a.a.a.a…",
                "is nested 1001 levels deep (objects and lists, counting the column's own), over the limit of 1000");
        // the case: a job input of plain maps
        refused(
                () -> acog.jobs()
                        .enqueue(NewJob.builder(episode.id(), AUDIO)
                                .input(nested(1001))
                                .build()),
                "job",
                "input_params.a.a.a.a.a.a…",
                "is nested 1001 levels deep");
        // a stage's entry sits two levels down in pipeline_state
        refused(
                () -> acog.episodes()
                        .completeStage(
                                episode.id(),
                                AUDIO,
                                StageState.builder().extra("deep", nested(999)).build()),
                "episode",
                "pipeline_state.audio.deep.a.a.a.a.a…",
                "is nested 1001 levels deep");
        assertThat(acog.episodes().get(episode.id())).isEqualTo(episode);
        assertNothingWasWritten();

        Episode completed = acog.episodes()
                .completeStage(
                        episode.id(),
                        AUDIO,
                        StageState.builder().extra("deep", nested(998)).build());
        assertThat(acog.episodes().get(episode.id()).pipelineState()).isEqualTo(completed.pipelineState());
    }

    @Test
    void aMapThatContainsItselfIsRefusedNamingWhereItLoops() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("name", "ouroboros");
        loop.put("self", loop);

        refused(
                () -> createChannel(Persona.empty().withExtra("loop", loop)),
                "channel",
                "persona.loop.self.self.self.self.self…",
                "contains itself (a map, list or record that holds itself, directly or further down), which JSON"
                        + " cannot represent");
        refused(
                () -> acog.jobs()
                        .enqueue(NewJob.builder(episode.id(), AUDIO).input(loop).build()),
                "job",
                "input_params.self.self.self.self.self.self…",
                "contains itself");

        assertNothingWasWritten();
    }

    @Test
    void aValueWithNoJsonFormIsRefusedNamingTheFieldNotAJavaType() {
        refused(
                () -> createChannel(Persona.empty().withExtra("thing", new Object())),
                "channel",
                "persona.thing",
                "cannot be stored as JSON: it holds a value of type java.lang.Object, which has no JSON form;"
                        + " use text, numbers, booleans, null, lists, maps or records of those");
        assertNothingWasWritten();

        ClaimedJob held = claimed(Map.of("text", "hi"));
        refused(
                () -> acog.jobs().complete(held, JobCompletion.of(Map.of("when", Optional.of(1)))),
                "job",
                "result.when",
                "cannot be stored as JSON: it holds a value of type java.util.Optional");
        refused(
                () -> acog.jobs().reschedule(held, Duration.ofSeconds(30), Map.of("video_id", "v\u0000")),
                "job",
                "input_params.video_id",
                NO_NUL + "1");

        Job job = acog.jobs().get(held.job().id());
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.input()).isEqualTo(Map.of("text", "hi"));
        assertThat(job.result()).isNull();
    }
}
