package io.acog.spi;

import java.util.List;

/**
 * Speaks the script: the {@code audio} stage (ElevenLabs and the like). Thread-safe; failures are
 * {@link ProviderException}s.
 */
public interface VoiceSynthesizer extends Provider {

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
     * @param lines the script's spoken segments, in order, each with its index in the script; a
     *     segment that speaks nothing is left out
     * @param wordsPerMinute the channel's speaking rate
     */
    record SpeechRequest(ChannelBrief channel, List<Line> lines, int wordsPerMinute) {
        /**
         * Makes an unmodifiable copy of {@code lines}; null becomes empty.
         *
         * @param channel the channel, with its {@code voice_profile} (e.g. {@code voice_id})
         * @param lines the script's spoken segments, in order, each with its index in the script
         * @param wordsPerMinute the channel's speaking rate
         */
        public SpeechRequest {
            lines = Copies.list(lines);
        }

        /**
         * Returns the whole text to speak: the lines joined by blank lines.
         *
         * @return the text
         */
        public String text() {
            return String.join("\n\n", lines.stream().map(Line::text).toList());
        }
    }

    /**
     * One spoken segment of the script.
     *
     * @param segment its index among the script's segments, from 0; timings name it back
     * @param text the words, never blank
     */
    record Line(int segment, String text) {}

    /**
     * The synthesized speech.
     *
     * @param audio the audio file; the pipeline stores it
     * @param durationMs how long it runs, in milliseconds; 0 or less when unknown
     * @param timings where each line falls in the audio, in order, with its words' times when the
     *     provider aligns them (ElevenLabs' {@code with-timestamps} does); empty when the provider
     *     gives none, and ACOG then spreads the duration over the lines by their words
     * @param providerJobId the provider's request id, for tracing; null if none
     * @param usage what the call cost; null counts as none
     */
    record Speech(Media audio, long durationMs, List<LineTiming> timings, String providerJobId, Usage usage) {
        /**
         * Makes an unmodifiable copy of {@code timings}; null becomes empty.
         *
         * @param audio the audio file; the pipeline stores it
         * @param durationMs how long it runs, in milliseconds; 0 or less when unknown
         * @param timings where each line falls in the audio, in order; may be empty
         * @param providerJobId the provider's request id, for tracing; null if none
         * @param usage what the call cost; null counts as none
         */
        public Speech {
            timings = Copies.list(timings);
        }
    }

    /**
     * Where one line falls in the audio.
     *
     * @param segment the line's {@link Line#segment()}
     * @param startMs where it starts, in milliseconds
     * @param endMs where it ends (exclusive), in milliseconds
     * @param words its words' times, in order; empty when the provider does not align words
     */
    record LineTiming(int segment, long startMs, long endMs, List<WordTiming> words) {
        /**
         * Makes an unmodifiable copy of {@code words}; null becomes empty.
         *
         * @param segment the line's {@link Line#segment()}
         * @param startMs where it starts, in milliseconds
         * @param endMs where it ends (exclusive), in milliseconds
         * @param words its words' times, in order; may be empty
         */
        public LineTiming {
            words = Copies.list(words);
        }
    }

    /**
     * When one word is spoken.
     *
     * @param word the word as written, with its punctuation
     * @param startMs when it starts, in milliseconds of the audio
     * @param endMs when it ends (exclusive), in milliseconds of the audio
     */
    record WordTiming(String word, long startMs, long endMs) {}
}
