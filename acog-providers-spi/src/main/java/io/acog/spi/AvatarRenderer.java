package io.acog.spi;

import java.net.URI;
import java.util.List;

/**
 * Renders the presenter on camera: the {@code avatar} stage (HeyGen, Synthesia and the like),
 * submitted then polled. Thread-safe; failures are {@link ProviderException}s.
 */
public interface AvatarRenderer {

    /** The provider's name, as channels name it in {@code avatar_profile.provider}. */
    String name();

    /**
     * Whether this provider serves channels that ask for {@code requested} (their
     * {@code avatar_profile.provider}); by default when it is its own {@link #name()}, ignoring case.
     * Test doubles may serve any.
     */
    default boolean serves(String requested) {
        return name().equalsIgnoreCase(requested);
    }

    RenderTask submit(AvatarRequest request, ProviderCall call);

    RenderProgress poll(String taskId, ProviderCall call);

    /** Stops a render; a render that already ended is left alone. */
    void cancel(String taskId, ProviderCall call);

    /**
     * @param segments the text of the script's {@code [AVATAR]} segments
     * @param audio the episode's synthesized speech, to lip-sync to
     */
    record AvatarRequest(ChannelBrief channel, List<String> segments, URI audio) {
        public AvatarRequest {
            segments = Copies.list(segments);
        }
    }
}
