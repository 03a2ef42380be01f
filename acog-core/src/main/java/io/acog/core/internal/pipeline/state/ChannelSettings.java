package io.acog.core.internal.pipeline.state;

import io.acog.core.channel.Channel;
import io.acog.core.episode.SpeakingRate;

/**
 * What scheduling an episode's stages needs of its channel.
 *
 * @param manualReview whether scripts wait for a person's approval
 * @param wordsPerMinute the channel's speaking rate, for b-roll clip lengths
 * @param autoPublish whether an assembled episode is uploaded without being told to
 */
public record ChannelSettings(boolean manualReview, int wordsPerMinute, boolean autoPublish) {

    public static ChannelSettings of(Channel channel) {
        return new ChannelSettings(
                channel.platformConfig().manualScriptReview(),
                SpeakingRate.wordsPerMinute(channel.styleGuide()),
                channel.platformConfig().publishesAutomatically());
    }
}
