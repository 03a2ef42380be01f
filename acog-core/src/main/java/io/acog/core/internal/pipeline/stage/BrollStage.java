package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.asset.NewAsset;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.spi.BrollGenerator;
import io.acog.spi.Cancellation;
import io.acog.spi.Provider;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * B-roll: one job per {@code [BROLL:...]} clip of the script; the generator renders the clip's
 * description for as long as its cut on the timeline runs (in a length the generator offers), and
 * each finished clip is stored as a b-roll asset carrying its clip index.
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
    public Provider provider(StageWork work) {
        return providers.broll(null);
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
                                work.brief(),
                                clip.description(),
                                clip.clipIndex(),
                                snap(clip.seconds(), generator.clipSeconds()),
                                clip.neededMs() > 0 ? clip.neededMs() : clip.seconds() * 1000L,
                                EpisodeMedia.format(work.channel())),
                        work.call()));
        return new StageResult.Submitted(task, generator.name());
    }

    @Override
    public Provider named(String provider) {
        return providers.broll(provider);
    }

    @Override
    public RenderProgress poll(String provider, String taskId, ProviderCall call) {
        return providers.broll(provider).poll(taskId, call);
    }

    @Override
    public Cancellation cancel(String provider, String taskId, ProviderCall call) {
        return providers.broll(provider).cancel(taskId, call);
    }

    /**
     * The length to ask for: the shortest the provider offers that covers {@code seconds}, or its
     * longest when none does (the assembler holds the last frame); any length when it names none.
     */
    static int snap(int seconds, List<Integer> offered) {
        if (offered.isEmpty()) {
            return Math.max(1, seconds);
        }
        int longest = 0;
        int fitting = Integer.MAX_VALUE;
        for (int length : offered) {
            longest = Math.max(longest, length);
            if (length >= seconds) {
                fitting = Math.min(fitting, length);
            }
        }
        return fitting == Integer.MAX_VALUE ? longest : fitting;
    }

    @Override
    public StageResult.Output rendered(StageWork work, String provider, String taskId, RenderProgress.Done done) {
        Usage usage = Usages.of(done.usage());
        JobInputs.Clip clip = work.input(JobInputs.Clip.class);
        int index = clip.clipIndex();
        StoredMedia.Kept uri = StoredMedia.store(
                work.call().storage(),
                provider,
                work.episodeId(),
                "broll/" + index + "-" + StoredMedia.fileName(done.media()),
                done.media());
        return new StageResult.Output(
                        Usages.details(provider, null, usage),
                        Usages.completion(Map.of("uri", uri.uri().toString(), "clip_index", index), usage))
                .with(new NewAsset(
                        work.episodeId(),
                        AssetType.B_ROLL,
                        uri.uri().toString(),
                        "clip " + index,
                        provider,
                        taskId,
                        StoredMedia.video(
                                done.durationMs(),
                                usage,
                                StoredMedia.extra(
                                        done,
                                        Map.of(
                                                "clip_index",
                                                index,
                                                "description",
                                                String.valueOf(clip.description())))),
                        done.media().mimeType(),
                        uri.size(),
                        StoredMedia.millis(done.durationMs()),
                        false));
    }
}
