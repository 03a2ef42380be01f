package io.acog.core.internal.pipeline.stage;

import io.acog.core.channel.Channel;
import io.acog.spi.OutputFormat;
import io.acog.spi.Timeline;

/**
 * What the media stages share about an episode's video: its timeline (laid out by the audio stage)
 * and its frame and captions (chosen by the channel).
 */
final class EpisodeMedia {

    /** {@code platform_config.format}: the frame of the channel's videos. */
    static final String FORMAT = "format";

    /** {@code style_guide.captions}: whether captions are drawn into the picture. */
    static final String CAPTIONS = "captions";

    private EpisodeMedia() {}

    /**
     * The timeline the audio stage stored.
     *
     * @throws StageFailedException (permanent) when there is none: the audio must be made again
     */
    static Timeline timeline(StageWork work) {
        Timeline timeline = work.episode().timeline();
        if (timeline == null) {
            throw StageFailedException.permanent("episode " + work.episodeId() + " has no timeline: its audio was made"
                    + " before ACOG laid out timelines; retry the episode from its audio stage");
        }
        return timeline;
    }

    /** The frame: portrait 1080×1920 for a channel of Shorts, else landscape 1920×1080. */
    static OutputFormat format(Channel channel) {
        Object format = channel.platformConfig().extra().get(FORMAT);
        return format instanceof String name && name.equalsIgnoreCase("shorts")
                ? OutputFormat.PORTRAIT
                : OutputFormat.LANDSCAPE;
    }

    /** Whether to burn captions in: as the style guide says, else for Shorts. */
    static boolean burnCaptions(Channel channel, OutputFormat format) {
        Object captions = channel.styleGuide().extra().get(CAPTIONS);
        return captions instanceof Boolean on ? on : format.portrait();
    }
}
