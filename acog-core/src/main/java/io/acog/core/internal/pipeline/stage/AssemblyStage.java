package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.asset.NewAsset;
import io.acog.spi.Usage;
import io.acog.spi.VideoAssembler;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Assembly: the assembler cuts the audio, the avatar video and the b-roll clips (in script order)
 * into the final video, the episode's primary assembled video.
 */
final class AssemblyStage implements Stage {

    private final Providers providers;

    AssemblyStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.SCRIPT, EpisodeField.ASSETS);
    }

    @Override
    public StageResult run(StageWork work) {
        VideoAssembler assembler = providers.assembler();
        EpisodeAssets inputs = work.episode().assets();
        URI audio = inputs.primary(AssetType.AUDIO);
        URI avatar = inputs.primary(AssetType.AVATAR_VIDEO);
        VideoAssembler.Video video = Answers.required(
                assembler.name(),
                "video",
                assembler.assemble(
                        new VideoAssembler.AssemblyRequest(
                                work.brief(), work.episode().script(), audio, avatar, inputs.clips()),
                        work.call()));
        Usage usage = Usages.of(video.usage());
        URI uri = StoredMedia.store(
                work.call().storage(),
                assembler.name(),
                work.episodeId(),
                "final/" + StoredMedia.fileName(video.video()),
                video.video());
        return new StageResult.Output(
                        Usages.details(assembler.name(), null, usage),
                        Usages.completion(Map.of("uri", uri.toString(), "duration_ms", video.durationMs()), usage))
                .with(new NewAsset(
                        work.episodeId(),
                        AssetType.ASSEMBLED_VIDEO,
                        uri.toString(),
                        "final",
                        assembler.name(),
                        null,
                        StoredMedia.video(
                                video.durationMs(),
                                usage,
                                Map.of("clips", inputs.clips().size())),
                        video.video().mimeType(),
                        StoredMedia.size(video.video()),
                        StoredMedia.millis(video.durationMs()),
                        true));
    }
}
