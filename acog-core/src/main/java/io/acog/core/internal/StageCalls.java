package io.acog.core.internal;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.EPISODES;

import com.fasterxml.jackson.core.type.TypeReference;
import io.acog.core.ValidationException;
import io.acog.jooq.generated.enums.AssetType;
import io.acog.core.asset.AudioMetadata;
import io.acog.core.asset.NewAsset;
import io.acog.core.asset.VideoMetadata;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeMetadata;
import io.acog.core.episode.EpisodePlan;
import io.acog.core.episode.Script;
import io.acog.core.episode.ScriptMetadata;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import io.acog.core.episode.SpeakingRate;
import io.acog.core.episode.StageState;
import io.acog.core.job.Job;
import io.acog.core.job.JobCompletion;
import io.acog.jooq.generated.enums.PipelineStage;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ChannelBrief;
import io.acog.spi.ContentWriter;
import io.acog.spi.Media;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.Publisher;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;

/**
 * The provider side of each stage: what the provider is given, and what of its answer is stored.
 * Runs outside any transaction; everything it returns is stored by {@link PipelineEngine} in one.
 * Provider answers that cannot be stored (a plan that is not the schema's shape, a script with a
 * malformed marker) are retryable failures of that provider: a language model may do better on
 * the next try.
 */
final class StageCalls {

    static final String TASK_ID = "task_id";
    static final String PROVIDER = "provider";
    static final String CLIP_INDEX = "clip_index";
    static final String DESCRIPTION = "description";
    static final String SECONDS = "seconds";
    static final String REVIEW_NOTES = "review_notes";

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    /** B-roll clips in script order: by the clip index their metadata records. */
    private static final Field<Integer> CLIP_ORDER = org.jooq.impl.DSL.field(
            "({0} ->> 'clip_index')::int", Integer.class, ASSETS.METADATA);

    private final Providers providers;
    private final AssetStorage storage;

    StageCalls(Providers providers, AssetStorage storage) {
        this.providers = providers;
        this.storage = storage;
    }

    AssetStorage storage() {
        return storage;
    }

    /** What a run of a stage produced. */
    sealed interface Ran permits Output, Submitted {}

    /**
     * A stage's results, stored in one transaction.
     *
     * @param columns episode columns to set
     * @param details merged into {@code pipeline_state[stage]} as it completes
     * @param approved for script review: whether the script passed
     * @param notes for script review: what to change
     */
    record Output(Map<Field<?>, Object> columns, List<NewAsset> assets, StageState details,
            JobCompletion completion, Boolean approved, List<String> notes) implements Ran {

        static Output of(StageState details, JobCompletion completion) {
            return new Output(new LinkedHashMap<>(), new ArrayList<>(), details, completion, null,
                    List.of());
        }
    }

    /** A render the provider accepted: the job waits for it. */
    record Submitted(RenderTask task, String provider) implements Ran {}

    /** The circumstances of one call, as the SPI sees them. */
    record Call(UUID episodeId, String stage, String idempotencyKey, int attempt,
            AssetStorage storage, BooleanSupplier cancel) implements ProviderCall {

        @Override
        public boolean cancelRequested() {
            return cancel.getAsBoolean();
        }
    }

    /** The episode and channel a stage works for, as loaded when it began. */
    record Work(Job job, Episode episode, Channel channel, ChannelBrief brief, Call call) {

        UUID episodeId() {
            return episode.id();
        }
    }

    static ChannelBrief brief(Channel channel) {
        return new ChannelBrief(channel.name(), channel.niche(), map(channel.persona()),
                map(channel.styleGuide()), map(channel.voiceProfile()),
                map(channel.avatarProfile()), map(channel.platformConfig()));
    }

    static Map<String, Object> map(Object value) {
        return value == null ? new LinkedHashMap<>() : JsonCodec.mapper().convertValue(value, MAP);
    }

    /** Runs the stage's provider call. */
    Ran run(Work work, DSLContext dsl, OffsetDateTime now) {
        PipelineStage stage = work.job().stage();
        return switch (stage) {
            case PLANNING -> plan(work);
            case SCRIPTING -> script(work, now);
            case SCRIPT_REVIEW -> review(work);
            case METADATA -> metadata(work);
            case AUDIO -> audio(work);
            case AVATAR -> submitAvatar(work, dsl);
            case BROLL -> submitClip(work);
            case ASSEMBLY -> assemble(work, dsl);
            case UPLOAD -> upload(work, dsl, now);
        };
    }

    private Output plan(Work work) {
        ContentWriter writer = providers.writer();
        ContentWriter.Plan plan = writer.plan(new ContentWriter.PlanRequest(work.brief(),
                map(work.episode().idea())), work.call());
        required(writer.name(), "plan", plan);
        Map<String, Object> json = fits(writer.name(), "plan", plan.plan(), EpisodePlan.class);
        Output output = written(writer.name(), plan.model(), plan.usage());
        output.columns().put(EPISODES.PLAN, json(writer.name(), "plan", json));
        return output;
    }

    private Output script(Work work, OffsetDateTime now) {
        ContentWriter writer = providers.writer();
        Episode episode = work.episode();
        ContentWriter.Script script = writer.script(new ContentWriter.ScriptRequest(work.brief(),
                map(episode.idea()), map(episode.plan()), notes(work.job())), work.call());
        required(writer.name(), "script", script);
        String text = script.script();
        Script parsed;
        try {
            parsed = ScriptParser.parse(Checks.storable("episode", "script", text == null ? ""
                    : text));
        } catch (ValidationException e) {
            throw ProviderException.retryable(writer.name(), ProviderException.Reason.SERVER_ERROR,
                    "wrote a script ACOG cannot use: " + e.getMessage(), null);
        }
        if (parsed.segments().isEmpty()) {
            throw ProviderException.retryable(writer.name(), ProviderException.Reason.SERVER_ERROR,
                    "wrote an empty script", null);
        }
        ScriptMetadata metadata = EpisodeStore.scriptMetadata(episode.scriptMetadata(),
                work.channel().styleGuide(), parsed, now);
        Output output = written(writer.name(), script.model(), script.usage());
        output.columns().put(EPISODES.SCRIPT, text);
        output.columns().put(EPISODES.SCRIPT_METADATA, JsonCodec.jsonb(metadata));
        return output;
    }

    @SuppressWarnings("unchecked")
    private static List<String> notes(Job job) {
        Object notes = job.input().get(REVIEW_NOTES);
        return notes instanceof List<?> list ? List.copyOf((List<String>) list) : List.of();
    }

    private Output review(Work work) {
        ContentWriter writer = providers.writer();
        Episode episode = work.episode();
        ContentWriter.Review review = writer.review(new ContentWriter.ReviewRequest(work.brief(),
                map(episode.plan()), episode.script()), work.call());
        required(writer.name(), "review", review);
        Output written = written(writer.name(), review.model(), review.usage());
        return new Output(written.columns(), written.assets(), written.details(),
                written.completion(), review.approved(),
                review.notes() == null ? List.of() : List.copyOf(review.notes()));
    }

    private Output metadata(Work work) {
        ContentWriter writer = providers.writer();
        Episode episode = work.episode();
        ContentWriter.Metadata metadata = writer.metadata(new ContentWriter.MetadataRequest(
                work.brief(), map(episode.idea()), map(episode.plan()), episode.script()),
                work.call());
        required(writer.name(), "metadata", metadata);
        Map<String, Object> json = fits(writer.name(), "metadata", metadata.metadata(),
                EpisodeMetadata.class);
        Output output = written(writer.name(), metadata.model(), metadata.usage());
        output.columns().put(EPISODES.METADATA, json(writer.name(), "metadata", json));
        Object title = json.get("final_title");
        if (title instanceof String finalTitle && !finalTitle.isBlank()
                && finalTitle.length() <= EPISODES.TITLE.getDataType().length()) {
            output.columns().put(EPISODES.TITLE, finalTitle);
        }
        return output;
    }

    private Output audio(Work work) {
        Channel channel = work.channel();
        VoiceSynthesizer voice = providers.voice(channel.voiceProfile().provider());
        Script script = script(work);
        List<String> spoken = script.segments().stream().map(ScriptSegment::text)
                .filter(text -> !text.isBlank()).toList();
        VoiceSynthesizer.Speech speech = voice.synthesize(new VoiceSynthesizer.SpeechRequest(
                work.brief(), spoken, SpeakingRate.wordsPerMinute(channel.styleGuide())),
                work.call());
        required(voice.name(), "speech", speech);
        URI uri = store(voice.name(), work, "audio/" + fileName(speech.audio()), speech.audio());
        Usage usage = usage(speech.usage());
        Output output = Output.of(details(voice.name(), null, usage)
                        .withJobId(speech.providerJobId()),
                completion(Map.of("uri", uri.toString(), "duration_ms", speech.durationMs()),
                        usage));
        output.assets().add(new NewAsset(work.episodeId(), AssetType.AUDIO, uri.toString(),
                "voice", voice.name(), speech.providerJobId(),
                new AudioMetadata(seconds(speech.durationMs()), extension(speech.audio()), null,
                        null, map(channel.voiceProfile().settings()), cents(usage),
                        usage.characters() == null ? null : Math.toIntExact(usage.characters()),
                        null),
                speech.audio().mimeType(), size(speech.audio()), millis(speech.durationMs()),
                true));
        return output;
    }

    private Submitted submitAvatar(Work work, DSLContext dsl) {
        AvatarRenderer renderer = providers.avatar(work.channel().avatarProfile().provider());
        List<String> segments = script(work).segments(SegmentKind.AVATAR).stream()
                .map(ScriptSegment::text).toList();
        URI audio = primary(dsl, work.episodeId(), AssetType.AUDIO);
        RenderTask task = renderer.submit(new AvatarRenderer.AvatarRequest(work.brief(), segments,
                audio), work.call());
        required(renderer.name(), "render task", task);
        return new Submitted(task, renderer.name());
    }

    private Submitted submitClip(Work work) {
        BrollGenerator generator = providers.broll(null);
        Map<String, Object> input = work.job().input();
        int index = ((Number) input.get(CLIP_INDEX)).intValue();
        RenderTask task = generator.submit(new BrollGenerator.ClipRequest(work.brief(),
                (String) input.get(DESCRIPTION), index, ((Number) input.get(SECONDS)).intValue()),
                work.call());
        required(generator.name(), "render task", task);
        return new Submitted(task, generator.name());
    }

    /** A finished avatar render, stored. */
    Output avatarDone(Work work, String provider, String taskId, Media media, long durationMs,
            Usage rawUsage) {
        Usage usage = usage(rawUsage);
        URI uri = store(provider, work, "avatar/" + fileName(media), media);
        Output output = Output.of(details(provider, null, usage).withJobId(taskId),
                completion(Map.of("uri", uri.toString(), "duration_ms", durationMs), usage));
        output.assets().add(new NewAsset(work.episodeId(), AssetType.AVATAR_VIDEO,
                uri.toString(), "avatar", provider, taskId, video(durationMs, usage, Map.of()),
                media.mimeType(), size(media), millis(durationMs), true));
        return output;
    }

    /** A finished b-roll clip, stored. */
    Output clipDone(Work work, String provider, String taskId, Media media, long durationMs,
            Usage rawUsage) {
        Usage usage = usage(rawUsage);
        int index = ((Number) work.job().input().get(CLIP_INDEX)).intValue();
        URI uri = store(provider, work, "broll/" + index + "-" + fileName(media), media);
        Output output = Output.of(details(provider, null, usage),
                completion(Map.of("uri", uri.toString(), CLIP_INDEX, index), usage));
        output.assets().add(new NewAsset(work.episodeId(), AssetType.B_ROLL, uri.toString(),
                "clip " + index, provider, taskId, video(durationMs, usage, Map.of(CLIP_INDEX,
                        index, DESCRIPTION, String.valueOf(work.job().input().get(DESCRIPTION)))),
                media.mimeType(), size(media), millis(durationMs), false));
        return output;
    }

    private Output assemble(Work work, DSLContext dsl) {
        VideoAssembler assembler = providers.assembler();
        Map<AssetType, URI> primaries = new LinkedHashMap<>();
        List<URI> clips = new ArrayList<>();
        dsl.select(ASSETS.TYPE, ASSETS.URI, ASSETS.IS_PRIMARY).from(ASSETS)
                .where(ASSETS.EPISODE_ID.eq(work.episodeId()), ASSETS.DELETED_AT.isNull(),
                        ASSETS.IS_PRIMARY.isTrue().or(ASSETS.TYPE.eq(AssetType.B_ROLL)))
                .orderBy(CLIP_ORDER, ASSETS.CREATED_AT)
                .fetch().forEach(row -> {
                    if (row.value1() == AssetType.B_ROLL) {
                        clips.add(URI.create(row.value2()));
                    } else if (row.value3()) {
                        primaries.put(row.value1(), URI.create(row.value2()));
                    }
                });
        URI audio = need(primaries, AssetType.AUDIO, work);
        URI avatar = need(primaries, AssetType.AVATAR_VIDEO, work);
        VideoAssembler.Video video = assembler.assemble(new VideoAssembler.AssemblyRequest(
                work.brief(), work.episode().script(), audio, avatar, clips), work.call());
        required(assembler.name(), "video", video);
        Usage usage = usage(video.usage());
        URI uri = store(assembler.name(), work, "final/" + fileName(video.video()), video.video());
        Output output = Output.of(details(assembler.name(), null, usage),
                completion(Map.of("uri", uri.toString(), "duration_ms", video.durationMs()),
                        usage));
        output.assets().add(new NewAsset(work.episodeId(), AssetType.ASSEMBLED_VIDEO,
                uri.toString(), "final", assembler.name(), null,
                video(video.durationMs(), usage, Map.of("clips", clips.size())),
                video.video().mimeType(), size(video.video()), millis(video.durationMs()), true));
        return output;
    }

    private Output upload(Work work, DSLContext dsl, OffsetDateTime now) {
        Publisher publisher = providers.publisher(work.channel().platformConfig().platform());
        URI video = primary(dsl, work.episodeId(), AssetType.ASSEMBLED_VIDEO);
        Publisher.Publication publication = publisher.publish(new Publisher.PublishRequest(
                work.brief(), video, map(work.episode().metadata())), work.call());
        required(publisher.name(), "publication", publication);
        String url = publication.url();
        if (url == null || url.isBlank()
                || url.length() > EPISODES.PUBLISHED_URL.getDataType().length()) {
            throw ProviderException.retryable(publisher.name(),
                    ProviderException.Reason.SERVER_ERROR, "returned a published URL that is "
                            + (url == null || url.isBlank() ? "empty" : url.length()
                                    + " characters long; published_url holds at most "
                                    + EPISODES.PUBLISHED_URL.getDataType().length()), null);
        }
        Usage usage = usage(publication.usage());
        Output output = Output.of(details(publisher.name(), null, usage)
                        .withJobId(publication.externalId()),
                completion(Map.of("url", url), usage));
        output.columns().put(EPISODES.PUBLISHED_URL, url);
        output.columns().put(EPISODES.PUBLISHED_AT, now);
        return output;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Script script(Work work) {
        String script = work.episode().script();
        if (script == null) {
            throw ProviderException.permanent("acog", ProviderException.Reason.INVALID_REQUEST,
                    "episode " + work.episodeId() + " has no script");
        }
        return ScriptParser.parse(script);
    }

    private static URI primary(DSLContext dsl, UUID episodeId, AssetType type) {
        String uri = dsl.select(ASSETS.URI).from(ASSETS)
                .where(ASSETS.EPISODE_ID.eq(episodeId), ASSETS.TYPE.eq(type),
                        ASSETS.IS_PRIMARY.isTrue(), ASSETS.DELETED_AT.isNull())
                .fetchOne(ASSETS.URI);
        if (uri == null) {
            throw ProviderException.permanent("acog", ProviderException.Reason.INVALID_REQUEST,
                    "episode " + episodeId + " has no primary " + type.getLiteral() + " asset");
        }
        return URI.create(uri);
    }

    private static URI need(Map<AssetType, URI> primaries, AssetType type, Work work) {
        URI uri = primaries.get(type);
        if (uri == null) {
            throw ProviderException.permanent("acog", ProviderException.Reason.INVALID_REQUEST,
                    "episode " + work.episodeId() + " has no primary " + type.getLiteral()
                            + " asset");
        }
        return uri;
    }

    private URI store(String provider, Work work, String name, Media media) {
        String key = "episodes/" + work.episodeId() + "/" + name;
        try {
            return storage.store(key, media);
        } catch (IOException | RuntimeException e) {
            throw ProviderException.retryable(storage.name(), ProviderException.Reason.UNAVAILABLE,
                    "cannot store " + provider + "'s " + media.fileName() + " as " + key + ": "
                            + e.getMessage(), null);
        }
    }

    private static void required(String provider, String what, Object answer) {
        if (answer == null) {
            throw ProviderException.retryable(provider, ProviderException.Reason.SERVER_ERROR,
                    "returned no " + what, null);
        }
    }

    /** The provider's JSON object, if it fits the schema's record for it. */
    private static Map<String, Object> fits(String provider, String what,
            Map<String, Object> json, Class<?> shape) {
        if (json == null) {
            throw ProviderException.retryable(provider, ProviderException.Reason.SERVER_ERROR,
                    "returned no " + what, null);
        }
        try {
            JsonCodec.convert(json, shape);
        } catch (IllegalArgumentException e) {
            throw ProviderException.retryable(provider, ProviderException.Reason.SERVER_ERROR,
                    "returned a " + what + " that does not fit " + shape.getSimpleName() + ": "
                            + e.getMessage(), null);
        }
        return json;
    }

    private static JSONB json(String provider, String what, Map<String, Object> json) {
        try {
            return JSONB.valueOf(Checks.json("episode", what, JsonCodec.text(json)));
        } catch (ValidationException e) {
            throw ProviderException.retryable(provider, ProviderException.Reason.SERVER_ERROR,
                    "returned a " + what + " that cannot be stored: " + e.getMessage(), null);
        }
    }

    private static Output written(String provider, String model, Usage rawUsage) {
        Usage usage = usage(rawUsage);
        return Output.of(details(provider, model, usage), completion(
                model == null ? Map.of() : Map.of("model", model), usage));
    }

    private static StageState details(String provider, String model, Usage usage) {
        return StageState.empty().withProvider(provider).withModelUsed(model)
                .withTokensUsed(usage.tokens() == null ? null : Math.toIntExact(usage.tokens()))
                .withCostUsd(usage.costUsd());
    }

    private static JobCompletion completion(Map<String, Object> result, Usage usage) {
        return new JobCompletion(result, usage.costUsd(),
                usage.tokens() == null ? null : Math.toIntExact(usage.tokens()));
    }

    private static Usage usage(Usage usage) {
        return usage == null ? Usage.none() : usage;
    }

    private static Integer cents(Usage usage) {
        return usage.costUsd() == null ? null
                : usage.costUsd().movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
    }

    private static VideoMetadata video(long durationMs, Usage usage, Map<String, Object> extra) {
        return new VideoMetadata(seconds(durationMs), null, null, null, null, cents(usage), null,
                extra);
    }

    private static BigDecimal seconds(long durationMs) {
        return durationMs <= 0 ? null : BigDecimal.valueOf(durationMs, 3);
    }

    private static Integer millis(long durationMs) {
        return durationMs <= 0 ? null : Math.toIntExact(Math.min(durationMs, Integer.MAX_VALUE));
    }

    private static Long size(Media media) {
        return media.size() < 0 ? null : media.size();
    }

    private static String fileName(Media media) {
        String name = media.fileName();
        return name == null || name.isBlank() ? "output" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String extension(Media media) {
        String name = fileName(media);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(dot + 1);
    }
}
