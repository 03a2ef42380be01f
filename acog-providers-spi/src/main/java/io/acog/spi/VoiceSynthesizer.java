package io.acog.spi;

import java.util.List;

/**
 * Speaks the script: the {@code audio} stage (ElevenLabs and the like). Thread-safe; failures are
 * {@link ProviderException}s.
 */
public interface VoiceSynthesizer {

    /**
     * Returns the provider's name, as channels name it in {@code voice_profile.provider}.
     *
     * @return the name, e.g. {@code "elevenlabs"}; never null
     */
    String name();

    /**
     * Tells whether this provider serves channels that ask for {@code requested} (their {@code
     * voice_profile.provider}); by default when it is its own {@link #name()}, ignoring case. Test
     * doubles may serve any. A provider whose name matches is chosen before one that only serves
     * the name.
     *
     * @param requested the provider the channel names; never blank
     * @return whether this provider speaks for such a channel
     */
    default boolean serves(String requested) {
        return name().equalsIgnoreCase(requested);
    }

    /**
     * Speaks the script: the {@code audio} stage. The speech becomes the episode's primary audio
     * asset.
     *
     * @param request the channel, the spoken segments and the speaking rate
     * @param call the episode and stage it serves; pass its {@link ProviderCall#idempotencyKey()}
     *     on
     * @return the speech, never null
     * @throws ProviderException when the call fails
     */
    Speech synthesize(SpeechRequest request, ProviderCall call);

    /**
     * What to speak.
     *
     * @param channel the channel, with its {@code voice_profile} (e.g. {@code voice_id})
     * @param segments the spoken text of each script segment, in order; blank segments left out
     * @param wordsPerMinute the channel's speaking rate
     */
    record SpeechRequest(ChannelBrief channel, List<String> segments, int wordsPerMinute) {
        /**
         * Makes an unmodifiable copy of {@code segments}; null becomes empty.
         *
         * @param channel the channel, with its {@code voice_profile} (e.g. {@code voice_id})
         * @param segments the spoken text of each script segment, in order; blank segments left out
         * @param wordsPerMinute the channel's speaking rate
         */
        public SpeechRequest {
            segments = Copies.list(segments);
        }
    }

    /**
     * The synthesized speech.
     *
     * @param audio the audio file; the pipeline stores it
     * @param durationMs how long it runs, in milliseconds; 0 or less when unknown
     * @param providerJobId the provider's request id, for tracing; null if none
     * @param usage what the call cost; null counts as none
     */
    record Speech(Media audio, long durationMs, String providerJobId, Usage usage) {}
}
