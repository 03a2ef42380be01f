package io.acog.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segments rendered as marker text that ACOG's own script parser reads back, whatever the model wrote. */
class ScriptTextTest {

    @Test
    void bracketsAndLineBreaksTheModelWroteCannotBreakAMarker() {
        String text = ScriptText.render(OpenAiApi.read("""
                {"segments": [
                  {"kind": "AVATAR", "description": null, "text": "I checked [NASA data] and [1] source:\\n  twice."},
                  {"kind": "BROLL", "description": "the [VOICEOVER] booth]\\nat night: wide", "text": "[AVATAR"},
                  {"kind": "VOICEOVER", "description": "ignored", "text": "  The end.  "},
                  {"kind": "BROLL", "description": "stars", "text": ""}
                ]}
                """).path("segments"));

        assertThat(text).isEqualTo("""
                        [AVATAR] I checked (NASA data) and (1) source: twice.
                        [BROLL:the (VOICEOVER) booth) at night: wide] (AVATAR
                        [VOICEOVER] The end.
                        [BROLL:stars]""");
        assertThat(ScriptParser.parse(text).segments())
                .extracting(ScriptSegment::kind, ScriptSegment::brollDescription, ScriptSegment::text)
                .containsExactly(
                        tuple(SegmentKind.AVATAR, null, "I checked (NASA data) and (1) source: twice."),
                        tuple(SegmentKind.BROLL, "the (VOICEOVER) booth) at night: wide", "(AVATAR"),
                        tuple(SegmentKind.VOICEOVER, null, "The end."),
                        tuple(SegmentKind.BROLL, "stars", ""));
    }

    @Test
    void whatTheParserWouldRefuseIsRefusedHereFirst() {
        assertThatThrownBy(() -> ScriptText.render(OpenAiApi.read(OpenAiApi.text(Map.of(
                                "segments",
                                java.util.List.of(Map.of("kind", "BROLL", "description", " \n ", "text", "Look.")))))
                        .path("segments")))
                .hasMessage("segments[0] is BROLL without a description of its clip");
    }
}
