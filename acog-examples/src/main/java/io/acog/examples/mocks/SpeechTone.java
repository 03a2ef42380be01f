package io.acog.examples.mocks;

import io.acog.providers.ffmpeg.Ffmpeg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audio the ElevenLabs mock "speaks": a quiet tone as long as the text takes to say, in the
 * encoding ElevenLabs is asked for ({@code output_format}), so that ffmpeg decodes it as it would
 * real speech. PCM formats are raw 16-bit little-endian mono samples, as ElevenLabs sends them;
 * MP3 formats are constant-bit-rate frames cut from a tone ffmpeg encodes once per format, without
 * the bit reservoir, so that every frame decodes on its own and any number of them in a row is a
 * valid stream. Immutable and thread-safe.
 */
final class SpeechTone {

    private static final Pattern MP3 = Pattern.compile("mp3_(\\d{4,6})_(\\d{2,3})");
    private static final Pattern PCM = Pattern.compile("pcm_(\\d{4,6})");

    /** The tone's loudness, of full scale: audible, far from clipping. */
    private static final double AMPLITUDE = 0.25;

    /** Periods of the tone in one MP3 frame, so that frames repeat without a seam (about 230 Hz). */
    private static final int PERIODS_PER_FRAME = 6;

    private final String outputFormat;
    private final int sampleRate;
    /** The MP3 frames to repeat, each a whole frame; empty for PCM. */
    private final List<byte[]> frames;

    private final int samplesPerFrame;

    private SpeechTone(String outputFormat, int sampleRate, List<byte[]> frames, int samplesPerFrame) {
        this.outputFormat = outputFormat;
        this.sampleRate = sampleRate;
        this.frames = List.copyOf(frames);
        this.samplesPerFrame = samplesPerFrame;
    }

    /**
     * Tells whether the mock can speak in {@code outputFormat}.
     *
     * @param outputFormat an {@code output_format}, e.g. {@code mp3_44100_128} or {@code pcm_22050}
     * @return whether it is an MP3 or PCM format
     */
    static boolean supports(String outputFormat) {
        return MP3.matcher(outputFormat).matches() || PCM.matcher(outputFormat).matches();
    }

    /**
     * Prepares the tone of {@code outputFormat}; an MP3 format is encoded by ffmpeg here, once.
     *
     * @param outputFormat an {@code output_format} that {@link #supports}
     * @param ffmpeg the encoder of MP3 formats
     * @return the tone
     * @throws IllegalArgumentException when the format is not supported
     * @throws io.acog.providers.ffmpeg.FfmpegException when ffmpeg fails
     */
    static SpeechTone of(String outputFormat, Ffmpeg ffmpeg) {
        Matcher pcm = PCM.matcher(outputFormat);
        if (pcm.matches()) {
            return new SpeechTone(outputFormat, Integer.parseInt(pcm.group(1)), List.of(), 0);
        }
        Matcher mp3 = MP3.matcher(outputFormat);
        if (!mp3.matches()) {
            throw new IllegalArgumentException(
                    "output_format '" + outputFormat + "' is neither mp3_<rate>_<kbps>" + " nor pcm_<rate>");
        }
        int rate = Integer.parseInt(mp3.group(1));
        int kbps = Integer.parseInt(mp3.group(2));
        // MPEG-1 (32 to 48 kHz) has 1,152 samples a frame; MPEG-2 and 2.5 (lower rates) 576
        int samplesPerFrame = rate >= 32_000 ? 1152 : 576;
        return new SpeechTone(outputFormat, rate, mp3Frames(ffmpeg, rate, kbps, samplesPerFrame), samplesPerFrame);
    }

    /** The {@code output_format} this tone is in. */
    String outputFormat() {
        return outputFormat;
    }

    /**
     * Returns audio at least {@code seconds} long: PCM samples, or whole MP3 frames.
     *
     * @param seconds how long, more than 0
     * @return the audio's bytes and its exact length
     */
    Audio audio(double seconds) {
        long samples = Math.max(1, (long) Math.ceil(seconds * sampleRate));
        if (frames.isEmpty()) {
            ByteBuffer pcm = ByteBuffer.allocate(Math.toIntExact(samples * 2)).order(ByteOrder.LITTLE_ENDIAN);
            double step = 2 * Math.PI * 220.0 / sampleRate;
            for (long i = 0; i < samples; i++) {
                pcm.putShort((short) Math.round(Math.sin(step * i) * AMPLITUDE * Short.MAX_VALUE));
            }
            return new Audio(pcm.array(), (double) samples / sampleRate);
        }
        long count = (samples + samplesPerFrame - 1) / samplesPerFrame;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; i < count; i++) {
            out.writeBytes(frames.get((int) (i % frames.size())));
        }
        return new Audio(out.toByteArray(), (double) count * samplesPerFrame / sampleRate);
    }

    /** Audio and how long it plays. */
    static final class Audio {
        private final byte[] bytes;
        private final double seconds;

        Audio(byte[] bytes, double seconds) {
            this.bytes = bytes;
            this.seconds = seconds;
        }

        /** The encoded audio; not a copy: the caller owns it. */
        byte[] bytes() {
            return bytes;
        }

        /** How long it plays. */
        double seconds() {
            return seconds;
        }
    }

    /** A few seconds of tone encoded at a constant bit rate, cut into frames, the edges left out. */
    private static List<byte[]> mp3Frames(Ffmpeg ffmpeg, int rate, int kbps, int samplesPerFrame) {
        double frequency = (double) PERIODS_PER_FRAME * rate / samplesPerFrame;
        Path file = null;
        try {
            file = Files.createTempFile("acog-mock-tone-", ".mp3");
            ffmpeg.run(
                    List.of(
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            String.format(
                                    Locale.ROOT, "sine=frequency=%.6f:sample_rate=%d:duration=3", frequency, rate),
                            "-af",
                            "volume=" + AMPLITUDE,
                            "-ac",
                            "1",
                            "-ar",
                            Integer.toString(rate),
                            "-c:a",
                            "libmp3lame",
                            "-b:a",
                            kbps + "k",
                            "-reservoir",
                            "0",
                            "-write_xing",
                            "0",
                            "-id3v2_version",
                            "0",
                            "-f",
                            "mp3",
                            file.toString()),
                    Duration.ofMinutes(1),
                    null);
            List<byte[]> frames = split(Files.readAllBytes(file), kbps, rate);
            if (frames.size() < 8) {
                throw new IllegalStateException(
                        "ffmpeg encoded " + frames.size() + " MP3 frames of a 3 s tone at " + rate + " Hz");
            }
            // the first frames hold the encoder's delay and the last its flush: the middle repeats
            return frames.subList(3, frames.size() - 3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the mock's MP3 tone", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** Cuts a constant-bit-rate Layer III stream into frames, by their headers. */
    static List<byte[]> split(byte[] mp3, int kbps, int rate) {
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        while (at + 4 <= mp3.length) {
            if ((mp3[at] & 0xFF) != 0xFF || (mp3[at + 1] & 0xE0) != 0xE0) {
                throw new IllegalStateException("no MP3 frame header at byte " + at + " of ffmpeg's tone");
            }
            boolean mpeg1 = ((mp3[at + 1] >> 3) & 0x03) == 3;
            int padding = (mp3[at + 2] >> 1) & 0x01;
            int length = (mpeg1 ? 144 : 72) * kbps * 1000 / rate + padding;
            if (at + length > mp3.length) {
                break; // a cut last frame
            }
            byte[] frame = new byte[length];
            System.arraycopy(mp3, at, frame, 0, length);
            frames.add(frame);
            at += length;
        }
        return frames;
    }
}
