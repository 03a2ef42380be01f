package io.acog.jooq;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.jooq.generated.Tables.PULSE_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.jooq.generated.enums.AssetType;
import io.acog.jooq.generated.enums.EpisodeStatus;
import io.acog.jooq.generated.enums.IdeaSource;
import io.acog.jooq.generated.enums.JobStatus;
import io.acog.jooq.generated.tables.records.AssetsRecord;
import io.acog.jooq.generated.tables.records.ChannelsRecord;
import io.acog.jooq.generated.tables.records.EpisodesRecord;
import io.acog.jooq.generated.tables.records.JobsRecord;
import io.acog.jooq.generated.tables.records.PulseEventsRecord;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.UpdatableRecord;
import org.junit.jupiter.api.Test;

/**
 * Every column of every table written through the generated jOOQ records and read back: the
 * generated types (enums, JSONB, TEXT[], UUID[], NUMERIC, TIMESTAMPTZ) carry the values unchanged.
 */
@AcogPostgres
class GeneratedRecordsRoundTripTest {

    private static final OffsetDateTime WHEN = OffsetDateTime.of(2024, 1, 15, 10, 2, 30, 123_456_000, ZoneOffset.UTC);

    /** Columns the database fills in; every other column must be written by the test. */
    private static final Set<String> SERVER_SET = Set.of("id", "created_at", "updated_at", "deleted_at");

    /**
     * Stores the record, reads its row back in a fresh query and checks that every column the
     * test set comes back equal, and that the test set every column but {@link #SERVER_SET}.
     */
    private static <R extends UpdatableRecord<R>> R roundTrip(DSLContext db, R record) {
        Map<String, Object> written = new LinkedHashMap<>();
        for (Field<?> field : record.fields()) {
            if (record.changed(field)) {
                written.put(field.getName(), record.get(field));
            }
        }
        assertThat(written.keySet())
                .as("columns the test wrote")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(record.fields())
                        .map(Field::getName)
                        .filter(name -> !SERVER_SET.contains(name))
                        .toList());
        record.store();
        Table<R> table = record.getTable();
        Field<UUID> id = table.field("id", UUID.class);
        R read = db.selectFrom(table).where(id.eq(record.get(id))).fetchOne();
        Map<String, Object> back = new LinkedHashMap<>();
        for (String column : written.keySet()) {
            back.put(column, read.get(column));
        }
        assertThat(back)
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(written);
        return read;
    }

    @Test
    void channel(DSLContext db) {
        ChannelsRecord channel = db.newRecord(CHANNELS);
        channel.setName("Cosmos Explained");
        channel.setSlug("cosmos-explained");
        channel.setDescription("Space, time and everything between — \"quoted\" 'n' ✨");
        channel.setNiche("cosmology");
        channel.setPersona(JSONB.valueOf(
                "{\"name\": \"Dr. Sarah Chen\", \"expertise_areas\":" + " [\"cosmology\", \"black holes\"]}"));
        channel.setStyleGuide(JSONB.valueOf("{\"pacing\": \"measured\", \"target_length_minutes\": 12}"));
        channel.setAvatarProfile(JSONB.valueOf("{\"provider\": \"heygen\", \"gestures_enabled\": true}"));
        channel.setVoiceProfile(JSONB.valueOf("{\"settings\": {\"stability\": 0.5}}"));
        channel.setCadence("3_per_week");
        channel.setPlatformConfig(JSONB.valueOf("{\"youtube_channel_id\": \"UC123\"}"));
        channel.setIsActive(false);

        ChannelsRecord read = roundTrip(db, channel);

        assertThat(read.getId()).isNotNull();
        assertThat(read.getName()).isEqualTo("Cosmos Explained");
        assertThat(read.getIsActive()).isFalse();
        assertThat(read.getCreatedAt()).isNotNull();
        assertThat(read.getUpdatedAt()).isEqualTo(read.getCreatedAt());
        assertThat(read.getDeletedAt()).isNull();
    }

    @Test
    void episodeAndItsDefaults(DSLContext db) {
        UUID channel = new Rows(db).channel("episodes");
        UUID event = new Rows(db).pulseEvent("reddit", "t3_x");
        EpisodesRecord bare = db.newRecord(EPISODES);
        bare.setChannelId(channel);
        bare.store();
        bare.refresh();

        assertThat(bare.getStatus()).isEqualTo(EpisodeStatus.IDEA);
        assertThat(bare.getIdeaSource()).isEqualTo(IdeaSource.MANUAL);
        assertThat(bare.getIdea()).isEqualTo(JSONB.valueOf("{}"));
        assertThat(bare.getPipelineState()).isEqualTo(JSONB.valueOf("{}"));
        assertThat(bare.getPriority()).isZero();
        assertThat(bare.getRetryCount()).isZero();

        EpisodesRecord full = db.newRecord(EPISODES);
        full.setChannelId(channel);
        full.setPulseEventId(event);
        full.setSourceEpisodeId(bare.getId());
        full.setTitle("Black holes and time dilation");
        full.setSlug("black-holes");
        full.setStatus(EpisodeStatus.SCRIPT_REVIEW);
        full.setIdeaSource(IdeaSource.PULSE);
        full.setIdea(JSONB.valueOf("{\"topic\": \"Black holes\", \"key_points\": [\"a\", \"b\"]}"));
        full.setPlan(JSONB.valueOf("{\"hook\": \"What if time stopped?\", \"sections\": []}"));
        full.setScript("[AVATAR] Hello.\n[BROLL:spinning black hole] Look.\n");
        full.setScriptMetadata(JSONB.valueOf("{\"version\": 2, \"word_count\": 4}"));
        full.setMetadata(JSONB.valueOf("{\"tags\": [\"space\"], \"final_title\": \"Time stops\"}"));
        full.setPipelineState(JSONB.valueOf("{\"planning\": {\"status\": \"completed\", \"attempts\": 1}}"));
        full.setTimeline(
                JSONB.valueOf(
                        "{\"cuts\": [{\"text\": \"Hello.\", \"end_ms\": 2000, \"source\": \"avatar\","
                                + " \"segment\": 0, \"start_ms\": 0}], \"captions\": [], \"duration_ms\": 2000}")); // as jsonb orders keys
        full.setPublishedUrl("https://youtu.be/abc");
        full.setPublishedAt(WHEN);
        full.setPriority(7);
        full.setRetryCount(2);
        full.setLastError("HeyGen 500");

        EpisodesRecord read = roundTrip(db, full);

        assertThat(read.getPublishedAt()).isEqualTo(WHEN);
        assertThat(read.getStatus()).isEqualTo(EpisodeStatus.SCRIPT_REVIEW);
        assertThat(read.getScript()).isEqualTo("[AVATAR] Hello.\n[BROLL:spinning black hole] Look.\n");
    }

    @Test
    void job(DSLContext db) {
        UUID episode = new Rows(db).episode(new Rows(db).channel("jobs"), "e");
        JobsRecord job = db.newRecord(JOBS);
        job.setEpisodeId(episode);
        job.setStage("audio");
        job.setStatus(JobStatus.COMPLETED);
        job.setCeleryTaskId("worker-1:claim-9");
        job.setInputParams(JSONB.valueOf("{\"voice_settings_override\": {\"stability\": 0.6}}"));
        job.setResult(JSONB.valueOf("{\"asset_id\": \"" + UUID.randomUUID() + "\", \"duration_seconds\": 485.5}"));
        job.setErrorMessage(null);
        job.setStartedAt(WHEN);
        job.setCompletedAt(WHEN.plusMinutes(4));
        job.setRetryCount(1);
        job.setMaxRetries(5);
        job.setCostUsd(new BigDecimal("1.2500"));
        job.setTokensUsed(8200);
        job.setPriority(4);
        job.setRunAfter(WHEN.minusSeconds(5));
        job.setLockedBy("worker-1");
        job.setLockedUntil(WHEN.plusSeconds(30));
        job.setAttempts(2);
        job.setIdempotencyKey("audio:e1");
        job.setCancelRequested(true);

        JobsRecord read = roundTrip(db, job);

        assertThat(read.getCostUsd()).isEqualByComparingTo("1.25");
        assertThat(read.getResult().data()).contains("485.5");
    }

    @Test
    void asset(DSLContext db) {
        UUID episode = new Rows(db).episode(new Rows(db).channel("assets"), "e");
        AssetsRecord asset = db.newRecord(ASSETS);
        asset.setEpisodeId(episode);
        asset.setType(AssetType.B_ROLL);
        asset.setName("clip 1");
        asset.setUri("s3://acog-media/episodes/e/broll-1.mp4");
        asset.setStorageBucket("acog-media");
        asset.setStorageKey("episodes/e/broll-1.mp4");
        asset.setProvider("runway");
        asset.setProviderJobId("task_123");
        asset.setMetadata(JSONB.valueOf("{\"fps\": 30, \"resolution\": \"1920x1080\"}"));
        asset.setMimeType("video/mp4");
        asset.setFileSizeBytes(5_000_000_000L);
        asset.setDurationMs(8_000);
        asset.setIsPrimary(true);

        AssetsRecord read = roundTrip(db, asset);

        assertThat(read.getType()).isEqualTo(AssetType.B_ROLL);
        assertThat(read.getFileSizeBytes()).isEqualTo(5_000_000_000L);
    }

    @Test
    void pulseEventWithTextAndUuidArrays(DSLContext db) {
        UUID first = new Rows(db).channel("pulse-a");
        UUID second = new Rows(db).channel("pulse-b");
        PulseEventsRecord event = db.newRecord(PULSE_EVENTS);
        event.setSource("youtube");
        event.setSourceId("dQw4w9WgXcQ");
        event.setSourceUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        event.setPayload(JSONB.valueOf("{\"title\": \"JWST finds\", \"metrics\": {\"views\": 100}}"));
        event.setTopicTags(new String[] {"space", "jwst", "with,comma", "with \"quote\"", "✨"});
        event.setRelevanceScore(new BigDecimal("0.8125"));
        event.setIsProcessed(true);
        event.setProcessedAt(WHEN);
        event.setMatchedChannels(new UUID[] {first, second});
        event.setEventTimestamp(WHEN.minusDays(1));

        PulseEventsRecord read = roundTrip(db, event);

        assertThat(read.getTopicTags()).containsExactly("space", "jwst", "with,comma", "with \"quote\"", "✨");
        assertThat(read.getMatchedChannels()).containsExactly(first, second);
        assertThat(read.getRelevanceScore()).isEqualByComparingTo("0.8125");
        assertThat(read.getPayload()).isEqualTo(event.getPayload());
        assertThat(read.getEventTimestamp()).isEqualTo(WHEN.minusDays(1));
        assertThat(read.getSourceUrl()).isEqualTo(event.getSourceUrl());
    }
}
