package io.acog.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelUpdate;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.PlatformConfig;
import io.acog.core.channel.StyleGuide;
import io.acog.core.channel.VoiceProfile;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderCall;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testkit.fixtures.SeedExamples;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Misconfiguration is refused before anything runs (or costs money): {@code start()} checks that
 * the pipeline has the providers the channel names and that the channel's settings are ones ACOG
 * understands; creating or changing a channel checks the settings ACOG owns.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineStartChecksTest extends PipelineTestCase {

    /** A voice that serves only its own name, as a real adapter does (the offline one serves any). */
    private static VoiceSynthesizer named(String name, VoiceSynthesizer voice) {
        return new VoiceSynthesizer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                return voice.synthesize(request, call);
            }
        };
    }

    /** The offline providers, but an exactly named "elevenlabs" voice. */
    private EpisodePipeline exactPipeline(OfflineProviders offline) {
        return EpisodePipeline.builder(acog)
                .contentWriter(offline.contentWriter())
                .voiceSynthesizer(named("elevenlabs", offline.voiceSynthesizer()))
                .avatarRenderer(offline.avatarRenderer())
                .brollGenerator(offline.brollGenerator())
                .videoAssembler(offline.videoAssembler())
                .publisher(offline.publisher())
                .assetStorage(new LocalFileStorage(storage))
                .build();
    }

    private Channel channelWithVoice(String provider) {
        Channel channel = fixtures.channel().create();
        VoiceProfile seed = SeedExamples.voiceProfile();
        return acog.channels()
                .update(
                        channel.id(),
                        ChannelUpdate.builder()
                                .voiceProfile(new VoiceProfile(
                                        provider,
                                        seed.voiceId(),
                                        seed.voiceName(),
                                        seed.model(),
                                        seed.settings(),
                                        null))
                                .build());
    }

    @Test
    void startRefusesAChannelNamingAProviderThePipelineLacksBeforeAnythingRuns() {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = exactPipeline(offline);
        Episode episode = fixtures.episode().channel(channelWithVoice("acme")).create();

        assertThatThrownBy(() -> pipeline.start(episode.id()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("channel.voice_profile.provider is 'acme'")
                .hasMessageContaining("no voice provider of that name; it has 'elevenlabs'");

        Episode after = acog.episodes().get(episode.id());
        assertThat(after.status()).isEqualTo(EpisodeStatus.IDEA);
        assertThat(PipelineTesting.jobs(acog, episode.id())).isEmpty();
        assertThat(offline.calls()).isEmpty();

        // the same channel naming a provider the pipeline has starts
        Episode served =
                fixtures.episode().channel(channelWithVoice("ElevenLabs")).create();
        assertThat(pipeline.start(served.id()).status()).isEqualTo(EpisodeStatus.PLANNING);
    }

    @Test
    void aSettingAcogDoesNotUnderstandIsRefusedWhenTheChannelIsCreatedOrChanged() {
        long before = acog.channels()
                .list(io.acog.core.channel.ChannelQuery.all())
                .items()
                .size();
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Sometimes", "sometimes")
                                .platformConfig(PlatformConfig.empty().withScriptReview("sometimes"))
                                .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("channel.platform_config.script_review is 'sometimes', which ACOG does not understand;"
                        + " it must be one of 'auto', 'manual', or absent for 'auto'");
        assertThat(acog.channels().findBySlug("sometimes")).isEmpty();

        Channel channel = fixtures.channel().create();
        assertThatThrownBy(() -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .platformConfig(new PlatformConfig(
                                                null, null, null, "secret-ish", null, null, null, null))
                                        .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("platform_config.default_privacy is 'secret-ish'")
                .hasMessageContaining("'private', 'unlisted', 'public'");
        assertThatThrownBy(() -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .platformConfig(
                                                PlatformConfig.empty().withMonthlyBudgetUsd(new BigDecimal("-1")))
                                        .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("platform_config.monthly_budget_usd is -1; it must be 0 or more");
        StyleGuide style = SeedExamples.styleGuide();
        assertThatThrownBy(() -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .styleGuide(style.withExtra("words_per_minute", "fast"))
                                        .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(
                        "style_guide.words_per_minute is 'fast'; it must be a whole number from 60 to 400");
        assertThatThrownBy(() -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .platformConfig(PlatformConfig.empty().withExtra("format", "square"))
                                        .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("platform_config.format is 'square', which ACOG does not understand; it must"
                        + " be one of 'landscape', 'shorts', or absent for 'landscape'");
        assertThatThrownBy(() -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .platformConfig(PlatformConfig.empty().withExtra("made_for_kids", "no"))
                                        .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("platform_config.made_for_kids is 'no'; it must be true or false");
        assertThatThrownBy(() -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .styleGuide(style.withExtra("captions", "always"))
                                        .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("style_guide.captions is 'always'; it must be true or false, or absent (on for"
                        + " Shorts, off otherwise)");
        // nothing was written
        assertThat(acog.channels().get(channel.id())).isEqualTo(channel);
        assertThat(acog.channels().list(io.acog.core.channel.ChannelQuery.all()).items())
                .hasSize((int) before + 1);
        // the settings ACOG understands, in any case, are accepted
        assertThat(acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .platformConfig(PlatformConfig.empty()
                                                .withScriptReview("Manual")
                                                .withExtra("format", "Shorts")
                                                .withExtra("made_for_kids", false))
                                        .styleGuide(style.withExtra("words_per_minute", 165)
                                                .withExtra("captions", true))
                                        .build())
                        .platformConfig()
                        .manualScriptReview())
                .isTrue();
    }

    @Test
    void startRefusesAChannelWrittenAroundAcogWithASettingItDoesNotUnderstand(DataSource dataSource) throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = pipeline(offline);
        Channel channel = fixtures.channel().create();
        Episode episode = fixtures.episode().channel(channel).create();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE channels SET platform_config = '{\"script_review\": \"sometimes\"}' WHERE id = ?")) {
            update.setObject(1, channel.id());
            assertThat(update.executeUpdate()).isOne();
        }

        assertThatThrownBy(() -> pipeline.start(episode.id()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("platform_config.script_review is 'sometimes'")
                .hasMessageContaining("'auto', 'manual'");
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.IDEA);
        assertThat(PipelineTesting.jobs(acog, episode.id())).isEmpty();
        assertThat(offline.calls()).isEmpty();
    }

    @Test
    void aPipelineWithoutAnAssetStorageIsRefusedRatherThanGivenATemporaryDirectory() {
        OfflineProviders offline = PipelineTesting.offline().build();

        assertThatThrownBy(
                        () -> offline.installInto(EpisodePipeline.builder(acog)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EpisodePipeline needs an asset storage")
                .hasMessageContaining("assetStorage(new LocalFileStorage(")
                .hasMessageContaining("a directory that survives restarts");
    }
}
