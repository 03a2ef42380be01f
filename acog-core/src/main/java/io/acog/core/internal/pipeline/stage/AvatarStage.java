package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.asset.NewAsset;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Avatar: the channel's avatar provider renders the {@code [AVATAR]} segments over the episode's
 * audio; the finished video becomes the primary avatar video.
 */
final class AvatarStage implements RenderStage {

    private final Providers providers;

    AvatarStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.SCRIPT, EpisodeField.ASSETS);
    }

    @Override
    public StageResult run(StageWork work) {
        AvatarRenderer renderer =
                providers.avatar(work.channel().avatarProfile().provider());
        List<String> segments = work.script().segments(SegmentKind.AVATAR).stream()
                .map(ScriptSegment::text)
                .toList();
        URI audio = work.episode().assets().primary(AssetType.AUDIO);
        RenderTask task = Answers.required(
                renderer.name(),
                "render task",
                renderer.submit(new AvatarRenderer.AvatarRequest(work.brief(), segments, audio), work.call()));
        return new StageResult.Submitted(task, renderer.name());
    }

    @Override
    public RenderProgress poll(String provider, String taskId, ProviderCall call) {
        return providers.avatarNamed(provider).poll(taskId, call);
    }

    @Override
    public void cancel(String provider, String taskId, ProviderCall call) {
        providers.avatarNamed(provider).cancel(taskId, call);
    }

    @Override
    public StageResult.Output rendered(StageWork work, String provider, String taskId, RenderProgress.Done done) {
        Usage usage = Usages.of(done.usage());
        URI uri = StoredMedia.store(
                work.call().storage(),
                provider,
                work.episodeId(),
                "avatar/" + StoredMedia.fileName(done.media()),
                done.media());
        return new StageResult.Output(
                        Usages.details(provider, null, usage).withJobId(taskId),
                        Usages.completion(Map.of("uri", uri.toString(), "duration_ms", done.durationMs()), usage))
                .with(new NewAsset(
                        work.episodeId(),
                        AssetType.AVATAR_VIDEO,
                        uri.toString(),
                        "avatar",
                        provider,
                        taskId,
                        StoredMedia.video(done.durationMs(), usage, Map.of()),
                        done.media().mimeType(),
                        StoredMedia.size(done.media()),
                        StoredMedia.millis(done.durationMs()),
                        true));
    }
}
