package io.acog.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.providers.elevenlabs.ScriptChunks.Chunk;
import io.acog.providers.elevenlabs.ScriptChunks.Piece;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.SpeechRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptChunksTest {

    @Test
    void aScriptThatFitsIsOneRequestOfExactlyTheSpeechRequestsText() {
        List<Line> lines = List.of(new Line(0, "One line."), new Line(4, "  Another, with spaces.  "));

        List<Chunk> chunks = ScriptChunks.split(lines, 10_000);

        String text = new SpeechRequest(Voices.channel(Map.of()), lines, 150).text();
        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo(text);
            assertThat(chunk.pieces()).containsExactly(new Piece(0, 0, 9), new Piece(4, 11, 25));
        });
    }

    @Test
    void linesArePackedWholeIntoRequestsUnderTheLimit() {
        List<Line> lines = List.of(
                new Line(0, "a".repeat(30)),
                new Line(1, "b".repeat(30)),
                new Line(2, "c".repeat(60)),
                new Line(3, "d"));

        List<Chunk> chunks = ScriptChunks.split(lines, 62);

        assertThat(chunks)
                .extracting(Chunk::text)
                .containsExactly("a".repeat(30) + "\n\n" + "b".repeat(30), "c".repeat(60), "d");
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(62));
    }

    @Test
    void aLineLongerThanTheLimitIsCutAtItsSentences() {
        String line = "First sentence here. Second one is a bit longer. Third!";

        List<Chunk> chunks = ScriptChunks.split(List.of(new Line(7, line)), 30);

        assertThat(chunks)
                .extracting(Chunk::text)
                .containsExactly("First sentence here.", "Second one is a bit longer.", "Third!");
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(chunk.pieces())
                        .singleElement()
                        .extracting(Piece::segment)
                        .isEqualTo(7));
    }

    @Test
    void aSentenceLongerThanTheLimitIsCutAtItsWordsAndAGiantWordAnywhere() {
        String line = "alpha beta gamma delta epsilon zeta eta theta " + "z".repeat(45);

        List<Chunk> chunks = ScriptChunks.split(List.of(new Line(0, line)), 20);

        assertThat(chunks)
                .extracting(Chunk::text)
                .containsExactly(
                        "alpha beta gamma",
                        "delta epsilon zeta",
                        "eta theta",
                        "z".repeat(20),
                        "z".repeat(20),
                        "z".repeat(5));
    }

    @Test
    void theLastPartOfALongLineSharesARequestWithTheNextLineWhenItFits() {
        List<Line> lines = List.of(new Line(0, "A sentence of words. Short."), new Line(1, "Next."));

        List<Chunk> chunks = ScriptChunks.split(lines, 22);

        assertThat(chunks).extracting(Chunk::text).containsExactly("A sentence of words.", "Short.\n\nNext.");
        assertThat(chunks.get(1).pieces()).containsExactly(new Piece(0, 0, 6), new Piece(1, 8, 5));
    }

    @Test
    void noCutSplitsACharacterOutsideTheBasicPlane() {
        String line = "😀".repeat(30); // 60 UTF-16 units, no space, no sentence end

        List<Chunk> chunks = ScriptChunks.split(List.of(new Line(0, line)), 21);

        assertThat(String.join("", chunks.stream().map(Chunk::text).toList())).isEqualTo(line);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(21);
            assertThat(Character.isLowSurrogate(chunk.text().charAt(0))).isFalse();
        });
    }

    @Test
    void theNeighboursTextIsCutToTheContextAtAWord() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(0, "word ".repeat(400).strip())); // 1,999 characters
        lines.add(new Line(1, "tail"));
        lines.add(new Line(2, "more ".repeat(400).strip()));
        List<Chunk> chunks = ScriptChunks.split(lines, 2_000);

        assertThat(chunks).hasSize(3);
        String previous = ScriptChunks.previousText(chunks, 1);
        String next = ScriptChunks.nextText(chunks, 1);
        assertThat(previous)
                .hasSizeLessThanOrEqualTo(ScriptChunks.CONTEXT)
                .startsWith("word")
                .endsWith("word");
        assertThat(next)
                .hasSizeLessThanOrEqualTo(ScriptChunks.CONTEXT)
                .startsWith("more")
                .endsWith("more");
        assertThat(ScriptChunks.previousText(chunks, 0)).isNull();
        assertThat(ScriptChunks.nextText(chunks, 2)).isNull();
    }

    @Test
    void modelsHaveTheirDocumentedLimits() {
        assertThat(ModelLimits.characters("eleven_multilingual_v2")).isEqualTo(10_000);
        assertThat(ModelLimits.characters("eleven_flash_v2_5")).isEqualTo(40_000);
        assertThat(ModelLimits.characters("eleven_turbo_v2_5")).isEqualTo(40_000);
        assertThat(ModelLimits.characters("eleven_v3")).isEqualTo(5_000);
        assertThat(ModelLimits.characters("some_future_model")).isEqualTo(5_000);
        assertThat(ModelLimits.stitches("eleven_v3")).isFalse();
        assertThat(ModelLimits.stitches("eleven_multilingual_v2")).isTrue();
    }
}
