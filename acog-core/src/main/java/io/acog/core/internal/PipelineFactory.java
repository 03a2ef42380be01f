package io.acog.core.internal;

import io.acog.core.Acog;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.LocalFileStorage;
import io.acog.core.pipeline.PipelineListener;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the {@link EpisodePipeline} behind {@link EpisodePipeline#builder}. Not API. */
public final class PipelineFactory {

    private PipelineFactory() {}

    public static EpisodePipeline.Builder builder(Acog acog) {
        return new Builder(PipelineEngine.internal().apply(Objects.requireNonNull(acog, "acog")));
    }

    private static final class Builder implements EpisodePipeline.Builder {
        private final AcogImpl acog;
        private final Providers providers = new Providers();
        private final List<PipelineListener> listeners = new ArrayList<>();
        private int maxRetries = 3;

        Builder(AcogImpl acog) {
            this.acog = acog;
        }

        @Override
        public EpisodePipeline.Builder contentWriter(ContentWriter writer) {
            providers.contentWriter(writer);
            return this;
        }

        @Override
        public EpisodePipeline.Builder voiceSynthesizer(VoiceSynthesizer synthesizer) {
            providers.voiceSynthesizer(synthesizer);
            return this;
        }

        @Override
        public EpisodePipeline.Builder avatarRenderer(AvatarRenderer renderer) {
            providers.avatarRenderer(renderer);
            return this;
        }

        @Override
        public EpisodePipeline.Builder brollGenerator(BrollGenerator generator) {
            providers.brollGenerator(generator);
            return this;
        }

        @Override
        public EpisodePipeline.Builder videoAssembler(VideoAssembler assembler) {
            providers.videoAssembler(assembler);
            return this;
        }

        @Override
        public EpisodePipeline.Builder publisher(Publisher publisher) {
            providers.publisher(publisher);
            return this;
        }

        @Override
        public EpisodePipeline.Builder assetStorage(AssetStorage storage) {
            providers.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        @Override
        public EpisodePipeline.Builder plugins(ProviderConfig config) {
            providers.loadPlugins(Objects.requireNonNull(config, "config"),
                    Thread.currentThread().getContextClassLoader());
            return this;
        }

        @Override
        public EpisodePipeline.Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        @Override
        public EpisodePipeline.Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got "
                        + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        @Override
        public EpisodePipeline build() {
            List<String> missing = providers.missing();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("EpisodePipeline needs a provider for each"
                        + " capability; none for: " + String.join(", ", missing)
                        + ". Register them on the builder, or add plugins(config) with provider"
                        + " plugins on the class path");
            }
            if (providers.storage == null) {
                try {
                    providers.storage = new LocalFileStorage(
                            Files.createTempDirectory("acog-assets-"));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create a directory for assets", e);
                }
            }
            return new PipelineEngine(acog, providers, listeners, maxRetries);
        }
    }
}
