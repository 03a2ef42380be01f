package io.acog.providers.elevenlabs;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the ElevenLabs voice, a {@link io.acog.spi.VoiceSynthesizer} named {@code
 * "elevenlabs"}, when {@code elevenlabs.api-key} is set; found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/io.acog.spi.ProviderPlugin}. Channels choose it with {@code
 * voice_profile.provider: "elevenlabs"}. Its settings are listed in the {@linkplain
 * io.acog.providers.elevenlabs package}'s description.
 */
public final class ElevenLabsPlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ElevenLabsPlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public ElevenLabsPlugin() {}

    /**
     * Returns {@code "elevenlabs"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return ElevenLabsSettings.NAME;
    }

    /**
     * Registers the ElevenLabs voice set up with {@code config}, or nothing when {@code
     * elevenlabs.api-key} is not set.
     *
     * @param config the host's settings ({@code elevenlabs.*})
     * @param registry where to put the voice
     * @throws IllegalArgumentException when a setting cannot be used: the message names the key, its
     *     value and what it must be (never the API key's value)
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        Optional<ElevenLabsSettings> settings = ElevenLabsSettings.read(config);
        if (settings.isEmpty()) {
            LOG.debug(
                    "ElevenLabs voice not registered: {} is not set",
                    ElevenLabsSettings.key(ElevenLabsSettings.API_KEY));
            return;
        }
        ElevenLabsVoice voice = new ElevenLabsVoice(settings.get());
        registry.voiceSynthesizer(voice);
        LOG.info(
                "ACOG speaks with ElevenLabs ({}, model {} unless the channel names one, {}, {} concurrent requests)",
                settings.get().baseUrl(),
                settings.get().model(),
                settings.get().encoding().outputFormat(),
                settings.get().concurrentRequests());
    }
}
