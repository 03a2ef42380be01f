package io.acog.providers.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.Cancellation;
import io.acog.spi.ContentWriter;
import io.acog.spi.Media;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.Publisher;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Every provider of the pipeline, offline and deterministic: a plan and a script built from the
 * idea with the channel's persona and style (valid markers, one b-roll clip per section), SEO
 * metadata, speech as a WAV of soft tones timed word by word, and real avatar and b-roll videos
 * made with ffmpeg (or, with {@link MediaMode#PLACEHOLDER}, small JSON files where videos would
 * be). The assembler always writes a JSON placeholder: real assembly is ffmpeg's assembler's.
 * Everything is labelled {@code provider = offline}; prices are illustrative (close to the real
 * services' list prices), so cost tracking has numbers to add.
 *
 * <pre>{@code
 * OfflineProviders offline = OfflineProviders.builder()
 *         .media(OfflineProviders.MediaMode.PLACEHOLDER)  // no ffmpeg: tiny files for videos
 *         .renderPolls(2, Duration.ofSeconds(1))           // renders pending for two polls
 *         .fail("audio", Failure.RETRYABLE, 1, 2)          // the 1st and 2nd audio call fail
 *         .build();
 * EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)).build();
 * ...
 * assertThat(offline.calls("audio")).hasSize(3);
 * }</pre>
 *
 * <p>They serve any provider a channel names ({@code voice_profile.provider = "elevenlabs"} too),
 * so host applications test with their real channel profiles. Thread-safe; no network. With {@link
 * MediaMode#REAL}, the first finished render finds ffmpeg and a font as {@link
 * io.acog.providers.ffmpeg.Ffmpeg#locate} and {@link io.acog.providers.ffmpeg.Fonts#locate} say
 * (settings from {@link Builder#config}), unpacking the bundled ones when none is installed.
 */
public final class OfflineProviders {

    /** The providers' name, as stored in assets and {@code pipeline_state}. */
    public static final String NAME = "offline";
    /** The model the offline writer reports. */
    public static final String MODEL = "offline-writer-1";

    /** Where the offline publisher's videos are watched; {@code .invalid} (RFC 2606) leads nowhere. */
    private static final String WATCH_URL = "https://video.offline.invalid/watch/";

    /** How an injected failure fails. */
    public enum Failure {
        /** A rate limit: {@link ProviderException#retryable()} is true, and an attempt is spent. */
        RETRYABLE,
        /**
         * Over the account's concurrency limit ({@link ProviderException#overConcurrencyLimit}):
         * tried again without spending an attempt.
         */
        CONCURRENCY_LIMITED,
        /** A rejected request: fails the stage at once. */
        PERMANENT
    }

    /** What the avatar renderer and the b-roll generator deliver. */
    public enum MediaMode {
        /**
         * Real videos made with ffmpeg: an avatar card and generated b-roll, H.264 MP4s exactly
         * as long as asked. The default.
         */
        REAL,
        /**
         * Small JSON files describing the video that would be, made without ffmpeg, and a silent
         * narration (a WAV as long, with the same timings, but no tones): for tests and
         * benchmarks that do not look at media, and run fast.
         */
        PLACEHOLDER
    }

    /**
     * One call an offline provider received.
     *
     * @param stage the pipeline stage, e.g. {@code "audio"}
     * @param operation {@code "call"}, or for renders {@code "submit"}, {@code "poll"}, {@code
     *     "cancel"}
     * @param episodeId null for a cancel
     * @param attempt the job's attempt, from 1
     * @param idempotencyKey the key the pipeline passed
     * @param at when the call came, on the system clock
     */
    public record Call(
            String stage, String operation, UUID episodeId, int attempt, String idempotencyKey, Instant at) {}

    /**
     * One video the offline publisher sent to its (imaginary) platform. A publish that resumed
     * from its checkpoint and found the video already there sends none.
     *
     * @param videoId the platform's id of the video, also the publish call's checkpoint
     * @param episodeId the episode published
     * @param video the assembled video sent
     * @param title the title it was published with
     * @param privacy who may watch it
     * @param at when it was sent, on the system clock
     */
    public record Upload(
            String videoId, UUID episodeId, URI video, String title, Publisher.Privacy privacy, Instant at) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal PER_CHARACTER = new BigDecimal("0.0003");
    private static final BigDecimal AVATAR_PER_SECOND = new BigDecimal("0.0167");
    private static final BigDecimal BROLL_PER_SECOND = new BigDecimal("0.05");
    private static final Usage FREE = Usage.cost(BigDecimal.ZERO.setScale(Usage.COST_SCALE));

    private final CallLog log;
    private final int sampleRate;
    private final MediaMode mediaMode;
    private final List<Integer> clipSeconds;
    private final FfmpegFootage footage;

    private final RenderBoard renders;
    private final AtomicLong ids = new AtomicLong();
    /** The videos the publisher's platform holds, by id: what a resumed upload asks about. */
    private final Set<String> published = ConcurrentHashMap.newKeySet();

    private final ConcurrentLinkedQueue<Upload> uploads = new ConcurrentLinkedQueue<>();

    private final TemplateWriter writer;
    private final Voice voice = new Voice();
    private final Avatar avatar = new Avatar();
    private final Broll broll = new Broll();
    private final Assembler assembler = new Assembler();
    private final Uploader uploader = new Uploader();

    private OfflineProviders(Builder builder) {
        this.log = new CallLog(builder.latency, builder.defaultLatency, builder.failures);
        this.renders = new RenderBoard(log, builder.renderPolls, builder.renderCheckAfter);
        this.sampleRate = builder.sampleRate;
        this.mediaMode = builder.mediaMode;
        this.clipSeconds = builder.clipSeconds;
        this.footage = new FfmpegFootage(builder.config);
        this.writer = new TemplateWriter(log, builder.rejectedReviews);
    }

    /**
     * Returns offline providers with no latency, renders done at the first poll, no failures, and
     * real videos.
     *
     * @return the providers
     */
    public static OfflineProviders create() {
        return builder().build();
    }

    /**
     * Starts configuring offline providers.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers all six providers on a pipeline builder.
     *
     * @param pipeline the builder
     * @return the same builder
     */
    public EpisodePipeline.Builder installInto(EpisodePipeline.Builder pipeline) {
        return pipeline.contentWriter(writer)
                .voiceSynthesizer(voice)
                .avatarRenderer(avatar)
                .brollGenerator(broll)
                .videoAssembler(assembler)
                .publisher(uploader);
    }

    /**
     * Returns the offline writer: planning, scripting, review and metadata.
     *
     * @return the writer
     */
    public ContentWriter contentWriter() {
        return writer;
    }

    /**
     * Returns the offline voice: a 16-bit mono WAV with a soft tone for each word, timed by the
     * channel's speaking rate, and the time of every line and word.
     *
     * @return the voice synthesizer
     */
    public VoiceSynthesizer voiceSynthesizer() {
        return voice;
    }

    /**
     * Returns the offline avatar renderer: a card with the persona's name and each window's words,
     * as long as the windows ({@link AvatarRenderer.Coverage#WINDOWS}).
     *
     * @return the avatar renderer
     */
    public AvatarRenderer avatarRenderer() {
        return avatar;
    }

    /**
     * Returns the offline b-roll generator: generated visuals with the clip's description, as long
     * as asked.
     *
     * @return the b-roll generator
     */
    public BrollGenerator brollGenerator() {
        return broll;
    }

    /**
     * Returns the offline assembler, which writes a JSON placeholder naming the parts, in either
     * {@link MediaMode}, with no thumbnail and no captions.
     *
     * @return the assembler
     */
    public VideoAssembler videoAssembler() {
        return assembler;
    }

    /**
     * Returns the offline publisher. It resumes as {@link Publisher#publish} asks: it saves the
     * video's id as the call's checkpoint before sending, and a call whose checkpoint names a video
     * its platform already holds sends nothing again. {@link #uploads()} lists what it sent.
     *
     * @return the publisher
     */
    public Publisher publisher() {
        return uploader;
    }

    /**
     * Returns every call received, in order.
     *
     * @return a copy of the calls
     */
    public List<Call> calls() {
        return log.calls();
    }

    /**
     * Returns the main calls of one stage (plan, synthesize, submit, publish, ...; not polls or
     * cancels).
     *
     * @param stage the stage's label, e.g. {@code "audio"}
     * @return the calls, in order
     */
    public List<Call> calls(String stage) {
        return log.calls().stream()
                .filter(call -> call.stage().equals(stage)
                        && (call.operation().equals("call") || call.operation().equals("submit")))
                .toList();
    }

    /**
     * Returns the main calls of one stage for one episode.
     *
     * @param stage the stage's label
     * @param episodeId the episode
     * @return the calls, in order
     */
    public List<Call> calls(String stage, UUID episodeId) {
        return calls(stage).stream()
                .filter(call -> episodeId.equals(call.episodeId()))
                .toList();
    }

    /**
     * Returns the videos the publisher sent, in order: one per episode published, however many
     * times its upload was tried, as long as each try had the checkpoint the one before saved.
     *
     * @return a copy of the uploads
     */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /**
     * Returns the render task ids that were stopped by a cancel (not those that had ended before
     * it).
     *
     * @return a copy of the ids
     */
    public Set<String> cancelledRenders() {
        return renders.stopped();
    }

    /**
     * Returns the task ids of renders submitted for an episode, in order.
     *
     * @param episodeId the episode
     * @return the task ids
     */
    public List<String> renders(UUID episodeId) {
        return renders.of(episodeId);
    }

    // ---- the providers -------------------------------------------------------------------------

    private final class Voice implements VoiceSynthesizer {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean serves(String requested) {
            return true;
        }

        @Override
        public Speech synthesize(SpeechRequest request, ProviderCall call) {
            log.enter("audio", "call", call);
            ToneSpeech.Spoken spoken = ToneSpeech.speak(
                    request.lines(), request.wordsPerMinute(), sampleRate, mediaMode == MediaMode.PLACEHOLDER);
            String text =
                    String.join(" ", request.lines().stream().map(Line::text).toList());
            Usage usage = Usage.cost(PER_CHARACTER
                            .multiply(BigDecimal.valueOf(text.length()))
                            .setScale(Usage.COST_SCALE, RoundingMode.HALF_UP))
                    .withCharacters(text.length())
                    .withSeconds(BigDecimal.valueOf(spoken.durationMs(), 3));
            return new Speech(
                    Media.ofBytes("voice.wav", "audio/wav", spoken.wav()),
                    spoken.durationMs(),
                    spoken.timings(),
                    NAME + "-tts-" + ids.incrementAndGet(),
                    usage);
        }
    }

    private final class Avatar implements AvatarRenderer {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean serves(String requested) {
            return true;
        }

        @Override
        public RenderTask submit(AvatarRequest request, ProviderCall call) {
            log.enter("avatar", "submit", call);
            long millis = request.windowsMs();
            if (millis <= 0) {
                throw ProviderException.permanent(
                        NAME,
                        ProviderException.Reason.INVALID_REQUEST,
                        "nothing to render: the " + request.windows().size() + " avatar window(s) run 0 ms");
            }
            String presenter = TemplateWriter.persona(request.channel());
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("kind", "avatar_video");
            description.put("avatar_id", request.channel().avatarProfile().get("avatar_id"));
            description.put("presenter", presenter);
            description.put("windows", request.windows().size());
            description.put("aspect_ratio", request.format().aspectRatio());
            description.put("lip_synced_to", String.valueOf(request.audio()));
            return submitRender(
                    "avatar",
                    call,
                    millis,
                    AVATAR_PER_SECOND,
                    "avatar.placeholder.json",
                    description,
                    taskId -> footage.avatar(taskId, presenter, request.windows(), millis, request.format()));
        }

        @Override
        public RenderProgress poll(String taskId, ProviderCall call) {
            return renders.poll("avatar", taskId, call);
        }

        @Override
        public Cancellation cancel(String taskId, ProviderCall call) {
            return renders.cancel("avatar", taskId, call);
        }
    }

    private final class Broll implements BrollGenerator {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<Integer> clipSeconds() {
            return clipSeconds;
        }

        @Override
        public RenderTask submit(ClipRequest request, ProviderCall call) {
            log.enter("broll", "submit", call);
            int seconds = request.seconds();
            if (seconds < 1 || (!clipSeconds.isEmpty() && !clipSeconds.contains(seconds))) {
                throw ProviderException.permanent(
                        NAME,
                        ProviderException.Reason.INVALID_REQUEST,
                        "clip " + request.clipIndex() + " asks for " + seconds + " s; this generator renders "
                                + (clipSeconds.isEmpty() ? "1 s or more" : clipSeconds + " s"));
            }
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("kind", "b_roll");
            description.put("clip_index", request.clipIndex());
            description.put("prompt", request.description());
            description.put("needed_ms", request.neededMs());
            description.put("aspect_ratio", request.format().aspectRatio());
            return submitRender(
                    "broll",
                    call,
                    seconds * 1000L,
                    BROLL_PER_SECOND,
                    "clip.placeholder.json",
                    description,
                    taskId -> footage.clip(taskId, request.description(), seconds, request.format()));
        }

        @Override
        public RenderProgress poll(String taskId, ProviderCall call) {
            return renders.poll("broll", taskId, call);
        }

        @Override
        public Cancellation cancel(String taskId, ProviderCall call) {
            return renders.cancel("broll", taskId, call);
        }
    }

    private final class Assembler implements VideoAssembler {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Video assemble(AssemblyRequest request, ProviderCall call) {
            log.enter("assembly", "call", call);
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("kind", "assembled_video");
            description.put("audio", String.valueOf(request.audio()));
            description.put(
                    "avatar_video",
                    request.avatar() == null ? null : request.avatar().uri().toString());
            description.put(
                    "b_roll",
                    new TreeMap<>(request.clips())
                            .values().stream()
                                    .map(part -> part.uri().toString())
                                    .toList());
            description.put(
                    "format", request.format().width() + "x" + request.format().height());
            long millis = request.timeline().durationMs();
            description.put("duration_ms", millis);
            return new Video(placeholder("final.placeholder.json", description), millis, null, null, FREE);
        }
    }

    private final class Uploader implements Publisher {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean serves(String requested) {
            return true;
        }

        /**
         * Publishes resumably: the video's id is saved as the checkpoint before the video is
         * sent, and a call that finds one sends only what its platform lacks. An injected failure
         * comes after the checkpoint and the sending, as when a worker dies before the publication
         * is recorded.
         */
        @Override
        public Publication publish(PublishRequest request, ProviderCall call) {
            int number = log.arrive("upload", "call", call);
            String videoId = call.checkpoint()
                    .filter(saved -> saved.startsWith(NAME + "-"))
                    .orElse(null);
            if (videoId == null) {
                videoId = NAME + "-" + Long.toString(ids.incrementAndGet(), 36) + "-"
                        + call.episodeId().toString().substring(0, 8);
                call.saveCheckpoint(videoId);
            }
            if (published.add(videoId)) {
                uploads.add(new Upload(
                        videoId, call.episodeId(), request.video(), request.title(), request.privacy(), Instant.now()));
            }
            log.failIfTold("upload", number);
            return new Publication(WATCH_URL + videoId, videoId, FREE);
        }
    }

    /**
     * Accepts a render whose video is made by {@code real} or, with {@link MediaMode#PLACEHOLDER},
     * is a JSON file of {@code description}.
     */
    private RenderTask submitRender(
            String stage,
            ProviderCall call,
            long millis,
            BigDecimal perSecond,
            String placeholderName,
            Map<String, Object> description,
            Function<String, Media> real) {
        String taskId = String.format("%s-%s-%08d", NAME, stage, ids.incrementAndGet());
        description.put("task_id", taskId);
        description.put("duration_ms", millis);
        Function<String, Media> make =
                mediaMode == MediaMode.REAL ? real : id -> placeholder(placeholderName, description);
        return renders.submit(taskId, stage, call, millis, perSecond, make);
    }

    private static Media placeholder(String fileName, Map<String, Object> description) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("placeholder", true);
        json.put("provider", NAME);
        json.putAll(description);
        try {
            return Media.ofBytes(fileName, "application/json", JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configures {@link OfflineProviders}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Duration> latency = new HashMap<>();
        private Duration defaultLatency = Duration.ZERO;
        private int renderPolls;
        private Duration renderCheckAfter = Duration.ofMillis(50);
        private final Map<String, Map<Integer, Failure>> failures = new HashMap<>();
        private int rejectedReviews;
        private int sampleRate = 8000;
        private MediaMode mediaMode = MediaMode.REAL;
        private List<Integer> clipSeconds = List.of();
        private ProviderConfig config = ProviderConfig.fromEnvironment();

        private Builder() {}

        /**
         * Sets how long every call takes (default none).
         *
         * @param latency not negative
         * @return this builder
         */
        public Builder latency(Duration latency) {
            this.defaultLatency = nonNegative(latency, "latency");
            return this;
        }

        /**
         * Sets how long the calls of one stage take, e.g. {@code ("audio", 5s)}.
         *
         * @param stage the stage's label
         * @param latency not negative
         * @return this builder
         */
        public Builder latency(String stage, Duration latency) {
            this.latency.put(Objects.requireNonNull(stage, "stage"), nonNegative(latency, "latency"));
            return this;
        }

        /**
         * Sets how many polls of an avatar or b-roll render answer "still going" before it is done
         * (default 0: done at the first poll), and how long each asks to wait.
         *
         * @param polls 0 or more
         * @param checkAfter the wait each pending poll asks for; not negative
         * @return this builder
         */
        public Builder renderPolls(int polls, Duration checkAfter) {
            if (polls < 0) {
                throw new IllegalArgumentException("polls must be 0 or more, got " + polls);
            }
            this.renderPolls = polls;
            this.renderCheckAfter = nonNegative(checkAfter, "checkAfter");
            return this;
        }

        /**
         * Fails the given calls of a stage (counted from 1 across all episodes; for avatar and
         * b-roll, the submits). A call fails before it does anything, except an upload: it fails
         * after saving its checkpoint and sending the video, as when a worker dies before the
         * publication is recorded, so that a retry shows whether the video is sent twice (see
         * {@link OfflineProviders#uploads()}).
         *
         * @param stage the stage's label
         * @param failure how they fail
         * @param callNumbers which calls, from 1
         * @return this builder
         */
        public Builder fail(String stage, Failure failure, int... callNumbers) {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(failure, "failure");
            Map<Integer, Failure> byCall = failures.computeIfAbsent(stage, s -> new HashMap<>());
            for (int number : callNumbers) {
                if (number < 1) {
                    throw new IllegalArgumentException("call numbers start at 1, got " + number);
                }
                byCall.put(number, failure);
            }
            return this;
        }

        /**
         * Makes the first {@code count} automatic script reviews ask for a revision.
         *
         * @param count how many reviews reject
         * @return this builder
         */
        public Builder rejectReviews(int count) {
            this.rejectedReviews = count;
            return this;
        }

        /**
         * Sets the samples per second of the speech's WAV (default 8000).
         *
         * @param sampleRate from 100 to 48000
         * @return this builder
         */
        public Builder audioSampleRate(int sampleRate) {
            if (sampleRate < 100 || sampleRate > 48_000) {
                throw new IllegalArgumentException("sampleRate must lie in 100..48000, got " + sampleRate);
            }
            this.sampleRate = sampleRate;
            return this;
        }

        /**
         * Chooses what the avatar renderer and the b-roll generator deliver (default {@link
         * MediaMode#REAL}: videos made with ffmpeg). Tests that do not look at the videos choose
         * {@link MediaMode#PLACEHOLDER}: no ffmpeg is looked for, and renders take no time. The
         * speech is a real WAV in either mode.
         *
         * @param mode real videos or placeholders
         * @return this builder
         */
        public Builder media(MediaMode mode) {
            this.mediaMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the clip lengths the b-roll generator offers, in seconds, as a model like Runway's
         * does (5 and 10); a clip asked for another length is refused as an invalid request.
         * Default none: any whole number of seconds from 1.
         *
         * @param seconds the lengths, each from 1; none for any length
         * @return this builder
         */
        public Builder clipSeconds(int... seconds) {
            for (int length : seconds) {
                if (length < 1) {
                    throw new IllegalArgumentException("clip lengths are 1 s or more, got " + length);
                }
            }
            this.clipSeconds =
                    Arrays.stream(seconds).sorted().distinct().boxed().toList();
            return this;
        }

        /**
         * Sets the settings real media are made with: {@code ffmpeg.path} and {@code ffmpeg.font}
         * (see {@link io.acog.providers.ffmpeg.Ffmpeg} and {@link io.acog.providers.ffmpeg.Fonts}).
         * Default {@link ProviderConfig#fromEnvironment()} ({@code ACOG_FFMPEG_PATH}, {@code
         * ACOG_FFMPEG_FONT}).
         *
         * @param config the settings
         * @return this builder
         */
        public Builder config(ProviderConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Builds the providers.
         *
         * @return the providers
         */
        public OfflineProviders build() {
            return new OfflineProviders(this);
        }

        private static Duration nonNegative(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + duration);
            }
            return duration;
        }
    }

    @Override
    public String toString() {
        return "OfflineProviders[" + mediaMode + " media, " + log.size() + " calls, " + renders.size() + " renders, "
                + renders.stopped().size() + " cancelled, " + uploads.size() + " uploads]";
    }
}
