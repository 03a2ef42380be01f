package io.acog.core.internal.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderLimits;
import io.acog.spi.VoiceSynthesizer;
import org.junit.jupiter.api.Test;

/** What a plugin's report says of each provider it registered. */
class ProvidersTest {

    private static VoiceSynthesizer voice(ProviderLimits limits) {
        return new VoiceSynthesizer() {
            @Override
            public String name() {
                return "elevenlabs";
            }

            @Override
            public ProviderLimits limits() {
                return limits;
            }

            @Override
            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                throw new UnsupportedOperationException("not called");
            }
        };
    }

    @Test
    void aProviderIsReportedWithTheLimitsItDeclares() {
        assertThat(Providers.described(
                        "voiceSynthesizer",
                        voice(ProviderLimits.none().withConcurrentRequests(5).withRequestsPerDay(1000))))
                .isEqualTo("voiceSynthesizer 'elevenlabs' (limits: 5 concurrent, 1000 a day)");
        assertThat(Providers.described("voiceSynthesizer", voice(ProviderLimits.none())))
                .isEqualTo("voiceSynthesizer 'elevenlabs'");
    }
}
