package io.acog.spi;

import java.net.URI;
import java.util.List;

/** Cuts the final video from its parts: the {@code assembly} stage. Thread-safe. */
public interface VideoAssembler {

    /**
     * Returns the provider's name, e.g. {@code "ffmpeg"}.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Cuts the final video from the audio, the avatar video and the b-roll clips: the {@code
     * assembly} stage. The first registered assembler serves every channel.
     *
     * @param request the parts, readable from the pipeline's storage
     * @param call the episode and stage it serves
     * @return the assembled video, never null
     * @throws ProviderException when the assembly fails
     */
    Video assemble(AssemblyRequest request, ProviderCall call);

    /**
     * The parts of the final video.
     *
     * @param channel the channel, with its style guide
     * @param script the approved script, whose markers say where each part goes
     * @param audio the episode's speech
     * @param avatarVideo the presenter's video
     * @param brollClips the b-roll clips, in script order
     */
    record AssemblyRequest(ChannelBrief channel, String script, URI audio, URI avatarVideo, List<URI> brollClips) {
        /**
         * Makes an unmodifiable copy of {@code brollClips}; null becomes empty.
         *
         * @param channel the channel, with its style guide
         * @param script the approved script, whose markers say where each part goes
         * @param audio the episode's speech
         * @param avatarVideo the presenter's video
         * @param brollClips the b-roll clips, in script order
         */
        public AssemblyRequest {
            brollClips = Copies.list(brollClips);
        }
    }

    /**
     * The assembled video.
     *
     * @param video the file; the pipeline stores it as the episode's assembled video
     * @param durationMs how long it runs, in milliseconds; 0 or less when unknown
     * @param usage what the call cost; null counts as none
     */
    record Video(Media video, long durationMs, Usage usage) {}
}
