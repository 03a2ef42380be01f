package io.acog.spi;

/** Where a {@link ProviderPlugin} puts the providers it offers. */
public interface ProviderRegistry {

    void contentWriter(ContentWriter writer);

    void voiceSynthesizer(VoiceSynthesizer synthesizer);

    void avatarRenderer(AvatarRenderer renderer);

    void brollGenerator(BrollGenerator generator);

    void videoAssembler(VideoAssembler assembler);

    void publisher(Publisher publisher);

    void assetStorage(AssetStorage storage);
}
