package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.asset.NewAsset;
import io.acog.core.episode.StageState;
import io.acog.core.job.JobCompletion;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.Cancellation;
import io.acog.spi.Provider;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Timeline;
import io.acog.spi.Usage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Avatar: the channel's avatar provider renders the presenter for the timeline's {@code [AVATAR]}
 * windows over the episode's audio; the finished video becomes the primary avatar video. A script
 * without a spoken avatar segment renders nothing (and pays nothing).
 */
final class AvatarStage implements RenderStage {

    /** How long a provider's link to the audio must work: renders may queue for hours. */
    static final Duration SHARED_AUDIO_VALID = Duration.ofHours(24);

    private final Providers providers;
    private final URI callbackUrl;

    AvatarStage(Providers providers, URI callbackUrl) {
        this.providers = providers;
        this.callbackUrl = callbackUrl;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.TIMELINE, EpisodeField.ASSETS);
    }

    @Override
    public Provider provider(StageWork work) {
        return providers.avatar(work.channel().avatarProfile().provider());
    }

    @Override
    public StageResult run(StageWork work) {
        AvatarRenderer renderer =
                providers.avatar(work.channel().avatarProfile().provider());
        List<Timeline.Cut> windows = EpisodeMedia.timeline(work).cuts(Timeline.Source.AVATAR).stream()
                .filter(cut -> cut.lengthMs() > 0)
                .toList();
        if (windows.isEmpty()) {
            return new StageResult.Output(
                    StageState.builder()
                            .provider(renderer.name())
                            .extra("rendered", false)
                            .build(),
                    new JobCompletion(Map.of("rendered", false), null, null));
        }
        URI audio = work.episode().assets().primary(AssetType.AUDIO);
        URI shared;
        try {
            shared = work.call()
                    .storage()
                    .shareableUrl(audio, SHARED_AUDIO_VALID)
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            throw StageFailedException.retryable(work.call().storage().name()
                    + " cannot give a shareable URL of the episode's audio: " + e.getMessage());
        }
        RenderTask task = Answers.required(
                renderer.name(),
                "render task",
                renderer.submit(
                        new AvatarRenderer.AvatarRequest(
                                work.brief(),
                                windows,
                                audio,
                                shared,
                                EpisodeMedia.format(work.channel()),
                                callbackFor(renderer.name())),
                        work.call()));
        return new StageResult.Submitted(task, renderer.name());
    }

    /** The callback URL for {@code provider}'s renders: its name appended to a URL ending in '/'. */
    private URI callbackFor(String provider) {
        if (callbackUrl == null || !callbackUrl.getPath().endsWith("/")) {
            return callbackUrl;
        }
        return callbackUrl.resolve(
                java.net.URLEncoder.encode(provider.toLowerCase(Locale.ROOT), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public Provider named(String provider) {
        return providers.avatarNamed(provider);
    }

    @Override
    public RenderProgress poll(String provider, String taskId, ProviderCall call) {
        return providers.avatarNamed(provider).poll(taskId, call);
    }

    @Override
    public Cancellation cancel(String provider, String taskId, ProviderCall call) {
        return providers.avatarNamed(provider).cancel(taskId, call);
    }

    @Override
    public StageResult.Output rendered(StageWork work, String provider, String taskId, RenderProgress.Done done) {
        Usage usage = Usages.of(done.usage());
        AvatarRenderer.Coverage coverage = providers.avatarNamed(provider).coverage();
        StoredMedia.Kept uri = StoredMedia.store(
                work.call().storage(),
                provider,
                work.episodeId(),
                "avatar/" + StoredMedia.fileName(done.media()),
                done.media());
        return new StageResult.Output(
                        Usages.details(provider, null, usage).withJobId(taskId),
                        Usages.completion(Map.of("uri", uri.uri().toString(), "duration_ms", done.durationMs()), usage))
                .with(new NewAsset(
                        work.episodeId(),
                        AssetType.AVATAR_VIDEO,
                        uri.uri().toString(),
                        "avatar",
                        provider,
                        taskId,
                        StoredMedia.video(
                                done.durationMs(),
                                usage,
                                StoredMedia.extra(
                                        done, Map.of(COVERAGE, coverage.name().toLowerCase(Locale.ROOT)))),
                        done.media().mimeType(),
                        uri.size(),
                        StoredMedia.millis(done.durationMs()),
                        true));
    }

    /** The avatar asset's metadata key saying what the video covers. */
    static final String COVERAGE = "coverage";
}
