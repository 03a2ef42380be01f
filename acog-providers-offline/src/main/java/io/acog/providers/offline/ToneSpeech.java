package io.acog.providers.offline;

import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.LineTiming;
import io.acog.spi.VoiceSynthesizer.WordTiming;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speech as soft tones: each word a short hum whose length follows the speaking rate and the
 * word's letters, silence between words, longer after a clause or sentence and between lines. The
 * timings say exactly where the tones are, so what is shown on screen can be checked against what
 * is heard. Pure Java and deterministic: the same lines give the same bytes on every machine (the
 * sine is read from a table computed with {@link StrictMath}, not {@link Math}, whose results may
 * differ by platform; the rest is arithmetic, which Java defines exactly). Cheap, too: a table
 * lookup a sample, not two {@code sin} calls, since tests and benchmarks speak thousands of
 * episodes.
 */
final class ToneSpeech {

    /** The share of a word's beat its tone sounds; the rest is the silence after it. */
    private static final double TONE_SHARE = 0.8;
    /** How loud a tone is, as a share of full scale: soft. */
    private static final double LOUDNESS = 0.25;
    /** How long a tone takes to swell and to fade, at most: no click at either end. */
    private static final long FADE_MS = 12;
    /** The lowest pitch of a word, in hertz; the highest is {@link #PITCH_SPAN} above it. */
    private static final int LOWEST_PITCH = 140;

    private static final int PITCH_SPAN = 160;

    /** One period of a sine in this many steps, read with linear interpolation between them. */
    private static final int SINE_STEPS = 4096;

    private static final double[] SINE = sineTable();

    private ToneSpeech() {}

    /**
     * The speech: a mono 16-bit PCM WAV, its length and its timings.
     *
     * @param wav the WAV file's bytes
     * @param durationMs how long it runs; its samples cover it to within one
     * @param timings one per line, in order, each with one per word
     */
    record Spoken(byte[] wav, long durationMs, List<LineTiming> timings) {}

    /** A word placed on the narration: where its tone sounds. */
    private record Tone(String word, long startMs, long endMs, boolean endsSentence) {}

    /**
     * Speaks {@code lines} at {@code wordsPerMinute}, sampled {@code sampleRate} times a second.
     *
     * @param lines the lines, in order
     * @param wordsPerMinute the speaking rate; an average word and its silence take a minute's
     *     share
     * @param sampleRate samples per second
     * @param silent whether to leave the words silent (the timings are the same): cheaper, for
     *     placeholder media
     */
    static Spoken speak(List<Line> lines, int wordsPerMinute, int sampleRate, boolean silent) {
        long beat = 60_000L / Math.max(1, wordsPerMinute);
        List<LineTiming> timings = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        long at = 0;
        for (int index = 0; index < lines.size(); index++) {
            if (index > 0) {
                at += beat / 2; // a breath between lines, on top of the pause after the last word
            }
            Line line = lines.get(index);
            long lineStart = at;
            List<WordTiming> words = new ArrayList<>();
            for (String word : words(line.text())) {
                long slot = Math.round(beat * weight(word));
                long tone = Math.max(1, Math.round(slot * TONE_SHARE));
                Tone placed = new Tone(word, at, at + tone, endsSentence(word));
                tones.add(placed);
                words.add(new WordTiming(word, placed.startMs(), placed.endMs()));
                at = placed.endMs() + Math.max(1, slot - tone) + pauseAfter(word, beat);
            }
            long lineEnd =
                    words.isEmpty() ? lineStart : words.get(words.size() - 1).endMs();
            timings.add(new LineTiming(line.segment(), lineStart, lineEnd, words));
        }
        return new Spoken(wav(silent ? List.of() : tones, at, sampleRate), at, timings);
    }

    /** The words of a line as written, punctuation kept. */
    static List<String> words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /** A word's share of a beat: an average word (four or five letters) takes one. */
    private static double weight(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                letters++;
            }
        }
        return Math.max(0.6, Math.min(1.8, 0.5 + letters / 9.0));
    }

    private static long pauseAfter(String word, long beat) {
        if (endsSentence(word)) {
            return beat / 2;
        }
        char last = word.charAt(word.length() - 1);
        return last == ',' || last == ';' || last == ':' || last == '—' ? beat / 4 : 0;
    }

    private static boolean endsSentence(String word) {
        char last = word.charAt(word.length() - 1);
        return last == '.' || last == '!' || last == '?';
    }

    /** The WAV: silence, with each word's tone where its timing says. */
    private static byte[] wav(List<Tone> tones, long durationMs, int sampleRate) {
        int samples = Math.toIntExact(sample(durationMs, sampleRate));
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF"))
                .putInt(36 + 2 * samples)
                .put(ascii("WAVE"))
                .put(ascii("fmt "))
                .putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(sampleRate)
                .putInt(sampleRate * 2) // bytes per second
                .putShort((short) 2) // bytes per sample
                .putShort((short) 16) // bits per sample
                .put(ascii("data"))
                .putInt(2 * samples);
        for (Tone tone : tones) {
            hum(wav, tone, sampleRate);
        }
        return wav.array();
    }

    /**
     * Writes one word's tone over the silence: a hum (a fundamental and its octave) whose pitch the
     * word sets, rising through the word, or falling at a sentence's end, swelling in and fading
     * out.
     */
    private static void hum(ByteBuffer wav, Tone tone, int sampleRate) {
        long first = sample(tone.startMs(), sampleRate);
        int length = (int) (sample(tone.endMs(), sampleRate) - first);
        int fade = (int) Math.max(1, Math.min(sample(FADE_MS, sampleRate), length / 3));
        double pitch = Math.min(
                LOWEST_PITCH
                        + Math.floorMod(tone.word().toLowerCase(Locale.ROOT).hashCode(), PITCH_SPAN),
                sampleRate / 4.0);
        double glide = tone.endsSentence() ? -0.15 : 0.08;
        double cycles = 0; // the phase, in periods of the fundamental
        for (int i = 0; i < length; i++) {
            double envelope = Math.min(1.0, Math.min(i + 1, length - i) / (double) fade);
            double value = LOUDNESS * envelope * (0.75 * sine(cycles) + 0.25 * sine(2 * cycles));
            wav.putShort(44 + 2 * (int) (first + i), (short) Math.round(value * Short.MAX_VALUE));
            cycles += pitch * (1 + glide * i / length) / sampleRate;
            cycles -= Math.floor(cycles);
        }
    }

    /** The sine of {@code cycles} whole turns (0 ≤ cycles < 2), from the table. */
    private static double sine(double cycles) {
        double step = cycles * SINE_STEPS;
        int below = (int) step;
        double within = step - below;
        double from = SINE[below % SINE_STEPS];
        return from + (SINE[(below + 1) % SINE_STEPS] - from) * within;
    }

    private static double[] sineTable() {
        double[] table = new double[SINE_STEPS];
        for (int i = 0; i < SINE_STEPS; i++) {
            table[i] = StrictMath.sin(2 * Math.PI * i / SINE_STEPS);
        }
        return table;
    }

    /** The sample a millisecond falls on. */
    static long sample(long millis, int sampleRate) {
        return millis * sampleRate / 1000;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
