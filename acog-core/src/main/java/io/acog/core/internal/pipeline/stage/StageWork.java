package io.acog.core.internal.pipeline.stage;

import io.acog.core.channel.Channel;
import io.acog.core.episode.Script;
import io.acog.core.episode.ScriptParser;
import io.acog.core.job.Job;
import io.acog.spi.ChannelBrief;
import java.util.UUID;

/** A stage's job, with the episode and channel as loaded when it began and its provider call. */
public record StageWork(Job job, StageEpisode episode, Channel channel, ChannelBrief brief, ProviderCallContext call) {

    public UUID episodeId() {
        return episode.id();
    }

    /**
     * The episode's script, parsed.
     *
     * @throws StageFailedException (permanent) when it has none
     */
    public Script script() {
        if (episode.script() == null) {
            throw StageFailedException.permanent("episode " + episode.id() + " has no script");
        }
        return ScriptParser.parse(episode.script());
    }

    /** The job's input as the typed record the stage expects. */
    public <T> T input(Class<T> type) {
        return job.input(type);
    }
}
