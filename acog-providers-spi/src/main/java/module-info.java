/**
 * What a provider plugin implements: the capabilities ACOG's pipeline calls (writing, voice,
 * avatar and b-roll renders, assembly, publishing, storage) and how a plugin registers them.
 * Depends on the JDK only.
 */
module io.acog.spi {
    exports io.acog.spi;
}
