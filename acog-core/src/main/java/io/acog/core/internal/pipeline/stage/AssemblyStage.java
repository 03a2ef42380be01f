package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetMetadata;
import io.acog.core.asset.AssetType;
import io.acog.core.asset.DocumentMetadata;
import io.acog.core.asset.ImageMetadata;
import io.acog.core.asset.NewAsset;
import io.acog.core.episode.EpisodeMetadata;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.Provider;
import io.acog.spi.Timeline;
import io.acog.spi.Usage;
import io.acog.spi.VideoAssembler;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Assembly: the assembler cuts the narration, the avatar video and the b-roll clips into the final
 * video along the episode's timeline; the video, its thumbnail and its captions become the
 * episode's primary assets of their types.
 */
final class AssemblyStage implements Stage {

    /** {@code style_guide.background_music}: a URI of music to lay under the voice. */
    static final String MUSIC = "background_music";

    private final Providers providers;

    AssemblyStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.METADATA, EpisodeField.TIMELINE, EpisodeField.ASSETS);
    }

    @Override
    public Provider provider(StageWork work) {
        return providers.assembler();
    }

    @Override
    public StageResult run(StageWork work) {
        VideoAssembler assembler = providers.assembler();
        EpisodeAssets inputs = work.episode().assets();
        Timeline timeline = EpisodeMedia.timeline(work);
        OutputFormat format = EpisodeMedia.format(work.channel());
        EpisodeMetadata metadata = work.episode().metadata();
        VideoAssembler.Video video = Answers.required(
                assembler.name(),
                "video",
                assembler.assemble(
                        new VideoAssembler.AssemblyRequest(
                                work.brief(),
                                metadata == null ? "" : metadata.finalTitle(),
                                avatarOffsets(timeline, inputs),
                                format,
                                inputs.primary(AssetType.AUDIO),
                                avatar(inputs),
                                clips(inputs),
                                music(work),
                                EpisodeMedia.burnCaptions(work.channel(), format)),
                        work.call()));
        try {
            return stored(work, assembler.name(), video, inputs.clips().size());
        } finally { // what was not stored (storing one failed) is let go of too
            StoredMedia.close(video.video());
            for (Media made : new Media[] {video.thumbnail(), video.captions()}) {
                if (made != null) {
                    StoredMedia.close(made);
                }
            }
        }
    }

    private static StageResult.Output stored(StageWork work, String assembler, VideoAssembler.Video video, int clips) {
        UUID episode = work.episodeId();
        Usage usage = Usages.of(video.usage());
        StoredMedia.Kept uri = StoredMedia.store(
                work.call().storage(),
                assembler,
                episode,
                "final/" + StoredMedia.fileName(video.video()),
                video.video());
        StageResult.Output output = new StageResult.Output(
                        Usages.details(assembler, null, usage),
                        Usages.completion(
                                Map.of("uri", uri.uri().toString(), "duration_ms", video.durationMs()), usage))
                .with(new NewAsset(
                        episode,
                        AssetType.ASSEMBLED_VIDEO,
                        uri.uri().toString(),
                        "final",
                        assembler,
                        null,
                        StoredMedia.video(video.durationMs(), usage, Map.of("clips", clips)),
                        video.video().mimeType(),
                        uri.size(),
                        StoredMedia.millis(video.durationMs()),
                        true));
        if (video.thumbnail() != null) {
            output = output.with(keep(
                    work,
                    assembler,
                    AssetType.THUMBNAIL,
                    video.thumbnail(),
                    new ImageMetadata(1280, 720, StoredMedia.extension(video.thumbnail()), null, null, null)));
        }
        if (video.captions() != null) {
            output = output.with(keep(
                    work,
                    assembler,
                    AssetType.CAPTIONS,
                    video.captions(),
                    new DocumentMetadata(StoredMedia.extension(video.captions()), 1, null, null)));
        }
        return output;
    }

    /** Stores a file the assembler made beside the video, as the episode's primary of its type. */
    private static NewAsset keep(StageWork work, String assembler, AssetType type, Media made, AssetMetadata metadata) {
        StoredMedia.Kept kept = StoredMedia.store(
                work.call().storage(), assembler, work.episodeId(), "final/" + StoredMedia.fileName(made), made);
        return new NewAsset(
                work.episodeId(),
                type,
                kept.uri().toString(),
                type.label(),
                assembler,
                null,
                metadata,
                made.mimeType(),
                kept.size(),
                null,
                true);
    }

    /**
     * The timeline with the avatar cuts' offsets into the avatar video as it was rendered: the
     * windows back to back (as laid out), or the whole narration, time for time.
     */
    private Timeline avatarOffsets(Timeline timeline, EpisodeAssets inputs) {
        EpisodeAssets.Stored avatar = inputs.optional(AssetType.AVATAR_VIDEO);
        if (avatar == null
                || avatar.provider() == null
                || providers.avatarNamed(avatar.provider()).coverage() != AvatarRenderer.Coverage.NARRATION) {
            return timeline;
        }
        return new Timeline(
                timeline.durationMs(),
                timeline.cuts().stream()
                        .map(cut -> cut.source() == Timeline.Source.AVATAR
                                ? new Timeline.Cut(
                                        cut.segment(),
                                        cut.source(),
                                        cut.startMs(),
                                        cut.endMs(),
                                        cut.clipIndex(),
                                        cut.startMs(),
                                        cut.text())
                                : cut)
                        .toList(),
                timeline.captions());
    }

    private static VideoAssembler.Part avatar(EpisodeAssets inputs) {
        EpisodeAssets.Stored avatar = inputs.optional(AssetType.AVATAR_VIDEO);
        return avatar == null ? null : new VideoAssembler.Part(avatar.uri(), avatar.durationMs());
    }

    private static Map<Integer, VideoAssembler.Part> clips(EpisodeAssets inputs) {
        Map<Integer, VideoAssembler.Part> clips = new LinkedHashMap<>();
        inputs.clips()
                .forEach((index, clip) -> clips.put(index, new VideoAssembler.Part(clip.uri(), clip.durationMs())));
        return clips;
    }

    private static URI music(StageWork work) {
        Object music = work.channel().styleGuide().extra().get(MUSIC);
        if (!(music instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw StageFailedException.permanent(
                    "channel.style_guide." + MUSIC + " is '" + text + "', which is not a URI: " + e.getMessage());
        }
    }
}
