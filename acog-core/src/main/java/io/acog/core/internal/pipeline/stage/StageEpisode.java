package io.acog.core.internal.pipeline.stage;

import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.EpisodeMetadata;
import io.acog.core.episode.EpisodePlan;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.ScriptMetadata;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.timeline.TimelineCodec;
import io.acog.spi.Timeline;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * An episode as a stage's run sees it: who it is, its status, and the parts its stage reads
 * ({@link Stage#reads()}), parsed when first asked for. Asking for a part the stage did not name is
 * a mistake in the stage, reported as such.
 */
public final class StageEpisode {

    private final UUID id;
    private final UUID channelId;
    private final EpisodeStatus status;
    private final Map<EpisodeField, String> read;

    /**
     * @param read the parts loaded, as stored (JSON as its text); a part may map to null (no
     *     script yet)
     */
    public StageEpisode(UUID id, UUID channelId, EpisodeStatus status, Map<EpisodeField, String> read) {
        this.id = id;
        this.channelId = channelId;
        this.status = status;
        this.read = new EnumMap<>(EpisodeField.class);
        this.read.putAll(read);
    }

    public UUID id() {
        return id;
    }

    public UUID channelId() {
        return channelId;
    }

    public EpisodeStatus status() {
        return status;
    }

    public EpisodeIdea idea() {
        return JsonCodec.read(raw(EpisodeField.IDEA), EpisodeIdea.class);
    }

    public EpisodePlan plan() {
        return JsonCodec.read(raw(EpisodeField.PLAN), EpisodePlan.class);
    }

    /** The script text; null when there is none yet. */
    public String script() {
        return raw(EpisodeField.SCRIPT);
    }

    public ScriptMetadata scriptMetadata() {
        return JsonCodec.read(raw(EpisodeField.SCRIPT_METADATA), ScriptMetadata.class);
    }

    public EpisodeMetadata metadata() {
        return JsonCodec.read(raw(EpisodeField.METADATA), EpisodeMetadata.class);
    }

    public PipelineState pipelineState() {
        return JsonCodec.read(raw(EpisodeField.PIPELINE_STATE), PipelineState.class);
    }

    /** The timeline the audio stage laid out; null before it did. */
    public Timeline timeline() {
        return TimelineCodec.read(raw(EpisodeField.TIMELINE));
    }

    /** The primaries and b-roll clips earlier stages stored. */
    EpisodeAssets assets() {
        return EpisodeAssets.parse(id, raw(EpisodeField.ASSETS));
    }

    /**
     * A part as loaded (JSON as its text).
     *
     * @throws IllegalStateException when the stage did not name it
     */
    public String raw(EpisodeField field) {
        if (!read.containsKey(field)) {
            throw new IllegalStateException(
                    "episode " + id + "'s " + field + " was not loaded: the stage" + " must name it in reads()");
        }
        return read.get(field);
    }
}
