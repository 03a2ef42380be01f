package io.acog.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.ChannelBrief;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.LineTiming;
import io.acog.spi.VoiceSynthesizer.Speech;
import io.acog.spi.VoiceSynthesizer.SpeechRequest;
import io.acog.spi.VoiceSynthesizer.WordTiming;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineVoiceTest {

    private static final ChannelBrief CHANNEL =
            new ChannelBrief("Night Sky", "astronomy", Map.of("name", "Ada"), null, null, null, null);

    /** Segments 0, 2 and 5 speak; the others (b-roll markers without words, say) are left out. */
    private static final List<Line> LINES = List.of(
            new Line(0, "Hi, I'm Ada. Tonight: neutron stars!"),
            new Line(2, "A teaspoon of one weighs a billion tons."),
            new Line(5, "So, what would you ask next?"));

    @TempDir
    Path storage;

    private Speech speak(OfflineProviders offline, int wordsPerMinute) {
        return offline.voiceSynthesizer()
                .synthesize(new SpeechRequest(CHANNEL, LINES, wordsPerMinute), new JobCall("audio", storage).attempt());
    }

    private static byte[] bytes(Speech speech) throws Exception {
        try (InputStream in = speech.audio().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void theSpeechIsA16BitMonoWavAsLongAsItsDuration() throws Exception {
        int rate = 16_000;
        Speech speech = speak(OfflineProviders.builder().audioSampleRate(rate).build(), 150);
        ByteBuffer wav = ByteBuffer.wrap(bytes(speech)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(speech.audio().fileName()).isEqualTo("voice.wav");
        assertThat(speech.audio().mimeType()).isEqualTo("audio/wav");
        assertThat(ascii(wav, 0)).isEqualTo("RIFF");
        assertThat(wav.getInt(4)).isEqualTo(wav.capacity() - 8);
        assertThat(ascii(wav, 8)).isEqualTo("WAVE");
        assertThat(ascii(wav, 12)).isEqualTo("fmt ");
        assertThat(wav.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(wav.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(wav.getInt(24)).as("sample rate").isEqualTo(rate);
        assertThat(wav.getInt(28)).as("bytes per second").isEqualTo(rate * 2);
        assertThat(wav.getShort(34)).as("bits per sample").isEqualTo((short) 16);
        assertThat(ascii(wav, 36)).isEqualTo("data");
        int samples = wav.getInt(40) / 2;
        assertThat(wav.capacity()).isEqualTo(44 + 2 * samples);

        assertThat(speech.durationMs()).isPositive();
        assertThat((double) samples)
                .isCloseTo(speech.durationMs() * rate / 1000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(speech.usage().seconds()).isEqualByComparingTo(java.math.BigDecimal.valueOf(speech.durationMs(), 3));
    }

    @Test
    void eachLineAndWordIsTimedInOrderWithinItsLine() {
        Speech speech = speak(OfflineProviders.create(), 150);

        assertThat(speech.timings()).extracting(LineTiming::segment).containsExactly(0, 2, 5);
        long previousEnd = -1;
        for (int i = 0; i < LINES.size(); i++) {
            LineTiming line = speech.timings().get(i);
            assertThat(line.words())
                    .extracting(WordTiming::word)
                    .containsExactly(LINES.get(i).text().split(" "));
            assertThat(line.startMs())
                    .as("line %s starts after the one before", i)
                    .isGreaterThan(previousEnd);
            long wordEnd = -1;
            for (WordTiming word : line.words()) {
                assertThat(word.startMs())
                        .as(word.word())
                        .isGreaterThan(wordEnd)
                        .isGreaterThanOrEqualTo(line.startMs());
                assertThat(word.endMs())
                        .as(word.word())
                        .isGreaterThan(word.startMs())
                        .isLessThanOrEqualTo(line.endMs());
                wordEnd = word.endMs();
            }
            assertThat(line.endMs()).isEqualTo(wordEnd);
            previousEnd = line.endMs();
        }
        assertThat(previousEnd).isLessThanOrEqualTo(speech.durationMs());
    }

    @Test
    void aToneSoundsWhereEachWordIsAndSilenceBetween() throws Exception {
        int rate = 8000;
        Speech speech = speak(OfflineProviders.builder().audioSampleRate(rate).build(), 150);
        ByteBuffer wav = ByteBuffer.wrap(bytes(speech)).order(ByteOrder.LITTLE_ENDIAN);

        long silentFrom = 0;
        for (LineTiming line : speech.timings()) {
            for (WordTiming word : line.words()) {
                assertThat(peak(wav, rate, silentFrom, word.startMs()))
                        .as("silence before '%s'", word.word())
                        .isZero();
                long quarter = (word.endMs() - word.startMs()) / 4;
                assertThat(rms(wav, rate, word.startMs() + quarter, word.endMs() - quarter))
                        .as("the tone of '%s'", word.word())
                        .isGreaterThan(2000);
                silentFrom = word.endMs();
            }
        }
        assertThat(peak(wav, rate, silentFrom, speech.durationMs()))
                .as("silence at the end")
                .isZero();
        // a longer pause between lines than between the words of a line
        List<WordTiming> first = speech.timings().get(0).words();
        long betweenWords = first.get(1).startMs() - first.get(0).endMs();
        long betweenLines =
                speech.timings().get(1).startMs() - speech.timings().get(0).endMs();
        assertThat(betweenLines).isGreaterThan(2 * betweenWords);
    }

    @Test
    void placeholderMediaSpeakSilenceWithTheSameTimingsAndLength() throws Exception {
        int rate = 8000;
        Speech toned = speak(OfflineProviders.builder().audioSampleRate(rate).build(), 150);
        Speech silent = speak(
                OfflineProviders.builder()
                        .audioSampleRate(rate)
                        .media(OfflineProviders.MediaMode.PLACEHOLDER)
                        .build(),
                150);
        ByteBuffer wav = ByteBuffer.wrap(bytes(silent)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(silent.timings()).isEqualTo(toned.timings());
        assertThat(silent.durationMs()).isEqualTo(toned.durationMs());
        assertThat(bytes(silent)).hasSameSizeAs(bytes(toned));
        assertThat(peak(wav, rate, 0, silent.durationMs())).isZero();
    }

    @Test
    void theSameRequestGivesTheSameBytesAndASlowerVoiceTakesLonger() throws Exception {
        Speech once = speak(OfflineProviders.create(), 150);
        Speech again = speak(OfflineProviders.create(), 150);
        Speech slower = speak(OfflineProviders.create(), 75);

        assertThat(bytes(again)).isEqualTo(bytes(once));
        assertThat(again.timings()).isEqualTo(once.timings());
        assertThat(slower.durationMs()).isBetween(once.durationMs() * 19 / 10, once.durationMs() * 21 / 10);
    }

    private static String ascii(ByteBuffer wav, int at) {
        byte[] four = new byte[4];
        wav.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }

    private static int peak(ByteBuffer wav, int rate, long fromMs, long toMs) {
        int peak = 0;
        for (long i = fromMs * rate / 1000; i < toMs * rate / 1000; i++) {
            peak = Math.max(peak, Math.abs(wav.getShort(44 + 2 * (int) i)));
        }
        return peak;
    }

    private static double rms(ByteBuffer wav, int rate, long fromMs, long toMs) {
        double sum = 0;
        long from = fromMs * rate / 1000;
        long to = toMs * rate / 1000;
        for (long i = from; i < to; i++) {
            double value = wav.getShort(44 + 2 * (int) i);
            sum += value * value;
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
