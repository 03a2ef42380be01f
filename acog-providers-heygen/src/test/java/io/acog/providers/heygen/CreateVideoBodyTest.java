package io.acog.providers.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.net.URI;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The create body: the frame, the profile's documented keys, exactly one voice source, nothing undocumented. */
class CreateVideoBodyTest {

    /** The fields of {@code POST /v3/videos} ({@code type: "avatar"}) this adapter may send. */
    private static final Set<String> DOCUMENTED = Set.of(
            "type",
            "avatar_id",
            "title",
            "resolution",
            "aspect_ratio",
            "background",
            "remove_background",
            "callback_url",
            "callback_id",
            "audio_url",
            "audio_asset_id",
            "fit",
            "engine",
            "expressiveness",
            "motion_prompt");

    @ParameterizedTest
    @CsvSource({
        "1920, 1080, 16:9",
        "1080, 1920, 9:16",
        "1080, 1080, 1:1",
        "1080, 1350, 4:5",
        "1440, 1080, 5:4",
        "2560, 1080, 16:9",
        "1280, 720, 16:9",
    })
    void theAspectRatioIsTheFramesOrTheClosestV3Renders(int width, int height, String ratio) {
        assertThat(CreateVideoBody.aspectRatio(new OutputFormat(width, height, 30)))
                .isEqualTo(ratio);
    }

    @ParameterizedTest
    @CsvSource({
        "1920, 1080, 1080p",
        "1080, 1920, 1080p",
        "1280, 720, 720p",
        "854, 480, 720p",
        "3840, 2160, 4k",
    })
    void theResolutionFillsTheFrame(int width, int height, String resolution) {
        assertThat(CreateVideoBody.resolution(new OutputFormat(width, height, 30)))
                .isEqualTo(resolution);
    }

    @Test
    void theConfiguredResolutionWins() {
        JsonNode body = body(Renders.PROFILE, "720p");

        assertThat(body.path("resolution").asText()).isEqualTo("720p");
    }

    @Test
    void theProfilesDocumentedKeysAreMappedAndNothingUndocumentedIsSent() {
        Map<String, Object> profile = new HashMap<>(Renders.PROFILE);
        profile.put("avatar_name", "Daisy");
        profile.put("background", "#0a1b2c");
        profile.put("remove_background", "true");
        profile.put("fit", "cover");
        profile.put("engine", Map.of("type", "avatar_v", "reference_look_id", "look_1", "other", "x"));
        profile.put("expressiveness", "high");
        profile.put("motion_prompt", "gestures with both hands");
        profile.put("framing", "medium_shot");
        profile.put("clothing_style", "business_casual");
        profile.put("gestures_enabled", true);

        CreateVideoBody created = create(profile, null);
        JsonNode body = created.withAudio(CreateVideoBody.AudioSource.asset("ast_1"));

        assertThat(body.path("background").toString()).isEqualTo("{\"type\":\"color\",\"value\":\"#0a1b2c\"}");
        assertThat(body.path("remove_background").asBoolean()).isTrue();
        assertThat(body.path("fit").asText()).isEqualTo("cover");
        assertThat(body.path("engine").toString())
                .isEqualTo("{\"type\":\"avatar_v\",\"reference_look_id\":\"look_1\"}");
        assertThat(body.path("expressiveness").asText()).isEqualTo("high");
        assertThat(body.path("motion_prompt").asText()).isEqualTo("gestures with both hands");
        assertThat(fields(body)).isSubsetOf(DOCUMENTED);
        assertThat(created.ignored()).containsExactlyInAnyOrder("framing", "clothing_style", "gestures_enabled");
    }

    @Test
    void aBackgroundIsAColourAnImageOrV3sOwnObjectAndANamedOneIsLeftOut() {
        assertThat(body(profile("background", "https://cdn.example/office.jpg"), null)
                        .path("background")
                        .toString())
                .isEqualTo("{\"type\":\"image\",\"url\":\"https://cdn.example/office.jpg\"}");
        assertThat(body(profile("background", Map.of("type", "image", "asset_id", "ast_bg")), null)
                        .path("background")
                        .toString())
                .isEqualTo("{\"type\":\"image\",\"asset_id\":\"ast_bg\"}");
        CreateVideoBody named = create(profile("background", "modern_office"), null);
        assertThat(named.withAudio(CreateVideoBody.AudioSource.asset("a")).has("background"))
                .isFalse();
        assertThat(named.ignored()).containsExactly("background");
    }

    @Test
    void exactlyOneVoiceSourceIsSent() {
        CreateVideoBody created = create(Renders.PROFILE, null);

        JsonNode fetched = created.withAudio(CreateVideoBody.AudioSource.url("https://bucket/voice.mp3"));
        JsonNode uploaded = created.withAudio(CreateVideoBody.AudioSource.asset("ast_1"));

        assertThat(fetched.path("audio_url").asText()).isEqualTo("https://bucket/voice.mp3");
        assertThat(fetched.has("audio_asset_id")).isFalse();
        assertThat(uploaded.path("audio_asset_id").asText()).isEqualTo("ast_1");
        assertThat(uploaded.has("audio_url")).isFalse();
        assertThat(fetched.has("script") || fetched.has("voice_id")).isFalse();
    }

    @Test
    void aProfileValueOfTheWrongTypeFailsForGoodNamingTheKey() {
        assertThat(invalid(profile("avatar_id", 42))).contains("avatar_profile.avatar_id is '42'");
        assertThat(invalid(Map.of("provider", "heygen"))).contains("avatar_profile.avatar_id is not set");
        assertThat(invalid(profile("remove_background", "yes"))).contains("avatar_profile.remove_background");
        assertThat(invalid(profile("background", 7))).contains("avatar_profile.background is '7'");
        assertThat(invalid(profile("background", Map.of("type", "video"))))
                .contains("avatar_profile.background.type is 'video'");
        assertThat(invalid(profile("engine", List.of("avatar_v")))).contains("avatar_profile.engine");
        assertThat(invalid(profile("fit", 1))).contains("avatar_profile.fit is '1'");
    }

    private static String invalid(Map<String, Object> profile) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> create(profile, null));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        return e.getMessage();
    }

    private static Map<String, Object> profile(String key, Object value) {
        Map<String, Object> profile = new HashMap<>(Renders.PROFILE);
        profile.put(key, value);
        return profile;
    }

    private static CreateVideoBody create(Map<String, Object> profile, String resolution) {
        AvatarRequest request = new AvatarRequest(
                Renders.channel(profile),
                Renders.windows(),
                URI.create("file:///voice.mp3"),
                null,
                OutputFormat.LANDSCAPE,
                null);
        return CreateVideoBody.of(request, "Money Talks", "acog-job-1", resolution);
    }

    private static JsonNode body(Map<String, Object> profile, String resolution) {
        return create(profile, resolution).withAudio(CreateVideoBody.AudioSource.asset("ast_1"));
    }

    private static List<String> fields(JsonNode body) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
