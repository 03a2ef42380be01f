package io.acog.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.examples.mocks.ElevenLabsMock;
import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.OpenAiMock;
import io.acog.examples.mocks.S3Mock;
import io.acog.examples.mocks.YouTubeMock;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import io.acog.spi.ProviderConfig;
import io.acog.testkit.providers.OfferedProviders;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four mocks, each spoken to as its adapter speaks to it (the S3 one by the S3 adapter
 * itself), without a pipeline: what they answer, and that what they keep can be read back.
 */
class MockProvidersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static Ffmpeg ffmpeg;
    private static MockProviders mocks;

    @BeforeAll
    static void start() {
        ffmpeg = Ffmpeg.locate(ProviderConfig.empty());
        mocks = MockProviders.start(Listen.forTests(), ffmpeg);
    }

    @AfterAll
    static void stop() {
        if (mocks != null) {
            mocks.close();
        }
    }

    @Test
    void theExportsSetEverySettingAsTheEnvironmentVariableTheAdaptersRead() {
        Map<String, String> settings = mocks.settings();

        assertThat(settings)
                .containsEntry("openai.base-url", mocks.openAi().baseUrl() + "/v1")
                .containsEntry("elevenlabs.base-url", mocks.elevenLabs().baseUrl())
                .containsEntry("youtube.token-url", mocks.youTube().baseUrl() + "/token")
                .containsEntry("youtube.upload-base-url", mocks.youTube().baseUrl())
                .containsEntry("s3.endpoint", mocks.s3().baseUrl())
                .containsEntry("s3.bucket", S3Mock.BUCKET)
                .containsEntry("s3.path-style", "true")
                .containsEntry("s3.region", "us-east-1")
                .containsEntry("heygen.base-url", mocks.heyGen().baseUrl())
                .containsEntry("synthesia.base-url", mocks.synthesia().baseUrl())
                .containsEntry("runway.base-url", mocks.runway().baseUrl())
                .containsEntry("pexels.base-url", mocks.pexels().baseUrl())
                .containsKeys(
                        "heygen.api-key",
                        "heygen.webhook-secret",
                        "synthesia.api-key",
                        "synthesia.webhook-secret",
                        "runway.api-key",
                        "pexels.api-key",
                        "openai.api-key",
                        "elevenlabs.api-key",
                        "youtube.client-id",
                        "youtube.client-secret",
                        "youtube.refresh-token",
                        "s3.access-key-id",
                        "s3.secret-access-key");
        assertThat(mocks.exports())
                .hasSize(settings.size())
                .contains("export ACOG_OPENAI_BASE_URL=" + settings.get("openai.base-url"))
                .contains("export ACOG_S3_PATH_STYLE=true")
                .contains("export ACOG_YOUTUBE_CHUNK_SIZE=1MiB")
                .allMatch(line -> line.matches("export ACOG_[A-Z0-9_]+=[A-Za-z0-9_./:@%+=,-]+"));
        assertThat(MockProvidersCommand.lines(mocks))
                .containsAll(mocks.exports())
                .anyMatch(line -> line.startsWith("#")
                        && line.contains("./demo --providers openai,elevenlabs,heygen,runway,youtube,s3"));
        assertThat(mocks.s3().baseUrl()).startsWith("http://127.0.0.1:");
        // four servers, four ports
        assertThat(List.of(
                        mocks.openAi().server().port(),
                        mocks.elevenLabs().server().port(),
                        mocks.youTube().server().port(),
                        mocks.s3().server().port()))
                .doesNotHaveDuplicates();
    }

    @Test
    void openAiAnswersEachSchemaWithJsonOfItsShapeAboutTheIdeasTopicAndCountsTokens() throws Exception {
        Map<String, List<String>> required = Map.of(
                "episode_plan", List.of("hook", "intro", "sections", "key_facts", "ctas", "broll_suggestions"),
                "episode_script", List.of("segments"),
                "script_review", List.of("approved", "notes"),
                "episode_metadata", List.of("final_title", "description", "tags", "thumbnail_prompt", "social_copy"));
        for (Map.Entry<String, List<String>> schema : required.entrySet()) {
            ObjectNode body = JSON.createObjectNode().put("model", "gpt-4.1-mini");
            body.putArray("messages")
                    .addObject()
                    .put("role", "user")
                    .put("content", "The episode's idea (JSON):\n{\n  \"topic\" : \"Why \\\"dark\\\" matter\"\n}");
            body.putObject("response_format")
                    .put("type", "json_schema")
                    .putObject("json_schema")
                    .put("name", schema.getKey())
                    .put("strict", true);

            HttpResponse<String> response = post(
                    mocks.settings().get("openai.base-url") + "/chat/completions",
                    body,
                    "Authorization",
                    "Bearer " + OpenAiMock.API_KEY);

            assertThat(response.statusCode()).as(schema.getKey()).isEqualTo(200);
            JsonNode completion = JSON.readTree(response.body());
            assertThat(completion.path("model").asText()).isEqualTo("gpt-4.1-mini");
            assertThat(completion.path("choices").path(0).path("finish_reason").asText())
                    .isEqualTo("stop");
            JsonNode answer = JSON.readTree(completion
                    .path("choices")
                    .path(0)
                    .path("message")
                    .path("content")
                    .asText());
            assertThat(answer.properties().stream().map(Map.Entry::getKey).toList())
                    .as(schema.getKey())
                    .containsExactlyInAnyOrderElementsOf(schema.getValue());
            JsonNode usage = completion.path("usage");
            assertThat(usage.path("prompt_tokens").asLong()).isPositive();
            assertThat(usage.path("completion_tokens").asLong()).isPositive();
            assertThat(usage.path("total_tokens").asLong())
                    .isEqualTo(usage.path("prompt_tokens").asLong()
                            + usage.path("completion_tokens").asLong());
            if (schema.getKey().equals("episode_script")) {
                assertThat(answer.path("segments").findValuesAsText("kind")).contains("AVATAR", "BROLL", "VOICEOVER");
                assertThat(answer.path("segments").path(0).path("text").asText())
                        .contains("Why \"dark\" matter");
            }
            if (schema.getKey().equals("script_review")) {
                assertThat(answer.path("approved").asBoolean()).isTrue();
            }
        }
        assertThat(mocks.openAi().requested())
                .contains(
                        OpenAiMock.Answer.PLAN,
                        OpenAiMock.Answer.SCRIPT,
                        OpenAiMock.Answer.REVIEW,
                        OpenAiMock.Answer.METADATA);

        ObjectNode unknown = JSON.createObjectNode();
        unknown.putObject("response_format").putObject("json_schema").put("name", "poem");
        HttpResponse<String> refused = post(
                mocks.settings().get("openai.base-url") + "/chat/completions",
                unknown,
                "Authorization",
                "Bearer " + OpenAiMock.API_KEY);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'poem'");
        HttpResponse<String> wrongKey = post(
                mocks.settings().get("openai.base-url") + "/chat/completions",
                unknown,
                "Authorization",
                "Bearer sk-other");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).contains("invalid_api_key");
    }

    @Test
    void elevenLabsSpeaksMp3AndPcmThatFfmpegDecodesForAsLongAsTheAlignmentSays(@TempDir Path dir) throws Exception {
        String text = "Near a black hole, time itself slows down. Ça alors!";
        for (String format : List.of("mp3_44100_128", "mp3_22050_32", "pcm_22050")) {
            HttpResponse<String> response = post(
                    mocks.settings().get("elevenlabs.base-url") + "/v1/text-to-speech/any-voice/with-timestamps"
                            + "?output_format=" + format,
                    JSON.createObjectNode().put("text", text).put("model_id", "eleven_multilingual_v2"),
                    "xi-api-key",
                    ElevenLabsMock.API_KEY);

            assertThat(response.statusCode()).as(format).isEqualTo(200);
            assertThat(response.headers().firstValue("request-id")).isPresent();
            assertThat(response.headers().firstValue("character-cost")).hasValue(Integer.toString(text.length()));
            JsonNode answer = JSON.readTree(response.body());
            JsonNode alignment = answer.path("alignment");
            StringBuilder characters = new StringBuilder();
            alignment.path("characters").forEach(character -> characters.append(character.asText()));
            assertThat(characters.toString()).isEqualTo(text);
            JsonNode ends = alignment.path("character_end_times_seconds");
            assertThat(alignment.path("character_start_times_seconds").size()).isEqualTo(text.length());
            assertThat(ends.size()).isEqualTo(text.length());
            double spoken = ends.get(ends.size() - 1).asDouble();
            assertThat(spoken).isCloseTo(text.length() * ElevenLabsMock.SECONDS_PER_CHARACTER, within(0.1));

            Path audio = dir.resolve("speech-" + format);
            Files.write(
                    audio,
                    Base64.getDecoder().decode(answer.path("audio_base64").asText()));
            List<String> input = format.startsWith("pcm")
                    ? List.of("-f", "s16le", "-ar", "22050", "-ac", "1", "-i", audio.toString())
                    : List.of("-f", "mp3", "-i", audio.toString());
            List<String> arguments = new ArrayList<>(List.of("-v", "error", "-xerror"));
            arguments.addAll(input);
            arguments.addAll(List.of("-f", "null", "-"));
            AtomicLong decodedMs = new AtomicLong();
            ffmpeg.run(arguments, Duration.ofMinutes(1), decodedMs::set);
            assertThat(decodedMs.get() / 1000.0).as(format).isCloseTo(spoken, within(0.15));
        }

        HttpResponse<String> wrongKey = post(
                mocks.settings().get("elevenlabs.base-url") + "/v1/text-to-speech/any-voice/with-timestamps",
                JSON.createObjectNode().put("text", text),
                "xi-api-key",
                "someone-else");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        HttpResponse<String> noText = post(
                mocks.settings().get("elevenlabs.base-url") + "/v1/text-to-speech/any-voice/with-timestamps",
                JSON.createObjectNode().put("model_id", "eleven_multilingual_v2"),
                "xi-api-key",
                ElevenLabsMock.API_KEY);
        assertThat(noText.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(noText.body()).path("detail").isArray()).isTrue();
    }

    @Test
    void s3KeepsWhatTheS3AdapterStoresWholeOrInPartsAndForgetsWhatItDeletes() throws Exception {
        Map<String, String> settings = new HashMap<>(mocks.settings());
        settings.put("s3.multipart-threshold", "5MiB");
        settings.put("s3.part-size", "5MiB");
        settings.put("s3.prefix", "test/");
        AssetStorage storage = storage(ProviderConfig.of(settings));
        byte[] small = "WEBVTT voice".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[11 * 1024 * 1024 + 17];
        new Random(7).nextBytes(large);

        URI smallUri = storage.store("episodes/1/voice 1.txt", Media.ofBytes("voice.txt", "text/plain", small));
        URI largeUri = storage.store("episodes/1/video.mp4", Media.ofBytes("video.mp4", "video/mp4", large));

        assertThat(smallUri).hasToString("s3://" + S3Mock.BUCKET + "/test/episodes/1/voice%201.txt");
        assertThat(mocks.s3()
                        .object("test/episodes/1/voice 1.txt")
                        .orElseThrow()
                        .bytes())
                .isEqualTo(small);
        S3Mock.StoredObject video =
                mocks.s3().object("test/episodes/1/video.mp4").orElseThrow();
        assertThat(video.contentType()).isEqualTo("video/mp4");
        assertThat(video.etag()).endsWith("-3\""); // three parts
        assertThat(mocks.s3().uploadsInProgress()).isZero();
        try (InputStream in = storage.open(smallUri)) {
            assertThat(in.readAllBytes()).isEqualTo(small);
        }
        try (InputStream in = storage.open(largeUri)) {
            assertThat(Arrays.equals(in.readAllBytes(), large)).isTrue();
        }

        storage.delete(smallUri);
        assertThat(mocks.s3().object("test/episodes/1/voice 1.txt")).isEmpty();
        assertThatThrownBy(() -> storage.open(smallUri).close()).isInstanceOf(FileNotFoundException.class);

        Map<String, String> stranger = new HashMap<>(mocks.settings());
        stranger.put("s3.access-key-id", "AKIASOMEONEELSE00000");
        stranger.put("s3.max-attempts", "1");
        assertThatThrownBy(
                        () -> storage(ProviderConfig.of(stranger)).store("x", Media.ofBytes("x", "text/plain", small)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("InvalidAccessKeyId");
    }

    @Test
    void youTubeTakesAResumableUploadInChunksAndKeepsTheVideoWithItsThumbnailAndCaptions() throws Exception {
        Map<String, String> settings = mocks.settings();
        HttpResponse<String> token = HTTP.send(
                HttpRequest.newBuilder(URI.create(settings.get("youtube.token-url")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                                + YouTubeMock.REFRESH_TOKEN + "&client_id=" + YouTubeMock.CLIENT_ID
                                + "&client_secret=" + YouTubeMock.CLIENT_SECRET))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String bearer =
                "Bearer " + JSON.readTree(token.body()).path("access_token").asText();
        byte[] file = new byte[300_000];
        new Random(3).nextBytes(file);
        String upload = settings.get("youtube.upload-base-url") + "/upload/youtube/v3/videos";
        ObjectNode resource = JSON.createObjectNode();
        resource.putObject("snippet").put("title", "A title");
        resource.putObject("status").put("privacyStatus", "private");

        HttpResponse<String> started = HTTP.send(
                HttpRequest.newBuilder(URI.create(upload + "?uploadType=resumable&part=snippet,status"))
                        .header("Authorization", bearer)
                        .header("X-Upload-Content-Length", Integer.toString(file.length))
                        .header("X-Upload-Content-Type", "video/mp4")
                        .POST(HttpRequest.BodyPublishers.ofString(resource.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(200);
        URI session = URI.create(started.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> first = chunk(session, bearer, file, 0, 262_144);
        assertThat(first.statusCode()).isEqualTo(308);
        assertThat(first.headers().firstValue("Range")).hasValue("bytes=0-262143");
        HttpResponse<String> again = chunk(session, bearer, file, 0, 262_144); // not where the session stands
        assertThat(again.headers().firstValue("Range")).hasValue("bytes=0-262143");
        HttpResponse<String> last = chunk(session, bearer, file, 262_144, file.length - 262_144);
        assertThat(last.statusCode()).isEqualTo(201);
        String videoId = JSON.readTree(last.body()).path("id").asText();
        HttpResponse<String> status = HTTP.send(
                HttpRequest.newBuilder(session)
                        .header("Authorization", bearer)
                        .header("Content-Range", "bytes */" + file.length)
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).path("id").asText()).isEqualTo(videoId);

        HttpResponse<String> thumbnail = HTTP.send(
                HttpRequest.newBuilder(URI.create(settings.get("youtube.upload-base-url")
                                + "/upload/youtube/v3/thumbnails/set?videoId=" + videoId))
                        .header("Authorization", bearer)
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        HttpResponse<String> captions = HTTP.send(
                HttpRequest.newBuilder(URI.create(settings.get("youtube.upload-base-url")
                                + "/upload/youtube/v3/captions?uploadType=multipart&part=snippet"))
                        .header("Authorization", bearer)
                        .header("Content-Type", "multipart/related; boundary=b")
                        .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Type: application/json\r\n\r\n"
                                + "{\"snippet\":{\"videoId\":\"" + videoId + "\",\"language\":\"en\"}}\r\n--b\r\n"
                                + "Content-Type: application/octet-stream\r\n\r\n1\n00:00:00,000 --> 00:00:01,000\n"
                                + "Hi\r\n--b--\r\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(captions.statusCode()).isEqualTo(200);

        YouTubeMock.Video video = mocks.youTube().video(videoId).orElseThrow();
        assertThat(Arrays.equals(video.bytes(), file)).isTrue();
        assertThat(video.contentType()).isEqualTo("video/mp4");
        assertThat(video.resource().path("snippet").path("title").asText()).isEqualTo("A title");
        assertThat(video.thumbnail())
                .hasValueSatisfying(image -> assertThat(image).containsExactly(1, 2, 3));
        assertThat(video.captions()).singleElement().asString().contains("00:00:00,000 --> 00:00:01,000");
        assertThat(mocks.youTube().sessions()).contains(session.getQuery().replaceAll(".*upload_id=", ""));

        HttpResponse<String> unauthorised = chunk(session, "Bearer forged", file, 0, 10);
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        HttpResponse<String> revoked = HTTP.send(
                HttpRequest.newBuilder(URI.create(settings.get("youtube.token-url")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=old"
                                + "&client_id=" + YouTubeMock.CLIENT_ID + "&client_secret="
                                + YouTubeMock.CLIENT_SECRET))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(400);
        assertThat(revoked.body()).contains("invalid_grant");
    }

    private static HttpResponse<String> chunk(URI session, String bearer, byte[] file, int from, int length)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(session)
                        .header("Authorization", bearer)
                        .header("Content-Range", "bytes " + from + "-" + (from + length - 1) + "/" + file.length)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(file, from, length))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, JsonNode body, String header, String value)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header(header, value)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The storage the S3 plugin registers with these settings, as a pipeline would get it. */
    static AssetStorage storage(ProviderConfig config) {
        return OfferedProviders.of("s3", config).the(AssetStorage.class);
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
