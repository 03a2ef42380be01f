package io.acog.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.elevenlabs.ScriptChunks.Chunk;
import io.acog.providers.elevenlabs.ScriptChunks.Piece;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.LineTiming;
import io.acog.spi.VoiceSynthesizer.WordTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Character times matched to the text sent, when ElevenLabs' characters differ from it. */
class AlignmentTest {

    @Test
    void charactersThatMatchMapOneToOne() {
        assertThat(alignment("Hi, you.").indexOf("Hi, you.")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void spacesTheAlignmentAddsAreSkipped() {
        int[] index = alignment("H", "i", ",", " ", " ", "y", "o", "u", ".").indexOf("Hi, you.");

        assertThat(index).containsExactly(0, 1, 2, 3, 5, 6, 7, 8);
    }

    @Test
    void whitespaceTheAlignmentLeavesOutStaysUntimed() {
        int[] index = alignment("One.Two.").indexOf("One.\n\nTwo.");

        assertThat(index).containsExactly(0, 1, 2, 3, -1, -1, 4, 5, 6, 7);
    }

    @Test
    void aCharacterSpokenAsAnotherKeepsItsPlace() {
        int[] index = alignment("don't go").indexOf("don’t go");

        assertThat(index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aCharacterTheAlignmentLeavesOutDoesNotShiftTheRest() {
        int[] index = alignment("Hello world").indexOf("Hello, world");

        // the comma, and the space after it whose entry went to match the comma's place, stay untimed
        assertThat(index).containsExactly(0, 1, 2, 3, 4, -1, -1, 6, 7, 8, 9, 10);
    }

    @Test
    void entriesTheTextDoesNotHaveAreSkipped() {
        int[] index = alignment("A--B").indexOf("A-B");

        assertThat(index).containsExactly(0, 1, 3);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneOrAnEntryOfSeveralCharactersTimesThemAll() {
        int[] index = alignment("I", " ", "😀", " ", "it").indexOf("I 😀 it");

        assertThat(index).containsExactly(0, 1, 2, 2, 3, 4, 4);
    }

    @Test
    void aWordTheAlignmentMissesIsPutWhereTheWordBeforeItEnded() {
        String text = "Save 100 dollars";
        // the alignment spells the number out, which the text does not: "100" matches nothing
        Alignment alignment = alignment("Save one hundred dollars");
        SpeechTimings timings = new SpeechTimings();

        timings.add(new Chunk(text, List.of(new Piece(0, 0, text.length()))), alignment, 1.0);

        List<LineTiming> lines = timings.build(List.of(new Line(0, text)));
        assertThat(lines)
                .singleElement()
                .satisfies(line -> assertThat(line.words())
                        .extracting(WordTiming::word)
                        .containsExactly("Save", "100", "dollars"));
        List<WordTiming> words = lines.get(0).words();
        assertThat(words.get(0)).isEqualTo(new WordTiming("Save", 1000, 1400));
        assertThat(words.get(1).startMs())
                .isEqualTo(1400)
                .isEqualTo(words.get(1).endMs());
        assertThat(words.get(2).startMs()).isGreaterThanOrEqualTo(words.get(1).endMs());
        assertThat(words.get(2).word()).isEqualTo("dollars");
    }

    /** An alignment whose n-th entry starts at n/10 s and ends 0.1 s later; a string's characters, or the entries given. */
    private static Alignment alignment(String... entries) {
        List<String> characters = entries.length == 1
                ? entries[0].codePoints().mapToObj(Character::toString).toList()
                : List.of(entries);
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        ArrayNode chars = node.putArray("characters");
        ArrayNode starts = node.putArray("character_start_times_seconds");
        ArrayNode ends = node.putArray("character_end_times_seconds");
        for (int i = 0; i < characters.size(); i++) {
            chars.add(characters.get(i));
            starts.add(i / 10.0);
            ends.add((i + 1) / 10.0);
        }
        return Alignment.parse(node);
    }
}
