package io.acog.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderException;
import io.acog.spi.Usage;
import io.acog.spi.VoiceSynthesizer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectedFailuresTest {

    @TempDir
    Path storage;

    private static VoiceSynthesizer.SpeechRequest speech() {
        return new VoiceSynthesizer.SpeechRequest(
                OfflineRendersTest.CHANNEL, List.of(new VoiceSynthesizer.Line(0, "Hello there.")), 150);
    }

    @Test
    void eachFailureKindFailsItsCallAsTheSpiClassifiesIt() {
        OfflineProviders offline = OfflineProviders.builder()
                .fail("audio", OfflineProviders.Failure.CONCURRENCY_LIMITED, 1)
                .fail("audio", OfflineProviders.Failure.RETRYABLE, 2)
                .fail("audio", OfflineProviders.Failure.PERMANENT, 3)
                .build();
        VoiceSynthesizer voice = offline.voiceSynthesizer();

        assertThatThrownBy(() -> voice.synthesize(speech(), new JobCall("audio", storage).attempt()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProviderException.Reason.CONCURRENCY_LIMITED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.attemptSpent()).isFalse();
                });
        assertThatThrownBy(() -> voice.synthesize(speech(), new JobCall("audio", storage).attempt()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.attemptSpent()).isTrue();
                });
        assertThatThrownBy(() -> voice.synthesize(speech(), new JobCall("audio", storage).attempt()))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(voice.synthesize(speech(), new JobCall("audio", storage).attempt())
                        .durationMs())
                .isPositive();
        assertThat(offline.calls("audio")).hasSize(4);
    }

    @Test
    void theWritersTokensAreSplitAsProvidersPriceThemAndAddUpToWhatItCharges() {
        ContentWriter writer = OfflineProviders.create().contentWriter();
        Usage usage = writer.plan(
                        new ContentWriter.PlanRequest(OfflineRendersTest.CHANNEL, Map.of("topic", "neutron stars")),
                        new JobCall("planning", storage).attempt())
                .usage();

        assertThat(usage.inputTokens()).isPositive();
        assertThat(usage.cachedInputTokens()).isPositive();
        assertThat(usage.outputTokens()).isPositive();
        assertThat(usage.tokens()).isEqualTo(usage.inputTokens() + usage.cachedInputTokens() + usage.outputTokens());
        assertThat(usage.costUsd())
                .isEqualByComparingTo(new BigDecimal("0.00001")
                        .multiply(BigDecimal.valueOf(usage.tokens()))
                        .setScale(Usage.COST_SCALE, RoundingMode.HALF_UP));
    }
}
