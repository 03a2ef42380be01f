package io.acog.spi;

/**
 * Where a {@link ProviderPlugin} puts the providers it offers. Several providers of one capability
 * may be registered; they are kept in registration order. Channels choose among voice synthesizers,
 * avatar renderers and publishers by name; for the other capabilities the first registered serves.
 *
 * <p>Every method throws {@link NullPointerException} when given null.
 */
public interface ProviderRegistry {

    /**
     * Registers a writer for the planning, scripting, review and metadata stages.
     *
     * @param writer the writer
     */
    void contentWriter(ContentWriter writer);

    /**
     * Registers a voice for the audio stage; channels choose one by {@code voice_profile.provider}.
     *
     * @param synthesizer the voice provider
     */
    void voiceSynthesizer(VoiceSynthesizer synthesizer);

    /**
     * Registers a renderer for the avatar stage; channels choose one by {@code
     * avatar_profile.provider}.
     *
     * @param renderer the avatar provider
     */
    void avatarRenderer(AvatarRenderer renderer);

    /**
     * Registers a generator for the b-roll stage.
     *
     * @param generator the b-roll provider
     */
    void brollGenerator(BrollGenerator generator);

    /**
     * Registers an assembler for the assembly stage.
     *
     * @param assembler the assembler
     */
    void videoAssembler(VideoAssembler assembler);

    /**
     * Registers a publisher for the upload stage; channels choose one by {@code
     * platform_config.platform}.
     *
     * @param publisher the publisher
     */
    void publisher(Publisher publisher);

    /**
     * Registers where produced files go. Only the first storage registered counts, and storage set
     * on the pipeline's builder replaces it.
     *
     * @param storage the storage
     */
    void assetStorage(AssetStorage storage);
}
