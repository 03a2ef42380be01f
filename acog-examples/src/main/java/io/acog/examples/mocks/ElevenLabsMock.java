package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.providers.ffmpeg.Ffmpeg;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ElevenLabs' text-to-speech, served locally: {@code POST /v1/text-to-speech/{voice_id}/with-timestamps}
 * answers {@code {audio_base64, alignment, normalized_alignment}} with the {@code request-id} and
 * {@code character-cost} headers, for any voice and model. The audio is a real, decodable tone in
 * the {@code output_format} asked for (MP3 or PCM), {@link #SECONDS_PER_CHARACTER} long for each
 * character of the text, and the alignment times every character of the text as sent, evenly over
 * the audio. {@code POST /v1/text-to-speech/{voice_id}} answers the audio alone.
 *
 * <p>Requests need the header {@code xi-api-key: }{@value #API_KEY} (else 401, as ElevenLabs
 * answers a wrong key) and a non-blank {@code text} (else 422 in FastAPI's shape). Thread-safe.
 */
public final class ElevenLabsMock implements AutoCloseable {

    /** The API key the mock accepts: a dummy. */
    public static final String API_KEY = "mock-elevenlabs-key";

    /** How long the mock takes to say one character: about 170 words a minute. */
    public static final double SECONDS_PER_CHARACTER = 0.065;

    /** ElevenLabs' default {@code output_format}, prepared when the mock starts. */
    public static final String DEFAULT_OUTPUT_FORMAT = "mp3_44100_128";

    private static final String WITH_TIMESTAMPS = "/v1/text-to-speech/[^/]+/with-timestamps";
    private static final String AUDIO_ONLY = "/v1/text-to-speech/[^/]+(/stream)?";

    private final WireMockServer server;
    private final String baseUrl;
    private final Ffmpeg ffmpeg;
    private final Map<String, SpeechTone> tones = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private ElevenLabsMock(Listen listen, Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        tones.put(DEFAULT_OUTPUT_FORMAT, SpeechTone.of(DEFAULT_OUTPUT_FORMAT, ffmpeg));
        this.server = MockHttp.start(listen, new Speaker());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(
                post(urlPathMatching(WITH_TIMESTAMPS)).willReturn(aResponse().withTransformers(Speaker.NAME)));
        server.stubFor(post(urlPathMatching(AUDIO_ONLY)).willReturn(aResponse().withTransformers(Speaker.NAME)));
    }

    /**
     * Starts the mock; the tone of the default output format is encoded first, by ffmpeg.
     *
     * @param listen where it listens
     * @param ffmpeg what encodes MP3 tones (one per output format, when first asked for)
     * @return the running mock
     * @throws io.acog.providers.ffmpeg.FfmpegException when ffmpeg cannot encode the tone
     */
    public static ElevenLabsMock start(Listen listen, Ffmpeg ffmpeg) {
        return new ElevenLabsMock(listen, ffmpeg);
    }

    /**
     * Returns the settings that point the ElevenLabs adapter at this mock: {@code
     * elevenlabs.api-key} and {@code elevenlabs.base-url}.
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of("elevenlabs.api-key", API_KEY, "elevenlabs.base-url", baseUrl);
    }

    /**
     * Returns the JSON bodies of the speech requests received, oldest first (as many as the
     * journal keeps).
     *
     * @return the bodies
     */
    public List<JsonNode> speechRequests() {
        return MockHttp.requests(server).stream()
                .filter(request -> MockHttp.path(request.getUrl()).matches(WITH_TIMESTAMPS))
                .map(request -> MockHttp.readJson(request.getBody()))
                .toList();
    }

    /**
     * Returns where the mock is reached, e.g. {@code http://127.0.0.1:8080}.
     *
     * @return the URL, without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the WireMock server, for a test to read its journal.
     *
     * @return the server
     */
    public WireMockServer server() {
        return server;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    /** Speaks the request's text. */
    private final class Speaker implements ResponseDefinitionTransformerV2 {

        static final String NAME = "elevenlabs-speaker";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            if (!API_KEY.equals(request.getHeader("xi-api-key"))) {
                ObjectNode detail = MockHttp.MAPPER.createObjectNode();
                detail.putObject("detail")
                        .put("status", "invalid_api_key")
                        .put("message", "Invalid API key (the mock takes xi-api-key: " + API_KEY + ")");
                return MockHttp.json(401, detail);
            }
            JsonNode body = MockHttp.readJson(request.getBody());
            String text = body == null ? "" : body.path("text").asText("");
            if (text.isBlank()) {
                return invalid("body", "text", "Field required: the text to speak");
            }
            String format = request.queryParameter("output_format").isPresent()
                    ? request.queryParameter("output_format").firstValue()
                    : DEFAULT_OUTPUT_FORMAT;
            if (!SpeechTone.supports(format)) {
                return invalid("query", "output_format", "the mock speaks mp3_<rate>_<kbps> and pcm_<rate> only");
            }
            SpeechTone tone = tones.computeIfAbsent(format, key -> SpeechTone.of(key, ffmpeg));
            int characters = text.codePointCount(0, text.length());
            SpeechTone.Audio audio = tone.audio(characters * SECONDS_PER_CHARACTER);
            String requestId = "mock-request-" + requests.incrementAndGet();
            var answer = aResponse()
                    .withStatus(200)
                    .withHeader("request-id", requestId)
                    .withHeader("character-cost", Integer.toString(characters));
            if (!MockHttp.path(request.getUrl()).endsWith("/with-timestamps")) {
                return answer.withHeader("Content-Type", format.startsWith("mp3") ? "audio/mpeg" : "audio/pcm")
                        .withBody(audio.bytes())
                        .build();
            }
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("audio_base64", Base64.getEncoder().encodeToString(audio.bytes()));
            json.set("alignment", alignment(text, audio.seconds()));
            json.set("normalized_alignment", alignment(text, audio.seconds()));
            return answer.withHeader("Content-Type", "application/json")
                    .withBody(json.toString())
                    .build();
        }

        /** Every character of the text, timed evenly over the audio. */
        private ObjectNode alignment(String text, double seconds) {
            int[] codePoints = text.codePoints().toArray();
            ObjectNode alignment = MockHttp.MAPPER.createObjectNode();
            ArrayNode characters = alignment.putArray("characters");
            ArrayNode starts = alignment.putArray("character_start_times_seconds");
            ArrayNode ends = alignment.putArray("character_end_times_seconds");
            for (int i = 0; i < codePoints.length; i++) {
                characters.add(new String(Character.toChars(codePoints[i])));
                starts.add(time(seconds * i / codePoints.length));
                ends.add(time(seconds * (i + 1) / codePoints.length));
            }
            return alignment;
        }

        private static BigDecimal time(double seconds) {
            return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP);
        }

        /** A validation error in FastAPI's shape, as ElevenLabs answers one. */
        private static ResponseDefinition invalid(String where, String field, String message) {
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.putArray("detail")
                    .addObject()
                    .put("msg", message)
                    .put("type", "value_error")
                    .putArray("loc")
                    .add(where)
                    .add(field);
            return MockHttp.json(422, json);
        }
    }
}
