/**
 * Offline, deterministic providers for every capability of ACOG's pipeline: no network, no API
 * keys. For tests, demos and a host's development profile; they need no JUnit and no embedded
 * PostgreSQL. {@link io.acog.providers.offline.OfflineProviders#installInto} takes the pipeline's
 * builder, so this module reads {@code io.acog.core} (and through it the SPI) transitively. The
 * avatar and b-roll videos are made with ffmpeg, found (or unpacked) by {@code
 * io.acog.providers.ffmpeg} at the first render that needs it.
 */
module io.acog.providers.offline {
    requires transitive io.acog.core;
    requires io.acog.providers.ffmpeg;
    requires com.fasterxml.jackson.databind;

    exports io.acog.providers.offline;
}
