package io.acog.core.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptParserTest {

    @Test
    void readsSegmentsWithKindTextDescriptionAndPosition() {
        Script script = ScriptParser.parse("""
                [AVATAR] What if time could stop?
                Near a black hole, it nearly does.
                [BROLL:a star falling into a black hole] Watch the light stretch.
                [VOICEOVER] Einstein predicted it. [BROLL: telescope array ] We measured it.
                [BROLL:stars at night]
                """);

        assertThat(script.segments())
                .containsExactly(
                        new ScriptSegment(
                                SegmentKind.AVATAR,
                                "What if time could stop?\nNear a black hole, it nearly does.",
                                null,
                                1,
                                1),
                        new ScriptSegment(
                                SegmentKind.BROLL,
                                "Watch the light stretch.",
                                "a star falling into a black hole",
                                3,
                                1),
                        new ScriptSegment(SegmentKind.VOICEOVER, "Einstein predicted it.", null, 4, 1),
                        new ScriptSegment(SegmentKind.BROLL, "We measured it.", "telescope array", 4, 36),
                        new ScriptSegment(SegmentKind.BROLL, "", "stars at night", 5, 1));
        assertThat(script.wordCount()).isEqualTo(5 + 7 + 4 + 3 + 3);
        assertThat(script.brollDescriptions())
                .containsExactly("a star falling into a black hole", "telescope array", "stars at night");
    }

    @Test
    void bracketsThatAreNotMarkersAreText() {
        Script script = ScriptParser.parse("[AVATAR] Studies [1] show it [sic] works — see [Smith 2020].");

        assertThat(script.segments()).hasSize(1);
        assertThat(script.segments().get(0).text()).isEqualTo("Studies [1] show it [sic] works — see [Smith 2020].");
    }

    @Test
    void countsWordsNotPunctuation() {
        assertThat(ScriptParser.parse("[AVATAR] Hello — world , it's 2024 !").wordCount())
                .isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text before the first marker    | Hello there\\n[AVATAR] Hi                 | at line 1, column 1 has text before its first marker
            text on a later line first      | \\n\\n   Hello\\n[AVATAR] Hi              | at line 3, column 4 has text before its first marker
            no marker at all                | Just words                               | at line 1, column 1 has no marker
            unknown marker                  | [AVATAR] Hi\\n[AVTAR] there               | at line 2, column 1 has an unknown marker [AVTAR]
            lower-case marker               | [AVATAR] Hi [broll:stars] there          | at line 1, column 13 has the marker [broll:stars] in lower case; write [BROLL:stars]
            b-roll without description      | [AVATAR] Hi\\n  [BROLL] there             | at line 2, column 3 has [BROLL] without a description
            b-roll with empty description   | [BROLL:   ] there                        | at line 1, column 1 has [BROLL:   ] without a description
            description on avatar           | [AVATAR:close-up] Hi                     | at line 1, column 1 has [AVATAR:close-up], but [AVATAR] takes no description
            unclosed marker                 | [AVATAR] Hi\\n[BROLL:stars and more\\ntext | at line 2, column 1 has a marker that is not closed on its line: [BROLL:stars and more
            empty avatar segment            | [AVATAR]\\n[VOICEOVER] words              | at line 1, column 1 has an empty [AVATAR] segment
            empty last segment              | [AVATAR] words [VOICEOVER]   \\n          | at line 1, column 16 has an empty [VOICEOVER] segment
            blank script                    | '   '                                    | at line 1, column 1 is empty
            """)
    void malformedScriptsAreRefusedWithLineAndColumn(String name, String script, String message) {
        assertThatThrownBy(() -> ScriptParser.parse(script.replace("\\n", "\n")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("episode.script ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("script"));
    }

    /**
     * A marker written wrong is refused wherever it is, alone or after a good segment (issue 10:
     * after one it used to become spoken text), and names its own line and column.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            b-roll with a space             | [BROLL nebula] look                  | 1 | 1  | has the marker [BROLL nebula] written wrong: a b-roll marker is [BROLL:description], e.g. [BROLL:nebula]
            b-roll with a space, later      | [AVATAR] hi\\n[BROLL nebula] look     | 2 | 1  | has the marker [BROLL nebula] written wrong: a b-roll marker is [BROLL:description], e.g. [BROLL:nebula]
            b-roll with a dash, mid-line    | [AVATAR] hi [BROLL - nebula] look    | 1 | 13 | e.g. [BROLL:nebula]
            b-roll, space before the colon  | [AVATAR] hi\\n[BROLL :nebula] look    | 2 | 1  | e.g. [BROLL:nebula]
            b-roll in lower case, spaced    | [AVATAR] hi\\n[broll nebula] look     | 2 | 1  | has the marker [broll nebula] written wrong
            avatar with a word              | [VOICEOVER] hi\\n[AVATAR smiling] yes | 2 | 1  | has the marker [AVATAR smiling] written wrong: write [AVATAR], which takes no description
            voice-over with a space         | [AVATAR] hi\\n  [VOICEOVER ] yes      | 2 | 3  | has the marker [VOICEOVER ] written wrong: write [VOICEOVER]
            avatar not closed, end of line  | [VOICEOVER] hi\\n[AVATAR\\nyes        | 2 | 1  | has a marker that is not closed on its line: [AVATAR
            avatar not closed, end of text  | [VOICEOVER] hi [AVATAR               | 1 | 16 | has a marker that is not closed on its line: [AVATAR
            """)
    void aMarkerWrittenWrongIsRefusedWhereverItIs(String name, String script, int line, int column, String message) {
        assertThatThrownBy(() -> ScriptParser.parse(script.replace("\\n", "\n")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("episode.script at line " + line + ", column " + column + " ")
                .hasMessageContaining(message);
    }

    @Test
    void bracketsThatOnlyBeginLikeAMarkerAreText() {
        Script script = ScriptParser.parse("[AVATAR] The [Avatars] of [NASA data] and [Brolls] [AVATARISH stuff].");

        assertThat(script.segments()).hasSize(1);
        assertThat(script.segments().get(0).text())
                .isEqualTo("The [Avatars] of [NASA data] and [Brolls] [AVATARISH stuff].");
    }

    @Test
    void estimatesDurationFromTheSpeakingRate() {
        Script script = ScriptParser.parse("[AVATAR] " + "word ".repeat(280));

        assertThat(script.estimatedDuration(140).toSeconds()).isEqualTo(120);
        assertThat(script.estimatedDuration(150).toSeconds()).isEqualTo(112);
    }
}
