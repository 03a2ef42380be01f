package io.acog.spi;

import java.util.List;

/**
 * Generates one b-roll clip per {@code [BROLL:description]} marker: the {@code broll} stage (Runway,
 * Pika and the like), submitted then polled. Thread-safe; failures are {@link ProviderException}s.
 */
public interface BrollGenerator extends Provider {

    /**
     * Returns the provider's name, e.g. {@code "runway"}. The pipeline asks the first registered
     * b-roll generator for every clip, and finds it again by this name to poll.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Submits one clip to render. Return quickly: the pipeline then {@linkplain #poll polls} the
     * task without holding a thread.
     *
     * @param request the clip to render
     * @param call the episode and stage it serves; pass its {@link ProviderCall#idempotencyKey()}
     *     on (it differs per clip)
     * @return the accepted render, never null
     * @throws ProviderException when the provider refuses or cannot be reached
     */
    RenderTask submit(ClipRequest request, ProviderCall call);

    /**
     * Asks how the render {@code taskId} stands, once its {@code checkAfter} has passed.
     *
     * @param taskId the id {@link #submit} returned
     * @param call the episode and stage it serves
     * @return pending, done with the clip, or failed at the provider; never null
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
     * Returns the clip lengths the provider's model renders, in seconds, ascending (Runway's
     * models take 5 or 10, for one). ACOG asks for the shortest that covers the clip's cut, or the
     * longest when none does; the assembler trims. Empty, the default, means any whole number of
     * seconds from 1.
     *
     * @return the lengths offered, ascending; never null
     */
    default List<Integer> clipSeconds() {
        return List.of();
    }

    /**
     * One b-roll clip to render.
     *
     * @param channel the channel, with its style guide
     * @param description the marker's description, e.g. {@code "city skyline at dusk"}
     * @param clipIndex the clip's place among the episode's b-roll markers, from 0
     * @param seconds how long the clip should run, in seconds: one of {@link #clipSeconds()} when
     *     the provider names any
     * @param neededMs how long the clip's cut runs on the timeline, in milliseconds; what the
     *     assembler shows of the clip
     * @param format the video's frame: ask for its aspect ratio
     */
    record ClipRequest(
            ChannelBrief channel, String description, int clipIndex, int seconds, long neededMs, OutputFormat format) {}
}
