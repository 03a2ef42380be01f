package io.acog.spi;

import java.net.URI;
import java.util.List;

/**
 * Renders the presenter on camera: the {@code avatar} stage (HeyGen, Synthesia and the like),
 * submitted then polled. Thread-safe; failures are {@link ProviderException}s.
 */
public interface AvatarRenderer extends Provider {

    /**
     * Returns the provider's name, as channels name it in {@code avatar_profile.provider}.
     *
     * @return the name, e.g. {@code "heygen"}; never null
     */
    String name();

    /**
     * Tells whether this provider serves channels that ask for {@code requested} (their {@code
     * avatar_profile.provider}); by default when it is its own {@link #name()}, ignoring case. Test
     * doubles may serve any. A provider whose name matches is chosen before one that only serves
     * the name.
     *
     * @param requested the provider the channel names; never blank
     * @return whether this provider renders for such a channel
     */
    default boolean serves(String requested) {
        return name().equalsIgnoreCase(requested);
    }

    /**
     * Submits the render of the presenter speaking {@code request}'s segments over its audio.
     * Return quickly: the pipeline then {@linkplain #poll polls} the task (or hears of it by
     * webhook) without holding a thread.
     *
     * @param request what to render
     * @param call the episode and stage it serves; pass its {@link ProviderCall#idempotencyKey()}
     *     on, so that a retried submit does not start a second render
     * @return the accepted render, never null
     * @throws ProviderException when the provider refuses or cannot be reached
     */
    RenderTask submit(AvatarRequest request, ProviderCall call);

    /**
     * Asks how the render {@code taskId} stands, when its {@link RenderTask#checkAfter()} or a
     * later {@link RenderProgress.Pending#checkAfter()} has passed.
     *
     * @param taskId the id {@link #submit} returned
     * @param call the episode and stage it serves
     * @return pending, done with the video, or failed at the provider; never null
     * @throws ProviderException when the status request itself fails (retryable: asked again later)
     */
    RenderProgress poll(String taskId, ProviderCall call);

    /**
     * Stops a render; a render that already ended is left alone. Called when the episode is
     * cancelled; what it throws is logged and ignored.
     *
     * @param taskId the id {@link #submit} returned
     * @param call the stage it serves; its {@link ProviderCall#episodeId()} is null here
     * @return whether the render was stopped, had ended, or cannot be stopped at this provider
     */
    Cancellation cancel(String taskId, ProviderCall call);

    /**
     * Tells what the finished video covers: the avatar windows back to back (the default, and what
     * a provider should do where its API can render parts of the audio, so only they are billed),
     * or the whole narration.
     *
     * @return the coverage of this provider's videos
     */
    default Coverage coverage() {
        return Coverage.WINDOWS;
    }

    /** What an avatar video covers. */
    enum Coverage {
        /**
         * The {@link AvatarRequest#windows()} back to back: the window {@code w} starts at {@code
         * w.sourceOffsetMs()} in the video, which runs their total length.
         */
        WINDOWS,
        /** The whole narration, time for time: the video runs as long as the audio. */
        NARRATION
    }

    /**
     * What to render: the presenter speaking, lip-synced to the episode's audio, in the windows
     * where the timeline shows them.
     *
     * @param channel the channel, with its {@code avatar_profile} (e.g. {@code avatar_id})
     * @param windows the timeline's {@link Timeline.Source#AVATAR} cuts, in order: where on the
     *     audio the presenter speaks, what, and where each window starts in the video
     * @param audio the episode's synthesized speech, readable from {@link ProviderCall#storage()}
     * @param audioUrl a URL of the same audio that the provider's servers can fetch (a presigned
     *     URL), or null when the storage cannot give one and the provider must upload the audio
     * @param format the video's frame: ask for its aspect ratio and size
     * @param callbackUrl where the provider should report the render's end (a host's webhook), or
     *     null when the host has none and the pipeline only polls
     */
    record AvatarRequest(
            ChannelBrief channel,
            List<Timeline.Cut> windows,
            URI audio,
            URI audioUrl,
            OutputFormat format,
            URI callbackUrl) {
        /**
         * Makes an unmodifiable copy of {@code windows}; null becomes empty.
         *
         * @param channel the channel, with its {@code avatar_profile} (e.g. {@code avatar_id})
         * @param windows the timeline's {@link Timeline.Source#AVATAR} cuts, in order
         * @param audio the episode's synthesized speech, readable from the storage
         * @param audioUrl a URL of the audio the provider can fetch, or null
         * @param format the video's frame
         * @param callbackUrl where the provider should report the render's end, or null
         */
        public AvatarRequest {
            windows = Copies.list(windows);
        }

        /**
         * Returns how long the windows run together: the length of the video to render.
         *
         * @return the windows' total length, in milliseconds
         */
        public long windowsMs() {
            return windows.stream().mapToLong(Timeline.Cut::lengthMs).sum();
        }
    }
}
