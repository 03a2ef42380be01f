package io.acog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPI's values refuse what a provider or the pipeline could not act on, naming it. */
class SpiValuesTest {

    private static Timeline.Cut cut(int segment, Timeline.Source source, long start, long end) {
        return new Timeline.Cut(segment, source, start, end, source == Timeline.Source.BROLL ? 0 : -1, 0, "words");
    }

    @Test
    void aTimelineCoversItsNarrationExactly() {
        Timeline whole = new Timeline(
                3000,
                List.of(cut(0, Timeline.Source.AVATAR, 0, 1000), cut(1, Timeline.Source.BROLL, 1000, 3000)),
                List.of(new Timeline.Caption(0, 900, "Hello"), new Timeline.Caption(900, 2500, "and welcome")));
        assertThat(whole.cuts(Timeline.Source.BROLL)).hasSize(1);
        assertThat(whole.clip(0).lengthMs()).isEqualTo(2000);
        assertThat(whole.clip(7)).isNull();

        assertThatThrownBy(() -> new Timeline(
                        3000,
                        List.of(cut(0, Timeline.Source.AVATAR, 0, 1000), cut(1, Timeline.Source.STILL, 1200, 3000)),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut of segment 1 starts at 1200 ms, but the cut before it ends at 1000 ms; cuts must"
                        + " follow each other without a gap or an overlap");
        assertThatThrownBy(() -> new Timeline(4000, List.of(cut(0, Timeline.Source.AVATAR, 0, 3000)), List.of()))
                .hasMessage("the last cut ends at 3000 ms, but the narration runs 4000 ms; the cuts must cover it to"
                        + " its end");
        assertThatThrownBy(() -> new Timeline(
                        3000,
                        List.of(cut(0, Timeline.Source.AVATAR, 0, 3000)),
                        List.of(new Timeline.Caption(0, 1000, "one"), new Timeline.Caption(900, 2000, "two"))))
                .hasMessageStartingWith("caption 'two' runs from 900 ms to 2000 ms; captions must follow each other");
    }

    @Test
    void aCutNamesItsClipOnlyWhenItIsBroll() {
        assertThatThrownBy(() -> new Timeline.Cut(2, Timeline.Source.BROLL, 0, 10, -1, 0, "x"))
                .hasMessage("cut of segment 2 is BROLL with clipIndex -1; a b-roll cut names its clip from 0, any"
                        + " other has -1");
        assertThatThrownBy(() -> new Timeline.Cut(2, Timeline.Source.AVATAR, 0, 10, 3, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Timeline.Caption(10, 10, "x"))
                .hasMessageContaining("must start at 0 or later and end after it starts");
        assertThatThrownBy(() -> new Timeline.Caption(0, 10, " ")).hasMessage("caption at 0 ms has no text");
    }

    @Test
    void anOutputFormatKnowsItsShape() {
        assertThat(OutputFormat.LANDSCAPE.aspectRatio()).isEqualTo("16:9");
        assertThat(OutputFormat.PORTRAIT.aspectRatio()).isEqualTo("9:16");
        assertThat(OutputFormat.PORTRAIT.portrait()).isTrue();
        assertThat(OutputFormat.LANDSCAPE.portrait()).isFalse();
        assertThatThrownBy(() -> new OutputFormat(1921, 1080, 30))
                .hasMessage("width is 1921; it must be even and from 16 to 7680");
        assertThatThrownBy(() -> new OutputFormat(1920, 1080, 0)).hasMessage("fps is 0; it must be from 1 to 120");
    }

    @Test
    void limitsAreZeroForNoneAndNeverNegative() {
        assertThat(ProviderLimits.none().unlimited()).isTrue();
        ProviderLimits elevenlabs = ProviderLimits.none().withConcurrentRequests(5);
        assertThat(elevenlabs.unlimited()).isFalse();
        assertThat(elevenlabs.concurrentRequests()).isEqualTo(5);
        assertThatThrownBy(() -> ProviderLimits.none().withRequestsPerDay(-1))
                .hasMessage("requestsPerDay is -1; it must be 0 (no limit) or more");
    }

    @Test
    void tokensArePricedApartAndSummed() {
        Usage usage = Usage.cost(new BigDecimal("0.012345")).withTokens(1000, 200, 300);
        assertThat(usage.tokens()).isEqualTo(1500);
        assertThat(usage.costUsd()).isEqualByComparingTo("0.0123");
        assertThat(Usage.none().tokens()).isNull();
        assertThat(Usage.none().withCredits(BigDecimal.TEN).credits()).isEqualByComparingTo("10");
    }

    @Test
    void onlyACallThatCameTooEarlyKeepsItsAttempt() {
        assertThat(ProviderException.overConcurrencyLimit("elevenlabs", "busy", Duration.ofSeconds(1))
                        .attemptSpent())
                .isFalse();
        ProviderException quota =
                ProviderException.quotaExhaustedUntil("youtube", "quota", Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(quota.attemptSpent()).isFalse();
        assertThat(quota.retryable()).isTrue();
        assertThat(quota.retryAt()).contains(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(ProviderException.retryable("runway", ProviderException.Reason.RATE_LIMITED, "429", null)
                        .attemptSpent())
                .isTrue();
        assertThat(ProviderException.permanent("heygen", ProviderException.Reason.QUOTA_EXHAUSTED, "402")
                        .attemptSpent())
                .isTrue();
    }
}
