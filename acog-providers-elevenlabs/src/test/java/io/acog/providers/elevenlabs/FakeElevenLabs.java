package io.acog.providers.elevenlabs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.JsonBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ElevenLabs' text-to-speech with timestamps, served locally: it answers what the real service
 * documents ({@code audio_base64}, {@code alignment}, {@code normalized_alignment}, the {@code
 * request-id} and {@code character-cost} headers) for whatever text it is sent. Each character is
 * "spoken" for a fixed time by its kind ({@link #millis(int)}), and the audio is as many bytes as
 * that time takes at the requested output format's byte rate, every byte of the n-th request being
 * n, so a test can tell the requests' audio apart in the joined file.
 *
 * <p>Stub parameters: {@code id3} (an ID3v2 tag of {@link #TAG_BYTES} bytes before the audio),
 * {@code noAlignment}, {@code noCost}, {@code dropBlankLines} (the alignment leaves out the blank
 * line between two lines, as a normalizing service might).
 */
final class FakeElevenLabs implements AutoCloseable {

    static final String API_KEY = "sk_test_3f9a1c2b7d4e5f60718293a4b5c6d7e8";
    static final String SPEECH = "/v1/text-to-speech/[^/]+/with-timestamps";
    static final int TAG_BYTES = 100;

    final WireMockServer server;
    private final AtomicInteger requests = new AtomicInteger();

    FakeElevenLabs() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Speaker()));
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Answers every text-to-speech request by speaking its text. */
    FakeElevenLabs speaking(Map<String, Object> parameters) {
        ResponseDefinitionBuilder answer = aResponse().withTransformers(Speaker.NAME);
        parameters.forEach(answer::withTransformerParameter);
        server.stubFor(post(urlPathMatching(SPEECH)).willReturn(answer));
        return this;
    }

    FakeElevenLabs speaking() {
        return speaking(Map.of());
    }

    /** The text-to-speech requests received, in order. */
    List<LoggedRequest> speechRequests() {
        return server
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathMatching(SPEECH)))
                .stream()
                .toList();
    }

    /** The JSON bodies of the text-to-speech requests received, in order. */
    List<JsonNode> speechBodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : speechRequests()) {
            try {
                bodies.add(JsonBodies.MAPPER.readTree(request.getBody()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodies;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** How long the fake speaks a character, in milliseconds: letters 60, spaces 20, the rest 90. */
    static int millis(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return 60;
        }
        return Character.isWhitespace(codePoint) ? 20 : 90;
    }

    /** When each character of {@code text} (by code point) starts and ends, in milliseconds. */
    static long[][] times(String text) {
        int[] codePoints = text.codePoints().toArray();
        long[] starts = new long[codePoints.length];
        long[] ends = new long[codePoints.length];
        long at = 0;
        for (int i = 0; i < codePoints.length; i++) {
            starts[i] = at;
            at += millis(codePoints[i]);
            ends[i] = at;
        }
        return new long[][] {starts, ends};
    }

    /** How long the fake speaks {@code text}, in milliseconds. */
    static long duration(String text) {
        return text.codePoints().map(FakeElevenLabs::millis).sum();
    }

    /** The audio bytes a second of the output format, as ElevenLabs' constant bit rates give. */
    static int bytesPerSecond(String outputFormat) {
        return AudioEncoding.parse(outputFormat).orElseThrow().bytesPerSecond();
    }

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
            int number = requests.incrementAndGet();
            Parameters parameters = event.getTransformerParameters();
            String text;
            try {
                text = JsonBodies.MAPPER
                        .readTree(event.getRequest().getBody())
                        .get("text")
                        .asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String format = event.getRequest().queryParameter("output_format").firstValue();
            long[][] times = times(text);
            long bytes = duration(text) * bytesPerSecond(format) / 1000;
            byte[] audio = new byte[Math.toIntExact(bytes)];
            Arrays.fill(audio, (byte) number);
            if (parameters.getBoolean("id3", false)) {
                byte[] tagged = new byte[TAG_BYTES + audio.length];
                byte[] header = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, (byte) (TAG_BYTES - 10)};
                System.arraycopy(header, 0, tagged, 0, header.length);
                System.arraycopy(audio, 0, tagged, TAG_BYTES, audio.length);
                audio = tagged;
            }
            ObjectNode body = JsonBodies.MAPPER.createObjectNode();
            body.put("audio_base64", Base64.getEncoder().encodeToString(audio));
            if (parameters.getBoolean("noAlignment", false)) {
                body.putNull("alignment");
            } else {
                body.set("alignment", alignment(text, times, parameters.getBoolean("dropBlankLines", false)));
            }
            body.set("normalized_alignment", alignment(text, times, false));
            ResponseDefinitionBuilder answer = aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("request-id", "req-" + number)
                    .withBody(body.toString());
            if (!parameters.getBoolean("noCost", false)) {
                answer.withHeader("character-cost", String.valueOf(text.codePointCount(0, text.length())));
            }
            return answer.build();
        }

        private ObjectNode alignment(String text, long[][] times, boolean dropBlankLines) {
            ObjectNode alignment = JsonBodies.MAPPER.createObjectNode();
            ArrayNode characters = alignment.putArray("characters");
            ArrayNode starts = alignment.putArray("character_start_times_seconds");
            ArrayNode ends = alignment.putArray("character_end_times_seconds");
            int[] codePoints = text.codePoints().toArray();
            for (int i = 0; i < codePoints.length; i++) {
                if (dropBlankLines && codePoints[i] == '\n') {
                    continue;
                }
                characters.add(new String(Character.toChars(codePoints[i])));
                starts.add(times[0][i] / 1000.0);
                ends.add(times[1][i] / 1000.0);
            }
            return alignment;
        }
    }
}
