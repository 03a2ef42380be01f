package io.acog.providers.elevenlabs;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.providers.http.ReadDeadline;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One {@code POST /v1/text-to-speech/{voice_id}/with-timestamps}: the request's JSON, and its
 * answer read as it arrives, the audio decoded from {@code audio_base64} straight into the
 * stitched file (a ten-minute part is megabytes of base64, never held whole). Thread-safe.
 */
final class TextToSpeechClient {

    /** What the call does, as messages name it. */
    static final String WHAT = "text-to-speech";

    /** How much of an error body is read. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final ProviderHttp http;
    private final Secret apiKey;
    private final String baseUrl;
    private final AudioEncoding encoding;
    private final boolean enableLogging;
    private final Duration timeout;

    TextToSpeechClient(ElevenLabsSettings settings) {
        this.apiKey = settings.apiKey();
        this.baseUrl = settings.baseUrl().toString();
        this.encoding = settings.encoding();
        this.enableLogging = settings.enableLogging();
        this.timeout = settings.timeout();
        this.http = ProviderHttp.builder(ElevenLabsSettings.NAME)
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.timeout())
                .secrets(settings.apiKey())
                .build();
    }

    ProviderHttp http() {
        return http;
    }

    /**
     * What one request sends beside the voice.
     *
     * @param text the text to speak
     * @param previousText the text before it, for the intonation; null for none
     * @param nextText the text after it; null for none
     * @param previousRequestIds the request ids of the parts before it, at most three; empty when
     *     not stitching
     */
    record Part(String text, String previousText, String nextText, List<String> previousRequestIds) {
        Part {
            previousRequestIds = List.copyOf(previousRequestIds);
        }
    }

    /**
     * What one request answered beside its audio.
     *
     * @param requestId its {@code request-id} header; null when absent
     * @param characterCost its {@code character-cost} header; null when absent or unreadable
     * @param alignment its {@code alignment}; null when absent
     */
    record Answer(String requestId, Long characterCost, Alignment alignment) {}

    /**
     * Speaks one part.
     *
     * @param voice the voice, model and settings
     * @param part the text and its neighbours
     * @param audio where the decoded audio goes
     * @return the answer's request id, cost and character times
     * @throws ProviderException when the call fails, classified
     */
    Answer speak(VoiceChoice voice, Part part, OutputStream audio) {
        HttpRequest request = http.request(uri(voice.voiceId()))
                .header("xi-api-key", apiKey.reveal())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(voice, part)))
                .build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream(), WHAT);
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        InputStream body = response.body();
        ReadDeadline deadline = ReadDeadline.arm(body, left.isNegative() ? Duration.ZERO : left);
        try (body;
                deadline) {
            if (response.statusCode() / 100 != 2) {
                throw ElevenLabsErrors.classify(http, response, body.readNBytes(ERROR_BODY_LIMIT), voice.voiceId());
            }
            Alignment alignment = read(body, audio);
            return new Answer(
                    response.headers().firstValue("request-id").orElse(null), characterCost(response), alignment);
        } catch (IOException e) {
            if (deadline.fired()) { // the body was closed under the reader, whatever it then saw
                throw ProviderException.retryable(
                        http.provider(),
                        Reason.TIMEOUT,
                        http.message(request, WHAT, "no whole answer within " + timeout, null),
                        null);
            }
            if (e instanceof JacksonException json) {
                throw JsonBodies.malformed(http, "the with-timestamps answer", json.getOriginalMessage());
            }
            throw ProviderException.retryable(
                    http.provider(),
                    Reason.UNAVAILABLE,
                    http.message(request, WHAT, "the connection failed while the answer was read (" + e + ")", null),
                    null);
        }
    }

    private URI uri(String voiceId) {
        String voice = URLEncoder.encode(voiceId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(baseUrl + "/v1/text-to-speech/" + voice + "/with-timestamps?output_format="
                + encoding.outputFormat() + "&enable_logging=" + enableLogging);
    }

    private static byte[] body(VoiceChoice voice, Part part) {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("text", part.text());
        body.put("model_id", voice.model());
        if (voice.voiceSettings() != null) {
            body.set("voice_settings", voice.voiceSettings());
        }
        if (voice.seed() != null) {
            body.put("seed", voice.seed());
        }
        if (part.previousText() != null) {
            body.put("previous_text", part.previousText());
        }
        if (part.nextText() != null) {
            body.put("next_text", part.nextText());
        }
        if (!part.previousRequestIds().isEmpty()) {
            ArrayNode ids = body.putArray("previous_request_ids");
            part.previousRequestIds().forEach(ids::add);
        }
        try {
            return JsonBodies.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the text-to-speech request", e);
        }
    }

    /**
     * Reads {@code {audio_base64, alignment, normalized_alignment}} in whatever order, the audio
     * decoded into {@code audio} as it streams.
     */
    private Alignment read(InputStream body, OutputStream audio) throws IOException {
        Alignment alignment = null;
        long audioBytes = -1;
        try (JsonParser json = JsonBodies.MAPPER.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw JsonBodies.malformed(http, "the with-timestamps answer", "it is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("audio_base64")) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw JsonBodies.malformed(http, "the with-timestamps answer", "audio_base64 is not a string");
                    }
                    try {
                        audioBytes = json.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, audio);
                    } catch (IllegalArgumentException e) { // how Jackson refuses a character base64 has not
                        throw JsonBodies.malformed(
                                http,
                                "the with-timestamps answer",
                                "audio_base64 is not base64 (" + e.getMessage() + ")");
                    }
                } else if (field.equals("alignment")) {
                    alignment = Alignment.parse(JsonBodies.MAPPER.readTree(json));
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                throw JsonBodies.malformed(http, "the with-timestamps answer", "it ends before its object closes");
            }
        }
        if (audioBytes <= 0) {
            throw JsonBodies.malformed(
                    http, "the with-timestamps answer", "it has no audio (audio_base64 missing or empty)");
        }
        return alignment;
    }

    private static Long characterCost(HttpResponse<?> response) {
        return response.headers()
                .firstValue("character-cost")
                .map(value -> {
                    try {
                        return new BigDecimal(value.trim()).longValue();
                    } catch (NumberFormatException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
