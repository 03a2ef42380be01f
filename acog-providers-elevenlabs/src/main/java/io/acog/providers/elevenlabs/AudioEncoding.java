package io.acog.providers.elevenlabs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audio ElevenLabs is asked for ({@code output_format}) and what ACOG stores. Only constant
 * bit-rate formats are offered: their parts join by concatenation, and a part's length in time
 * follows from its length in bytes, which is what places a later part's timings.
 *
 * @param outputFormat the {@code output_format} value, e.g. {@code mp3_44100_128}
 * @param pcm whether it is raw 16-bit mono PCM (stored as WAV) rather than MP3
 * @param sampleRate samples per second
 * @param bytesPerSecond the audio's constant byte rate
 */
record AudioEncoding(String outputFormat, boolean pcm, int sampleRate, int bytesPerSecond) {

    private static final Pattern MP3 = Pattern.compile("mp3_(\\d{4,6})_(\\d{2,3})");
    private static final Pattern PCM = Pattern.compile("pcm_(\\d{4,6})");

    /**
     * Reads an {@code output_format} value.
     *
     * @param outputFormat e.g. {@code mp3_44100_128} or {@code pcm_24000}
     * @return the encoding, or empty when it is neither a constant-bit-rate MP3 nor a PCM format
     */
    static Optional<AudioEncoding> parse(String outputFormat) {
        Matcher mp3 = MP3.matcher(outputFormat);
        if (mp3.matches()) {
            // kbit/s to bytes/s: mp3_44100_128 is 16,000 bytes a second
            return Optional.of(new AudioEncoding(
                    outputFormat, false, Integer.parseInt(mp3.group(1)), Integer.parseInt(mp3.group(2)) * 125));
        }
        Matcher pcm = PCM.matcher(outputFormat);
        if (pcm.matches()) {
            int rate = Integer.parseInt(pcm.group(1));
            return Optional.of(new AudioEncoding(outputFormat, true, rate, rate * 2));
        }
        return Optional.empty();
    }

    /**
     * Returns the stored file's MIME type.
     *
     * @return {@code audio/mpeg} or {@code audio/wav}
     */
    String mimeType() {
        return pcm ? "audio/wav" : "audio/mpeg";
    }

    /**
     * Returns the stored file's extension.
     *
     * @return {@code mp3} or {@code wav}
     */
    String extension() {
        return pcm ? "wav" : "mp3";
    }

    /**
     * Returns how long {@code bytes} of this audio play.
     *
     * @param bytes the audio's length in bytes, headers and tags left out
     * @return its length in seconds
     */
    double seconds(long bytes) {
        return (double) bytes / bytesPerSecond;
    }
}
