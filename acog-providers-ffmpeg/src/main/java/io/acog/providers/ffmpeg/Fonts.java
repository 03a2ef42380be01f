package io.acog.providers.ffmpeg;

import io.acog.spi.ProviderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The font ACOG draws text with (captions, titles, cards), found in this order: the TrueType file
 * in the setting {@value #FONT_SETTING} (environment: {@code ACOG_FFMPEG_FONT}), else DejaVu Sans
 * Bold from {@code net.sf.jasperreports:jasperreports-fonts} (a dependency of this module), copied
 * once into {@value #CACHE_DIRECTORY} under the user's home. A fresh machine has no fonts
 * installed; this way text still renders the same everywhere.
 */
public final class Fonts {

    /** The setting naming a TrueType font file to draw text with. */
    public static final String FONT_SETTING = "ffmpeg.font";

    /** Where the bundled font is copied, under the user's home. */
    public static final String CACHE_DIRECTORY = ".cache/acog/fonts";

    private static final String BUNDLED = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    private Fonts() {}

    /**
     * Finds the font as the class describes.
     *
     * @param config the host's settings, for {@value #FONT_SETTING}
     * @return the font file
     * @throws IllegalStateException saying how to configure one, when the configured file is
     *     missing or no font is found
     */
    public static Path locate(ProviderConfig config) {
        return locate(config, Path.of(System.getProperty("user.home")));
    }

    static Path locate(ProviderConfig config, Path home) {
        Optional<String> configured = config.get(FONT_SETTING);
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(FONT_SETTING + " is " + path + ", which is not a file; point it at a"
                        + " TrueType font, or unset it to use the bundled DejaVu Sans Bold");
            }
            return path;
        }
        URL resource = Fonts.class.getClassLoader().getResource(BUNDLED);
        if (resource == null) {
            throw new IllegalStateException("no font to draw text with: set " + FONT_SETTING + " (ACOG_FFMPEG_FONT)"
                    + " to a TrueType font file, or add net.sf.jasperreports:jasperreports-fonts to the class path");
        }
        try {
            return CachedResource.copy(resource, home.resolve(CACHE_DIRECTORY), "DejaVuSans-Bold.ttf", false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled font out of " + resource, e);
        }
    }
}
