package io.acog.providers.runway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prompt Runway gets: the description first, the channel's style where it fits, never over 1,000 UTF-16 units. */
class ClipPromptTest {

    @Test
    void theChannelsVisualStyleFollowsTheDescription() {
        String prompt = ClipPrompt.of(
                "  city skyline   at dusk ",
                Clips.channel(Map.of("visual_style", "warm film look, shallow depth of field.", "tone", "serious")));

        assertThat(prompt).isEqualTo("city skyline at dusk. Style: warm film look, shallow depth of field.");
    }

    @Test
    void withoutAVisualStyleTheToneIsUsed() {
        String prompt =
                ClipPrompt.of("Coins falling on a desk.", Clips.channel(Map.of("tone", "educational_entertaining")));

        assertThat(prompt).isEqualTo("Coins falling on a desk. Style: educational entertaining.");
    }

    @Test
    void withoutAStyleTheDescriptionIsThePrompt() {
        assertThat(ClipPrompt.of("Coins falling on a desk", Clips.channel(Map.of())))
                .isEqualTo("Coins falling on a desk");
        assertThat(ClipPrompt.of("Coins falling on a desk", null)).isEqualTo("Coins falling on a desk");
        assertThat(ClipPrompt.of("Coins", Clips.channel(Map.of("visual_style", 42))))
                .isEqualTo("Coins");
    }

    @Test
    void aStyleThatDoesNotFitIsLeftOutRatherThanTheDescriptionCut() {
        String description = "word ".repeat(190).strip(); // 949 units
        String prompt = ClipPrompt.of(description, Clips.channel(Map.of("visual_style", "x".repeat(60))));

        assertThat(prompt).isEqualTo(description);
    }

    @Test
    void aStyleThatFitsExactlyIsKept() {
        String description = "a".repeat(900);
        String style = "b".repeat(1_000 - 900 - ". Style: ".length() - 1);

        String prompt = ClipPrompt.of(description, Clips.channel(Map.of("visual_style", style)));

        assertThat(prompt).hasSize(1_000).endsWith(style + ".");
    }

    @Test
    void aDescriptionOverTheLimitIsCutAtTheLastWholeWord() {
        String description = "skyline ".repeat(200); // 1,600 units

        String prompt = ClipPrompt.of(description, Clips.channel(Map.of("visual_style", "noir")));

        assertThat(prompt.length()).isLessThanOrEqualTo(1_000);
        assertThat(prompt).endsWith("skyline").doesNotContain("noir");
        assertThat(prompt.split(" ")).allMatch("skyline"::equals);
    }

    @Test
    void aCutNeverSplitsACharacterOfTwoCodeUnits() {
        String description = "a".repeat(999) + "\uD83C\uDF06" + "b".repeat(20); // the emoji straddles the limit

        String prompt = ClipPrompt.cut(description);

        assertThat(prompt).isEqualTo("a".repeat(999));
        assertThat(Character.isHighSurrogate(prompt.charAt(prompt.length() - 1)))
                .isFalse();
    }

    @Test
    void aCutEndsAtAWordBoundaryThatFallsOnTheLimit() {
        String description = "a".repeat(1_000) + " more";

        assertThat(ClipPrompt.cut(description)).isEqualTo("a".repeat(1_000));
    }

    @Test
    void whatIsSentIsMeasuredInUtf16UnitsNotCharactersOfText() {
        String description = "\uD83C\uDF06".repeat(600); // 600 characters, 1,200 units

        assertThat(ClipPrompt.of(description, null)).hasSize(1_000);
    }
}
