package io.acog.spi;

import java.net.URI;
import java.util.Map;

/** Uploads the finished video to the channel's platform: the {@code upload} stage. Thread-safe. */
public interface Publisher {

    /**
     * Returns the provider's name, e.g. {@code "youtube"}.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Tells whether this provider serves channels that ask for {@code requested} (their {@code
     * platform_config.platform}); by default when it is its own {@link #name()}, ignoring case.
     * Test doubles may serve any. A publisher whose name matches is chosen before one that only
     * serves the name.
     *
     * @param requested the platform the channel names; never blank
     * @return whether this publisher publishes for such a channel
     */
    default boolean serves(String requested) {
        return name().equalsIgnoreCase(requested);
    }

    /**
     * Publishes the assembled video: the {@code upload} stage. The publication's URL becomes the
     * episode's {@code published_url}; a missing URL, or one longer than the column holds, fails
     * the stage as retryable.
     *
     * @param request the channel, the video and the episode's metadata
     * @param call the episode and stage it serves; pass its {@link ProviderCall#idempotencyKey()}
     *     on, so that a retried upload does not publish twice
     * @return where the video was published, never null
     * @throws ProviderException when the upload fails
     */
    Publication publish(PublishRequest request, ProviderCall call);

    /**
     * What to publish.
     *
     * @param channel the channel, with its {@code platform_config}
     * @param video the assembled video, readable from the pipeline's storage
     * @param metadata the episode's metadata ({@code final_title, description, tags[], ...})
     */
    record PublishRequest(ChannelBrief channel, URI video, Map<String, Object> metadata) {
        /**
         * Makes an unmodifiable copy of {@code metadata}; null becomes empty.
         *
         * @param channel the channel, with its {@code platform_config}
         * @param video the assembled video, readable from the pipeline's storage
         * @param metadata the episode's metadata ({@code final_title, description, tags[], ...})
         */
        public PublishRequest {
            metadata = Copies.map(metadata);
        }
    }

    /**
     * Where a video was published.
     *
     * @param url where viewers find it; never blank
     * @param externalId the platform's id of the video, for tracing; null if none
     * @param usage what the call cost; null counts as none
     */
    record Publication(String url, String externalId, Usage usage) {}
}
