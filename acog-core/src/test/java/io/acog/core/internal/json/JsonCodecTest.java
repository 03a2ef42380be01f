package io.acog.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.core.asset.VideoMetadata;
import io.acog.core.channel.Persona;
import io.acog.core.channel.StyleGuide;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageStatus;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON shapes read and written back: seed keys typed, everything else kept as it was. */
class JsonCodecTest {

    private static JsonNode tree(String json) throws Exception {
        return JsonCodec.mapper().readTree(json);
    }

    @Test
    void unknownKeysAtEveryLevelSurviveAReadAndWrite() throws Exception {
        String stored = """
                {"tone": "calm", "pacing": "slow", "host_flag": true,
                 "structure_preferences": {"hook_style": "question", "host_nested": [1, 2.50, "x"]},
                 "rules": {"do": ["a"], "dont": ["b"], "maybe": ["c"]},
                 "words_per_minute": 133}""";

        StyleGuide style = JsonCodec.read(org.jooq.JSONB.valueOf(stored), StyleGuide.class);
        String written = JsonCodec.text(style.withTone("warm"));

        assertThat(style.extra()).containsKeys("host_flag", "words_per_minute");
        assertThat(style.structurePreferences().extra()).containsKey("host_nested");
        assertThat(tree(written)).isEqualTo(tree(stored.replace("\"calm\"", "\"warm\"")));
    }

    @Test
    void aRecordIsWrittenAsItsComponentsOnlyNotItsGetterLikeMethods() throws Exception {
        String stored = """
                {"hook": "What if time stopped?", "sections": [{"title": "Horizons"}], "key_facts": ["c is finite"]}""";
        io.acog.core.episode.EpisodePlan plan = JsonCodec.read(stored, io.acog.core.episode.EpisodePlan.class);

        String written = JsonCodec.text(plan);

        assertThat(written).doesNotContain("\"empty\""); // EpisodePlan.isEmpty() is no component
        io.acog.core.episode.EpisodePlan again = JsonCodec.read(written, io.acog.core.episode.EpisodePlan.class);
        assertThat(again).isEqualTo(plan);
        assertThat(again.extra()).isEmpty();
    }

    @Test
    void seedExamplesReadBackToTheSameJson() throws Exception {
        String persona = """
                {"name": "Dr. Sarah Chen", "background": "Astrophysicist with 15 years at NASA JPL",
                 "expertise_areas": ["cosmology", "black holes", "space exploration"],
                 "voice": "Warm, curious, slightly nerdy",
                 "attitude": "Enthusiastic about science, accessible explanations",
                 "values": ["accuracy", "wonder", "education"],
                 "quirks": ["Often uses space analogies", "Ends with thought-provoking questions"],
                 "avoid": ["Condescension", "Jargon without explanation"]}""";
        String video = """
                {"duration_seconds": 495.2, "resolution": "1920x1080", "fps": 30, "codec": "h264",
                 "bitrate_kbps": 8000, "cost_cents": 350,
                 "generation_params": {"avatar_id": "avatar_abc123", "background": "modern_office"}}""";

        Persona readPersona = JsonCodec.read(org.jooq.JSONB.valueOf(persona), Persona.class);
        VideoMetadata readVideo = JsonCodec.read(org.jooq.JSONB.valueOf(video), VideoMetadata.class);

        assertThat(readPersona.expertiseAreas()).containsExactly("cosmology", "black holes", "space exploration");
        assertThat(readVideo.durationSeconds()).isEqualByComparingTo("495.2");
        assertThat(tree(JsonCodec.text(readPersona))).isEqualTo(tree(persona));
        assertThat(tree(JsonCodec.text(readVideo))).isEqualTo(tree(video));
    }

    @Test
    void pipelineStateKeepsStagesTypedAndOtherKeysAsTheyWere() throws Exception {
        String stored = """
                {"planning": {"status": "completed", "started_at": "2024-01-15T10:00:00Z",
                              "completed_at": "2024-01-15T10:02:30Z", "attempts": 1,
                              "model_used": "gpt-4-turbo", "tokens_used": 2450},
                 "avatar": {"status": "running", "provider": "heygen", "job_id": "job_def456",
                            "host_trace": "t-1"},
                 "host_summary": {"note": "kept"}}""";

        PipelineState state = JsonCodec.read(org.jooq.JSONB.valueOf(stored), PipelineState.class);

        assertThat(state.status(PipelineStage.PLANNING)).isEqualTo(StageStatus.COMPLETED);
        assertThat(state.status(PipelineStage.AVATAR)).isEqualTo(StageStatus.RUNNING);
        assertThat(state.status(PipelineStage.UPLOAD)).isEqualTo(StageStatus.PENDING);
        assertThat(state.stage(PipelineStage.PLANNING).orElseThrow().tokensUsed())
                .isEqualTo(2450);
        assertThat(state.extra()).containsKey("host_summary");
        assertThat(tree(JsonCodec.text(state))).isEqualTo(tree(stored));
    }

    /** The seed's job input and result examples, as a host would type them for {@code Job.input}. */
    record PlanningInput(
            String topic, Integer targetLengthMinutes, Map<String, Object> styleOverrides, Map<String, Object> extra) {}

    record ScriptingInput(
            UUID planId, String refinementLevel, Boolean includeBrollMarkers, Map<String, Object> extra) {}

    record AudioInput(UUID scriptId, Map<String, Object> voiceSettingsOverride, Map<String, Object> extra) {}

    record PlanningResult(
            UUID planId, Integer sectionsCount, BigDecimal estimatedDurationMinutes, Map<String, Object> extra) {}

    record AudioResult(UUID assetId, BigDecimal durationSeconds, Integer characterCount, Map<String, Object> extra) {}

    @Test
    void jobParametersAndResultsOfTheSeedReadBackUnchanged() throws Exception {
        String[][] examples = {
            {"PlanningInput", """
                    {"topic": "Black holes and time dilation", "target_length_minutes": 12,
                     "style_overrides": {"tone": "calm"}, "host_key": 1}"""},
            {"ScriptingInput", """
                    {"plan_id": "6a1f8a8e-5b34-4c1e-9d1e-2b8f0c6f1a11", "refinement_level": "standard",
                     "include_broll_markers": true}"""},
            {"AudioInput", """
                    {"script_id": "6a1f8a8e-5b34-4c1e-9d1e-2b8f0c6f1a11",
                     "voice_settings_override": {"stability": 0.6}}"""},
            {"PlanningResult", """
                    {"plan_id": "6a1f8a8e-5b34-4c1e-9d1e-2b8f0c6f1a11", "sections_count": 5,
                     "estimated_duration_minutes": 11.5}"""},
            {"AudioResult", """
                    {"asset_id": "6a1f8a8e-5b34-4c1e-9d1e-2b8f0c6f1a11", "duration_seconds": 485.5,
                     "character_count": 8500}"""},
        };
        for (String[] example : examples) {
            Class<?> type = Class.forName(JsonCodecTest.class.getName() + "$" + example[0]);
            Object read = JsonCodec.read(org.jooq.JSONB.valueOf(example[1]), type);
            assertThat(tree(JsonCodec.text(read))).as(example[0]).isEqualTo(tree(example[1]));
        }
    }
}
