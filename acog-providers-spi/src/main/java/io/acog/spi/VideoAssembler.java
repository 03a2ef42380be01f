package io.acog.spi;

import java.net.URI;
import java.util.List;

/** Cuts the final video from its parts: the {@code assembly} stage. Thread-safe. */
public interface VideoAssembler {

    String name();

    Video assemble(AssemblyRequest request, ProviderCall call);

    /** @param brollClips in script order */
    record AssemblyRequest(ChannelBrief channel, String script, URI audio, URI avatarVideo, List<URI> brollClips) {
        public AssemblyRequest {
            brollClips = Copies.list(brollClips);
        }
    }

    record Video(Media video, long durationMs, Usage usage) {}
}
