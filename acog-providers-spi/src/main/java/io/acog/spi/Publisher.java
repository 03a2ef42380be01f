package io.acog.spi;

import java.net.URI;
import java.util.Map;

/** Uploads the finished video to the channel's platform: the {@code upload} stage. Thread-safe. */
public interface Publisher {

    String name();

    /**
     * Whether this provider serves channels that ask for {@code requested} (their
     * {@code platform_config.platform}); by default when it is its own {@link #name()}, ignoring case.
     * Test doubles may serve any.
     */
    default boolean serves(String requested) {
        return name().equalsIgnoreCase(requested);
    }

    Publication publish(PublishRequest request, ProviderCall call);

    /** @param metadata the episode's metadata ({@code final_title, description, tags[], ...}) */
    record PublishRequest(ChannelBrief channel, URI video, Map<String, Object> metadata) {
        public PublishRequest {
            metadata = Copies.map(metadata);
        }
    }

    /** @param url where viewers find it */
    record Publication(String url, String externalId, Usage usage) {}
}
