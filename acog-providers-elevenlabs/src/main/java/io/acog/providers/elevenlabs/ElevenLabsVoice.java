package io.acog.providers.elevenlabs;

import io.acog.providers.elevenlabs.ScriptChunks.Chunk;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderLimits;
import io.acog.spi.Usage;
import io.acog.spi.VoiceSynthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code audio} stage on ElevenLabs' text-to-speech with timestamps. The script goes in one
 * request when it fits the model's character limit, else in parts sent in order, each stitched to
 * the ones before by their request ids (unless logging is off, which ElevenLabs' zero retention
 * requires, or the model is {@code eleven_v3}) and given the neighbouring text. The parts' audio is
 * joined into one file and their character times into each line's and word's time. ElevenLabs has
 * no idempotency key: a retried call speaks (and is billed) again. Thread-safe: calls share nothing
 * but the HTTP client.
 */
final class ElevenLabsVoice implements VoiceSynthesizer {

    private static final Logger LOG = LoggerFactory.getLogger(ElevenLabsVoice.class);

    /** ElevenLabs takes at most three previous request ids. */
    private static final int STITCHED_REQUESTS = 3;

    /** The length of the assets table's {@code provider_job_id}. */
    private static final int JOB_ID_LENGTH = 255;

    private final ElevenLabsSettings settings;
    private final TextToSpeechClient client;

    ElevenLabsVoice(ElevenLabsSettings settings) {
        this.settings = settings;
        this.client = new TextToSpeechClient(settings);
    }

    @Override
    public String name() {
        return ElevenLabsSettings.NAME;
    }

    /**
     * Returns the account's concurrent requests, {@code elevenlabs.concurrent-requests}: ACOG keeps
     * the whole fleet's calls within it. A call's parts go one after the other, so each call holds
     * one request at a time.
     */
    @Override
    public ProviderLimits limits() {
        return ProviderLimits.none().withConcurrentRequests(settings.concurrentRequests());
    }

    @Override
    public Speech synthesize(SpeechRequest request, ProviderCall call) {
        if (request.lines().isEmpty()) {
            throw ProviderException.permanent(name(), Reason.INVALID_REQUEST, "the script has no line to speak");
        }
        VoiceChoice voice = VoiceChoice.of(request.channel().voiceProfile(), settings);
        int limit = settings.maxCharacters().orElse(ModelLimits.characters(voice.model()));
        List<Chunk> chunks = ScriptChunks.split(request.lines(), limit);
        boolean stitch = settings.enableLogging() && ModelLimits.stitches(voice.model());
        AudioEncoding encoding = settings.encoding();
        try (StitchedAudio audio = StitchedAudio.create(encoding)) {
            SpeechTimings timings = new SpeechTimings();
            Deque<String> recentIds = new ArrayDeque<>();
            List<String> requestIds = new ArrayList<>();
            long characters = 0;
            double offsetSeconds = 0;
            for (int i = 0; i < chunks.size(); i++) {
                if (call.cancelRequested()) { // before each part: each is billed
                    throw ProviderException.permanent(
                            name(), Reason.INVALID_REQUEST, "the episode was cancelled; its speech was stopped");
                }
                Chunk chunk = chunks.get(i);
                TextToSpeechClient.Part part = new TextToSpeechClient.Part(
                        chunk.text(),
                        ScriptChunks.previousText(chunks, i),
                        ScriptChunks.nextText(chunks, i),
                        stitch ? List.copyOf(recentIds) : List.of());
                TextToSpeechClient.Answer answer = client.speak(voice, part, audio.nextPart());
                long bytes = audio.endPart();
                timings.add(chunk, answer.alignment(), offsetSeconds);
                offsetSeconds += bytes > 0
                        ? encoding.seconds(bytes)
                        : answer.alignment() == null ? 0 : answer.alignment().lastEnd();
                characters += answer.characterCost() != null
                        ? answer.characterCost()
                        : chunk.text().codePointCount(0, chunk.text().length());
                if (answer.requestId() != null) {
                    requestIds.add(answer.requestId());
                    recentIds.addLast(answer.requestId());
                    if (recentIds.size() > STITCHED_REQUESTS) {
                        recentIds.removeFirst();
                    }
                }
                LOG.debug(
                        "ElevenLabs spoke part {} of {} ({} characters, request {}, {} bytes of audio)",
                        i + 1,
                        chunks.size(),
                        chunk.text().length(),
                        answer.requestId(),
                        bytes);
                call.progress((double) (i + 1) / chunks.size());
            }
            FileMedia media = audio.finish("voice");
            return new Speech(
                    media,
                    Math.round(offsetSeconds * 1000),
                    timings.build(request.lines()),
                    jobId(requestIds),
                    usage(characters));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ElevenLabs' speech to a temporary file", e);
        }
    }

    private Usage usage(long characters) {
        BigDecimal cost = settings.pricePer1kCharacters()
                .multiply(BigDecimal.valueOf(characters))
                .divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64);
        return Usage.cost(cost).withCharacters(characters).withCredits(BigDecimal.valueOf(characters));
    }

    /** The request ids, comma-separated; the first and last when all would not fit the column. */
    private static String jobId(List<String> requestIds) {
        if (requestIds.isEmpty()) {
            return null;
        }
        String all = String.join(",", requestIds);
        if (all.length() <= JOB_ID_LENGTH) {
            return all;
        }
        String ends = requestIds.get(0) + ",…," + requestIds.get(requestIds.size() - 1);
        return ends.length() <= JOB_ID_LENGTH ? ends : ends.substring(0, JOB_ID_LENGTH);
    }

    @Override
    public String toString() {
        return "ElevenLabsVoice[" + settings.baseUrl() + ", " + settings.model() + ", "
                + settings.encoding().outputFormat() + "]";
    }
}
