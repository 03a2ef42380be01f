package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.asset.NewAsset;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * B-roll: one job per {@code [BROLL:...]} clip of the script; the generator renders the clip's
 * description, and each finished clip is stored as a b-roll asset carrying its clip index.
 */
final class BrollStage implements RenderStage {

    private final Providers providers;

    BrollStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.noneOf(EpisodeField.class);
    }

    @Override
    public StageResult run(StageWork work) {
        BrollGenerator generator = providers.broll(null);
        JobInputs.Clip clip = work.input(JobInputs.Clip.class);
        RenderTask task = Answers.required(
                generator.name(),
                "render task",
                generator.submit(
                        new BrollGenerator.ClipRequest(
                                work.brief(), clip.description(), clip.clipIndex(), clip.seconds()),
                        work.call()));
        return new StageResult.Submitted(task, generator.name());
    }

    @Override
    public RenderProgress poll(String provider, String taskId, ProviderCall call) {
        return providers.broll(provider).poll(taskId, call);
    }

    @Override
    public void cancel(String provider, String taskId, ProviderCall call) {
        providers.broll(provider).cancel(taskId, call);
    }

    @Override
    public StageResult.Output rendered(StageWork work, String provider, String taskId, RenderProgress.Done done) {
        Usage usage = Usages.of(done.usage());
        JobInputs.Clip clip = work.input(JobInputs.Clip.class);
        int index = clip.clipIndex();
        URI uri = StoredMedia.store(
                work.call().storage(),
                provider,
                work.episodeId(),
                "broll/" + index + "-" + StoredMedia.fileName(done.media()),
                done.media());
        return new StageResult.Output(
                        Usages.details(provider, null, usage),
                        Usages.completion(Map.of("uri", uri.toString(), "clip_index", index), usage))
                .with(new NewAsset(
                        work.episodeId(),
                        AssetType.B_ROLL,
                        uri.toString(),
                        "clip " + index,
                        provider,
                        taskId,
                        StoredMedia.video(
                                done.durationMs(),
                                usage,
                                Map.of("clip_index", index, "description", String.valueOf(clip.description()))),
                        done.media().mimeType(),
                        StoredMedia.size(done.media()),
                        StoredMedia.millis(done.durationMs()),
                        false));
    }
}
