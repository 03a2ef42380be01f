package io.acog.spi;

import java.util.List;

/**
 * Speaks the script: the {@code audio} stage (ElevenLabs and the like). Thread-safe; failures are
 * {@link ProviderException}s.
 */
public interface VoiceSynthesizer {

    /** The provider's name, as channels name it in {@code voice_profile.provider}. */
    String name();

    /**
     * Whether this provider serves channels that ask for {@code requested} (their
     * {@code voice_profile.provider}); by default when it is its own {@link #name()}, ignoring case.
     * Test doubles may serve any.
     */
    default boolean serves(String requested) {
        return name().equalsIgnoreCase(requested);
    }

    Speech synthesize(SpeechRequest request, ProviderCall call);

    /**
     * @param segments the spoken text of each script segment, in order
     * @param wordsPerMinute the channel's speaking rate
     */
    record SpeechRequest(ChannelBrief channel, List<String> segments, int wordsPerMinute) {
        public SpeechRequest {
            segments = Copies.list(segments);
        }
    }

    /** @param providerJobId the provider's request id, for tracing */
    record Speech(Media audio, long durationMs, String providerJobId, Usage usage) {}
}
