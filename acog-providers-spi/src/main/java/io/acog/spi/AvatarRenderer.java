package io.acog.spi;

import java.net.URI;
import java.util.List;

/**
 * Renders the presenter on camera: the {@code avatar} stage (HeyGen, Synthesia and the like),
 * submitted then polled. Thread-safe; failures are {@link ProviderException}s.
 */
public interface AvatarRenderer {

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
     */
    void cancel(String taskId, ProviderCall call);

    /**
     * What to render: the presenter speaking the script's avatar segments.
     *
     * @param channel the channel, with its {@code avatar_profile} (e.g. {@code avatar_id})
     * @param segments the text of the script's {@code [AVATAR]} segments
     * @param audio the episode's synthesized speech, to lip-sync to
     */
    record AvatarRequest(ChannelBrief channel, List<String> segments, URI audio) {
        /**
         * Makes an unmodifiable copy of {@code segments}; null becomes empty.
         *
         * @param channel the channel, with its {@code avatar_profile} (e.g. {@code avatar_id})
         * @param segments the text of the script's {@code [AVATAR]} segments
         * @param audio the episode's synthesized speech, to lip-sync to
         */
        public AvatarRequest {
            segments = Copies.list(segments);
        }
    }
}
