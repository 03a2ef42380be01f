package io.acog.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.asset.Asset;
import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelUpdate;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeUpdate;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.core.pulse.PulseEvent;
import io.acog.core.pulse.PulsePayload;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Host applications keep keys of their own in ACOG's JSONB columns. Written behind ACOG's back,
 * they must survive ACOG reading the row, the host changing a typed field through the API, and
 * ACOG writing it back.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class UnknownJsonKeysTest {

    private static final String HOST = "{\"host_id\": \"h-42\", \"host_tags\": [\"a\", {\"b\": 2.50}]}";

    /** Adds the host's keys to a JSONB column, at the top and inside a nested object. */
    private static void addHostKeys(DSLContext db, String table, String column, UUID id) {
        db.execute(
                "UPDATE " + table + " SET " + column + " = " + column + " || '" + HOST + "'::jsonb WHERE id = ?", id);
    }

    private static boolean hasHostKeys(DSLContext db, String table, String column, UUID id) {
        return db.fetchValue("SELECT " + column + " @> '" + HOST + "'::jsonb FROM " + table + " WHERE id = ?", id)
                .equals(Boolean.TRUE);
    }

    @Test
    void channelProfilesKeepHostKeys(Acog acog, AcogFixtures fixtures, DSLContext db) {
        Channel channel = fixtures.channel().create();
        List<String> columns = List.of("persona", "style_guide", "avatar_profile", "voice_profile", "platform_config");
        for (String column : columns) {
            addHostKeys(db, "channels", column, channel.id());
        }
        db.execute(
                "UPDATE channels SET style_guide = jsonb_set(style_guide,"
                        + " '{structure_preferences,host_nested}', '\"deep\"') WHERE id = ?",
                channel.id());

        Channel read = acog.channels().get(channel.id());
        acog.channels()
                .update(
                        channel.id(),
                        ChannelUpdate.builder()
                                .persona(read.persona().withVoice("Calmer"))
                                .styleGuide(read.styleGuide().withTone("serious"))
                                .avatarProfile(read.avatarProfile().withFraming("close_up"))
                                .voiceProfile(read.voiceProfile().withModel("eleven_multilingual_v2"))
                                .platformConfig(read.platformConfig())
                                .build());

        for (String column : columns) {
            assertThat(hasHostKeys(db, "channels", column, channel.id()))
                    .as(column)
                    .isTrue();
        }
        assertThat(db.fetchValue(
                        "SELECT style_guide #>> '{structure_preferences,host_nested}'" + " FROM channels WHERE id = ?",
                        channel.id()))
                .isEqualTo("deep");
        assertThat(acog.channels().get(channel.id()).persona().voice()).isEqualTo("Calmer");
    }

    @Test
    void episodeContentAndStateKeepHostKeys(Acog acog, AcogFixtures fixtures, DSLContext db) {
        Episode episode = fixtures.episode().withScript().create();
        acog.episodes().completeStage(episode.id(), PipelineStage.PLANNING, StageState.empty());
        for (String column : List.of("idea", "plan", "script_metadata", "metadata", "pipeline_state")) {
            addHostKeys(db, "episodes", column, episode.id());
        }
        db.execute(
                "UPDATE episodes SET pipeline_state = jsonb_set(pipeline_state,"
                        + " '{planning,host_trace}', '\"t-9\"') WHERE id = ?",
                episode.id());

        Episode read = acog.episodes().get(episode.id());
        acog.episodes()
                .update(
                        episode.id(),
                        EpisodeUpdate.builder()
                                .idea(read.idea().withBrief("changed"))
                                .plan(read.plan())
                                .metadata(read.metadata())
                                .build());
        acog.episodes().saveScript(episode.id(), read.script() + " More.");
        acog.episodes().completeStage(episode.id(), PipelineStage.SCRIPTING, StageState.empty());

        for (String column : List.of("idea", "plan", "script_metadata", "metadata", "pipeline_state")) {
            assertThat(hasHostKeys(db, "episodes", column, episode.id()))
                    .as(column)
                    .isTrue();
        }
        assertThat(db.fetchValue(
                        "SELECT pipeline_state #>> '{planning,host_trace}' FROM episodes" + " WHERE id = ?",
                        episode.id()))
                .isEqualTo("t-9");
        assertThat(acog.episodes().get(episode.id()).scriptMetadata().version()).isEqualTo(2);
    }

    @Test
    void assetMetadataAndPulsePayloadsKeepHostKeys(Acog acog, AcogFixtures fixtures, DSLContext db) {
        Episode episode = fixtures.episode().create();
        Asset asset = fixtures.asset(episode).create();
        addHostKeys(db, "assets", "metadata", asset.id());
        acog.assets().makePrimary(asset.id());
        assertThat(hasHostKeys(db, "assets", "metadata", asset.id())).isTrue();
        assertThat(acog.assets().get(asset.id()).metadata().extra()).containsKeys("host_id", "host_tags");

        PulsePayload payload = new PulsePayload("t", "c", null, Map.of("views", 10), null, Map.of("host_id", "h-42"));
        PulseEvent event = acog.pulseEvents()
                .ingest(List.of(NewPulseEvent.builder("r", "1").payload(payload).build()))
                .created()
                .get(0);
        assertThat(db.fetchValue("SELECT payload ->> 'host_id' FROM pulse_events WHERE id = ?", event.id()))
                .isEqualTo("h-42");
        assertThat(acog.pulseEvents().get(event.id()).payload()).isEqualTo(payload);
    }
}
