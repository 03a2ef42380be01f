package io.acog.spi;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** Cuts the final video from its parts: the {@code assembly} stage. Thread-safe. */
public interface VideoAssembler extends Provider {

    /**
     * Returns the provider's name, e.g. {@code "ffmpeg"}.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Cuts the final video from its parts along the timeline: the {@code assembly} stage. The
     * first registered assembler serves every channel. Report progress with {@link
     * ProviderCall#progress}; stream media (never hold a video in memory).
     *
     * @param request the parts, readable from the pipeline's storage, and the timeline
     * @param call the episode and stage it serves
     * @return the assembled video, with its thumbnail and captions; never null
     * @throws ProviderException when the assembly fails
     */
    Video assemble(AssemblyRequest request, ProviderCall call);

    /**
     * A rendered part of the video.
     *
     * @param uri where it is, readable from {@link ProviderCall#storage()}
     * @param durationMs how long it runs, in milliseconds; 0 or less when unknown
     */
    record Part(URI uri, long durationMs) {
        /**
         * Creates a part.
         *
         * @param uri where it is, readable from the storage
         * @param durationMs how long it runs, in milliseconds; 0 or less when unknown
         * @throws NullPointerException when {@code uri} is null
         */
        public Part {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /**
     * The parts of the final video and where each goes.
     *
     * @param channel the channel, with its style guide (caption style, still colours)
     * @param title the episode's title, for the thumbnail
     * @param timeline every cut and caption, on the narration's clock
     * @param format the frame to produce
     * @param audio the narration: the video's sound and length
     * @param avatar the presenter's video, covering the timeline's avatar cuts at their {@link
     *     Timeline.Cut#sourceOffsetMs()}; null when the timeline has none
     * @param clips the b-roll clips by clip index; each covers the timeline's cut of that index
     * @param music background music to lay under the voice, ducked; null for none
     * @param burnCaptions whether to draw the captions into the picture (on by default for Shorts,
     *     or as {@code style_guide.captions} says)
     */
    record AssemblyRequest(
            ChannelBrief channel,
            String title,
            Timeline timeline,
            OutputFormat format,
            URI audio,
            Part avatar,
            Map<Integer, Part> clips,
            URI music,
            boolean burnCaptions) {
        /**
         * Makes an unmodifiable copy of {@code clips} (null becomes empty) and checks the required
         * parts.
         *
         * @param channel the channel, with its style guide
         * @param title the episode's title
         * @param timeline every cut and caption
         * @param format the frame to produce
         * @param audio the narration
         * @param avatar the presenter's video, or null
         * @param clips the b-roll clips by clip index
         * @param music background music, or null
         * @param burnCaptions whether to draw the captions into the picture
         * @throws NullPointerException when {@code timeline}, {@code format} or {@code audio} is
         *     null
         */
        public AssemblyRequest {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(audio, "audio");
            title = title == null ? "" : title;
            clips = Copies.map(clips);
        }
    }

    /**
     * The assembled video and what was made with it.
     *
     * @param video the file; the pipeline stores it as the episode's assembled video
     * @param durationMs how long it runs, in milliseconds; 0 or less when unknown
     * @param thumbnail a 1280×720 image for the platform, stored as the {@code thumbnail} asset;
     *     null when none was made
     * @param captions the captions as an SRT file, for the publisher; null when none was made
     * @param usage what the call cost; null counts as none
     */
    record Video(Media video, long durationMs, Media thumbnail, Media captions, Usage usage) {}
}
