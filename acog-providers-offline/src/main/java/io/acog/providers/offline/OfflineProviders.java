package io.acog.providers.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ChannelBrief;
import io.acog.spi.ContentWriter;
import io.acog.spi.Media;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.Publisher;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every provider of the pipeline, offline and deterministic: a plan and a script built from the
 * idea with the channel's persona and style (valid markers, one b-roll clip per section), SEO
 * metadata, a WAV of silence as long as the script takes to speak, and small JSON placeholder
 * files where videos would be. Everything is labelled {@code provider = offline}; prices are
 * illustrative (close to the real services' list prices), so cost tracking has numbers to add.
 *
 * <pre>{@code
 * OfflineProviders offline = OfflineProviders.builder()
 *         .renderPolls(2, Duration.ofSeconds(1))           // renders pending for two polls
 *         .fail("audio", Failure.RETRYABLE, 1, 2)          // the 1st and 2nd audio call fail
 *         .build();
 * EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)).build();
 * ...
 * assertThat(offline.calls("audio")).hasSize(3);
 * }</pre>
 *
 * <p>They serve any provider a channel names ({@code voice_profile.provider = "elevenlabs"} too),
 * so host applications test with their real channel profiles. Thread-safe; no network.
 */
public final class OfflineProviders {

    /** The providers' name, as stored in assets and {@code pipeline_state}. */
    public static final String NAME = "offline";
    /** The model the offline writer reports. */
    public static final String MODEL = "offline-writer-1";

    /** How an injected failure fails. */
    public enum Failure {
        /** A rate limit: {@link ProviderException#retryable()} is true. */
        RETRYABLE,
        /** A rejected request: fails the stage at once. */
        PERMANENT
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal PER_TOKEN = new BigDecimal("0.00001");
    private static final BigDecimal PER_CHARACTER = new BigDecimal("0.0003");
    private static final BigDecimal AVATAR_PER_SECOND = new BigDecimal("0.0167");
    private static final BigDecimal BROLL_PER_SECOND = new BigDecimal("0.05");

    private final Map<String, Duration> latency;
    private final Duration defaultLatency;
    private final int renderPolls;
    private final Duration renderCheckAfter;
    private final Map<String, Map<Integer, Failure>> failures;
    private final int rejectedReviews;
    private final int sampleRate;

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Render> renders = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger reviews = new AtomicInteger();

    private final Writer writer = new Writer();
    private final Voice voice = new Voice();
    private final Avatar avatar = new Avatar();
    private final Broll broll = new Broll();
    private final Assembler assembler = new Assembler();
    private final Uploader uploader = new Uploader();

    private OfflineProviders(Builder builder) {
        this.latency = Map.copyOf(builder.latency);
        this.defaultLatency = builder.defaultLatency;
        this.renderPolls = builder.renderPolls;
        this.renderCheckAfter = builder.renderCheckAfter;
        Map<String, Map<Integer, Failure>> copy = new HashMap<>();
        builder.failures.forEach((stage, byCall) -> copy.put(stage, Map.copyOf(byCall)));
        this.failures = Map.copyOf(copy);
        this.rejectedReviews = builder.rejectedReviews;
        this.sampleRate = builder.sampleRate;
    }

    /**
     * Returns offline providers with no latency, renders done at the first poll, and no failures.
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
     * Returns the offline voice: a WAV of silence as long as the script takes to speak.
     *
     * @return the voice synthesizer
     */
    public VoiceSynthesizer voiceSynthesizer() {
        return voice;
    }

    /**
     * Returns the offline avatar renderer.
     *
     * @return the avatar renderer
     */
    public AvatarRenderer avatarRenderer() {
        return avatar;
    }

    /**
     * Returns the offline b-roll generator.
     *
     * @return the b-roll generator
     */
    public BrollGenerator brollGenerator() {
        return broll;
    }

    /**
     * Returns the offline assembler.
     *
     * @return the assembler
     */
    public VideoAssembler videoAssembler() {
        return assembler;
    }

    /**
     * Returns the offline publisher.
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
        return List.copyOf(calls);
    }

    /**
     * Returns the main calls of one stage (plan, synthesize, submit, ...; not polls or cancels).
     *
     * @param stage the stage's label, e.g. {@code "audio"}
     * @return the calls, in order
     */
    public List<Call> calls(String stage) {
        return calls.stream()
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
     * Returns the render task ids that were cancelled.
     *
     * @return a copy of the ids
     */
    public Set<String> cancelledRenders() {
        return Set.copyOf(cancelled);
    }

    /**
     * Returns the task ids of renders submitted for an episode, in order.
     *
     * @param episodeId the episode
     * @return the task ids
     */
    public List<String> renders(UUID episodeId) {
        List<Map.Entry<String, Render>> entries = new ArrayList<>(renders.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries.stream()
                .filter(entry -> entry.getValue().episodeId.equals(episodeId))
                .map(Map.Entry::getKey)
                .toList();
    }

    // ---- the providers -------------------------------------------------------------------------

    private final class Writer implements ContentWriter {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Plan plan(PlanRequest request, ProviderCall call) {
            enter("planning", "call", call);
            String topic = topic(request.idea());
            List<Map<String, Object>> sections = new ArrayList<>();
            List<String> broll = new ArrayList<>();
            List<String> points = strings(request.idea().get("key_points"));
            int count = sectionCount(request.channel());
            for (int i = 0; i < count; i++) {
                String title = i < points.size() ? points.get(i) : "Part " + (i + 1) + " of " + topic;
                Map<String, Object> section = new LinkedHashMap<>();
                section.put("title", title);
                section.put("summary", "What " + title.toLowerCase(Locale.ROOT) + " tells us about " + topic + ".");
                section.put("key_points", List.of(title));
                section.put("estimated_seconds", 60);
                sections.add(section);
                broll.add("visual for " + clean(title).toLowerCase(Locale.ROOT));
            }
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("hook", hook(request.channel(), topic));
            plan.put("intro", "Today " + persona(request.channel()) + " explains " + topic + ".");
            plan.put("sections", sections);
            plan.put("key_facts", List.of(topic + " is worth understanding."));
            plan.put("ctas", List.of("Subscribe for more on " + niche(request.channel()) + "."));
            plan.put("broll_suggestions", broll);
            return new Plan(plan, MODEL, tokens(words(plan.toString())));
        }

        @Override
        public Script script(ScriptRequest request, ProviderCall call) {
            enter("scripting", "call", call);
            String topic = topic(request.idea());
            StringBuilder script = new StringBuilder();
            script.append("[AVATAR] Hi, I'm ")
                    .append(clean(persona(request.channel())))
                    .append(". ")
                    .append(clean(str(request.plan().get("hook"), hook(request.channel(), topic))))
                    .append('\n');
            List<String> broll = strings(request.plan().get("broll_suggestions"));
            List<Object> sections = list(request.plan().get("sections"));
            for (int i = 0; i < sections.size(); i++) {
                Map<String, Object> section = map(sections.get(i));
                String title = clean(str(section.get("title"), "Part " + (i + 1)));
                String visual = i < broll.size() ? clean(broll.get(i)) : "visual for " + title;
                script.append("[BROLL:")
                        .append(visual)
                        .append("] ")
                        .append(clean(str(section.get("summary"), title + ".")))
                        .append('\n');
                script.append("[VOICEOVER] Here is the key point: ")
                        .append(title)
                        .append(", explained step by step.\n");
            }
            for (String note : request.reviewNotes()) {
                script.append("[VOICEOVER] Revised as the review asked: ")
                        .append(clean(note))
                        .append('\n');
            }
            script.append("[AVATAR] So, what would you ask next about ")
                    .append(clean(topic))
                    .append("?\n");
            return new Script(script.toString(), MODEL, tokens(words(script.toString())));
        }

        @Override
        public Review review(ReviewRequest request, ProviderCall call) {
            enter("script_review", "call", call);
            boolean approved = reviews.incrementAndGet() > rejectedReviews;
            return new Review(
                    approved,
                    approved ? List.of() : List.of("Make the hook shorter and add one concrete number."),
                    MODEL,
                    tokens(words(request.script()) / 4));
        }

        @Override
        public Metadata metadata(MetadataRequest request, ProviderCall call) {
            enter("metadata", "call", call);
            String topic = topic(request.idea());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("final_title", capitalize(topic) + " — explained by " + persona(request.channel()));
            metadata.put(
                    "description",
                    str(request.plan().get("intro"), topic) + " "
                            + String.join(" ", strings(request.plan().get("key_facts"))));
            List<String> tags =
                    new ArrayList<>(strings(request.channel().persona().get("expertise_areas")));
            tags.add(topic.toLowerCase(Locale.ROOT));
            metadata.put("tags", tags);
            metadata.put("thumbnail_prompt", "A bold thumbnail about " + topic);
            metadata.put("social_copy", Map.of("twitter", "New video: " + topic));
            return new Metadata(metadata, MODEL, tokens(200));
        }
    }

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
            enter("audio", "call", call);
            String text = String.join(" ", request.segments());
            long words = words(text);
            long millis = words * 60_000L / Math.max(1, request.wordsPerMinute());
            Usage usage = Usage.cost(PER_CHARACTER
                            .multiply(BigDecimal.valueOf(text.length()))
                            .setScale(4, RoundingMode.HALF_UP))
                    .withCharacters(text.length())
                    .withSeconds(BigDecimal.valueOf(millis, 3));
            return new Speech(
                    Media.ofBytes("voice.wav", "audio/wav", silence(millis)),
                    millis,
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
            enter("avatar", "submit", call);
            long words = words(String.join(" ", request.segments()));
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("kind", "avatar_video");
            description.put("avatar_id", request.channel().avatarProfile().get("avatar_id"));
            description.put("segments", request.segments().size());
            description.put("lip_synced_to", String.valueOf(request.audio()));
            return submitRender("avatar", call, "avatar.placeholder.json", description, Math.max(1000, words * 400));
        }

        @Override
        public RenderProgress poll(String taskId, ProviderCall call) {
            return pollRender("avatar", taskId, call, AVATAR_PER_SECOND);
        }

        @Override
        public void cancel(String taskId, ProviderCall call) {
            cancelRender("avatar", taskId, call);
        }
    }

    private final class Broll implements BrollGenerator {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public RenderTask submit(ClipRequest request, ProviderCall call) {
            enter("broll", "submit", call);
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("kind", "b_roll");
            description.put("clip_index", request.clipIndex());
            description.put("prompt", request.description());
            return submitRender("broll", call, "clip.placeholder.json", description, request.seconds() * 1000L);
        }

        @Override
        public RenderProgress poll(String taskId, ProviderCall call) {
            return pollRender("broll", taskId, call, BROLL_PER_SECOND);
        }

        @Override
        public void cancel(String taskId, ProviderCall call) {
            cancelRender("broll", taskId, call);
        }
    }

    private final class Assembler implements VideoAssembler {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Video assemble(AssemblyRequest request, ProviderCall call) {
            enter("assembly", "call", call);
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("kind", "assembled_video");
            description.put("audio", String.valueOf(request.audio()));
            description.put("avatar_video", String.valueOf(request.avatarVideo()));
            description.put(
                    "b_roll", request.brollClips().stream().map(String::valueOf).toList());
            long millis = words(request.script()) * 400;
            description.put("duration_ms", millis);
            return new Video(
                    placeholder("final.placeholder.json", description),
                    millis,
                    Usage.cost(BigDecimal.ZERO.setScale(4)));
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

        @Override
        public Publication publish(PublishRequest request, ProviderCall call) {
            enter("upload", "call", call);
            String id = NAME + "-" + Long.toString(ids.incrementAndGet(), 36) + "-"
                    + call.episodeId().toString().substring(0, 8);
            // .invalid is reserved (RFC 2606): the URL can never point anywhere real
            return new Publication(
                    "https://video.offline.invalid/watch/" + id, id, Usage.cost(BigDecimal.ZERO.setScale(4)));
        }
    }

    // ---- renders -------------------------------------------------------------------------------

    /** A render in progress: how often it was polled, and what it will deliver. */
    private static final class Render {
        final UUID episodeId;
        final String stage;
        final String fileName;
        final Map<String, Object> description;
        final long millis;
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean cancelled;

        Render(UUID episodeId, String stage, String fileName, Map<String, Object> description, long millis) {
            this.episodeId = episodeId;
            this.stage = stage;
            this.fileName = fileName;
            this.description = description;
            this.millis = millis;
        }
    }

    private RenderTask submitRender(
            String stage, ProviderCall call, String fileName, Map<String, Object> description, long millis) {
        String taskId = String.format("%s-%s-%08d", NAME, stage, ids.incrementAndGet());
        description.put("task_id", taskId);
        description.put("duration_ms", millis);
        renders.put(taskId, new Render(call.episodeId(), stage, fileName, description, millis));
        return new RenderTask(taskId, renderPolls == 0 ? Duration.ZERO : renderCheckAfter);
    }

    private RenderProgress pollRender(String stage, String taskId, ProviderCall call, BigDecimal perSecond) {
        record(stage, "poll", call);
        Render render = renders.get(taskId);
        if (render == null || !render.stage.equals(stage)) {
            throw ProviderException.permanent(
                    NAME, ProviderException.Reason.NOT_FOUND, "no " + stage + " render " + taskId);
        }
        if (render.cancelled) {
            return RenderProgress.failed("the render was cancelled", false);
        }
        int polls = render.polls.incrementAndGet();
        if (polls <= renderPolls) {
            return RenderProgress.pending(renderCheckAfter, (double) polls / (renderPolls + 1));
        }
        BigDecimal seconds = BigDecimal.valueOf(render.millis, 3);
        return RenderProgress.done(
                placeholder(render.fileName, render.description),
                render.millis,
                Usage.cost(perSecond.multiply(seconds).setScale(4, RoundingMode.HALF_UP))
                        .withSeconds(seconds));
    }

    private void cancelRender(String stage, String taskId, ProviderCall call) {
        record(stage, "cancel", call);
        Render render = renders.get(taskId);
        if (render != null) {
            render.cancelled = true;
            cancelled.add(taskId);
        }
    }

    // ---- behaviour: latency, failures, recording -----------------------------------------------

    /** Records a main call, waits the configured latency, and fails it when told to. */
    private void enter(String stage, String operation, ProviderCall call) {
        record(stage, operation, call);
        int number = counts.computeIfAbsent(stage, s -> new AtomicInteger()).incrementAndGet();
        Duration wait = latency.getOrDefault(stage, defaultLatency);
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderException.retryable(
                        NAME, ProviderException.Reason.TIMEOUT, "interrupted while working on " + stage, null);
            }
        }
        Failure failure = failures.getOrDefault(stage, Map.of()).get(number);
        if (failure == Failure.RETRYABLE) {
            throw ProviderException.retryable(
                    NAME,
                    ProviderException.Reason.RATE_LIMITED,
                    "injected rate limit on " + stage + " call #" + number,
                    Duration.ZERO);
        }
        if (failure == Failure.PERMANENT) {
            throw ProviderException.permanent(
                    NAME,
                    ProviderException.Reason.CONTENT_REJECTED,
                    "injected rejection of " + stage + " call #" + number);
        }
    }

    private void record(String stage, String operation, ProviderCall call) {
        calls.add(new Call(stage, operation, call.episodeId(), call.attempt(), call.idempotencyKey(), Instant.now()));
    }

    // ---- content -------------------------------------------------------------------------------

    /** A mono 8-bit PCM WAV of silence lasting {@code millis}. */
    private byte[] silence(long millis) {
        int samples = (int) Math.min(Integer.MAX_VALUE - 64, millis * sampleRate / 1000);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + samples)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(sampleRate)
                .putInt(sampleRate)
                .putShort((short) 1)
                .putShort((short) 8)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(samples);
        byte[] bytes = wav.array();
        Arrays.fill(bytes, 44, bytes.length, (byte) 0x80); // unsigned 8-bit silence
        return bytes;
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

    private static Usage tokens(long tokens) {
        long total = tokens * 4 / 3 + 500; // completion tokens, and the prompt around them
        return Usage.cost(PER_TOKEN.multiply(BigDecimal.valueOf(total)).setScale(4, RoundingMode.HALF_UP))
                .withTokens(total);
    }

    private static long words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.trim().split("\\s+").length;
    }

    private static String topic(Map<String, Object> idea) {
        return clean(str(idea.get("topic"), "an untitled idea"));
    }

    private static String persona(ChannelBrief channel) {
        return str(channel.persona().get("name"), channel.name() == null ? "your host" : channel.name());
    }

    private static String niche(ChannelBrief channel) {
        return channel.niche() == null ? "this topic" : channel.niche();
    }

    private static int sectionCount(ChannelBrief channel) {
        Object structure = channel.styleGuide().get("structure_preferences");
        Object target = structure instanceof Map<?, ?> map ? map.get("sections_target") : null;
        return target instanceof Number number ? Math.max(1, Math.min(number.intValue(), 8)) : 3;
    }

    private static String hook(ChannelBrief channel, String topic) {
        List<String> quirks = strings(channel.persona().get("quirks"));
        boolean analogies =
                quirks.stream().anyMatch(q -> q.toLowerCase(Locale.ROOT).contains("analog"));
        return analogies
                ? "Think of " + topic + " as a journey across the night sky."
                : "Here is what nobody tells you about " + topic + ".";
    }

    /** Text safe inside a script: no brackets that could read as markers, one line. */
    private static String clean(String text) {
        return text.replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").trim();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String str(Object value, String fallback) {
        return value instanceof String text && !text.isBlank() ? text : fallback;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> items ? new ArrayList<>(items) : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map
                ? (Map<String, Object>) map
                : value instanceof String text ? Map.of("title", text) : Map.of();
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
         * b-roll, the submits).
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
         * Sets the samples per second of the silent audio (default 8000).
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
        return "OfflineProviders[" + calls.size() + " calls, " + renders.size() + " renders, "
                + Collections.unmodifiableSet(cancelled).size() + " cancelled]";
    }
}
