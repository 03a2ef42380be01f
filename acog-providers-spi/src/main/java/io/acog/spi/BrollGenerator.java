package io.acog.spi;

/**
 * Generates one b-roll clip per {@code [BROLL:description]} marker: the {@code broll} stage (Runway,
 * Pika and the like), submitted then polled. Thread-safe; failures are {@link ProviderException}s.
 */
public interface BrollGenerator {

    String name();

    RenderTask submit(ClipRequest request, ProviderCall call);

    RenderProgress poll(String taskId, ProviderCall call);

    void cancel(String taskId, ProviderCall call);

    /**
     * @param clipIndex the clip's place among the episode's b-roll markers, from 0
     * @param seconds how long the clip should run
     */
    record ClipRequest(ChannelBrief channel, String description, int clipIndex, int seconds) {}
}
