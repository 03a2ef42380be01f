package io.acog.providers.ffmpeg;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@link FfmpegAssembler} for the assembly stage; found by {@link
 * java.util.ServiceLoader} through {@code META-INF/services/io.acog.spi.ProviderPlugin}. It needs
 * no API key: ffmpeg is found as {@link Ffmpeg} describes (a configured path, the {@code PATH}, or
 * the static build this module depends on).
 */
public final class FfmpegPlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegPlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public FfmpegPlugin() {}

    /**
     * Returns {@code "ffmpeg"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return "ffmpeg";
    }

    /**
     * Registers an {@link FfmpegAssembler} set up with {@code config}.
     *
     * @param config the host's settings ({@code ffmpeg.*}, listed in {@link FfmpegAssembler})
     * @param registry where to put the assembler
     * @throws IllegalStateException when no usable ffmpeg or font is found, or a setting is out of
     *     range; the message says which and how to configure it
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        FfmpegAssembler assembler = new FfmpegAssembler(config);
        registry.videoAssembler(assembler);
        LOG.info(
                "ACOG assembles videos with {} ({})",
                assembler.ffmpeg().executable(),
                assembler.ffmpeg().origin());
    }
}
