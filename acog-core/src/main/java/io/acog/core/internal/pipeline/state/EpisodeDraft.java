package io.acog.core.internal.pipeline.state;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.NewJob;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One episode being changed in a transaction, under its row lock: its stages' entries and its
 * status as the changes so far leave them, and what to write and tell when the transaction ends
 * (columns, jobs to enqueue, listener events). Not thread-safe: one transaction's.
 */
public final class EpisodeDraft {

    private final UUID id;
    private final UUID channelId;
    private final int priority;
    private final EnumMap<PipelineStage, StageState> stages = new EnumMap<>(PipelineStage.class);
    private final Map<String, Object> extra;
    private EpisodeStatus status;
    private EpisodeStatus end;
    private boolean retried;
    private boolean unchanged;
    private String lastError;
    private String script;
    private String timeline;
    private EpisodeColumns columns = EpisodeColumns.NONE;
    private List<String> scriptingNotes = List.of();
    private final List<NewJob> jobs = new ArrayList<>();
    private final List<PipelineEvent> events = new ArrayList<>();

    /**
     * @param script the script, where the change may plan b-roll clips from it; else null
     * @param timeline the timeline's JSON text, where the change may size b-roll clips from it;
     *     else null
     */
    public EpisodeDraft(
            UUID id,
            UUID channelId,
            EpisodeStatus status,
            PipelineState state,
            int priority,
            String script,
            String timeline) {
        this.id = id;
        this.channelId = channelId;
        this.status = status;
        this.stages.putAll(state.stages());
        this.extra = state.extra();
        this.priority = priority;
        this.script = script;
        this.timeline = timeline;
    }

    public UUID id() {
        return id;
    }

    public UUID channelId() {
        return channelId;
    }

    public int priority() {
        return priority;
    }

    /** The status as the changes so far leave it. */
    public EpisodeStatus status() {
        return status;
    }

    void status(EpisodeStatus status) {
        this.status = status;
    }

    public StageState get(PipelineStage stage) {
        return stages.get(stage);
    }

    public void put(PipelineStage stage, StageState entry) {
        stages.put(stage, entry);
    }

    /** The stage's status; pending when it has no entry. */
    public StageStatus status(PipelineStage stage) {
        StageState entry = stages.get(stage);
        return entry == null || entry.status() == null ? StageStatus.PENDING : entry.status();
    }

    public PipelineState state() {
        return new PipelineState(stages, extra);
    }

    /** Ends the episode in this status rather than the one its stages imply (failed, cancelled). */
    public void end(EpisodeStatus status) {
        this.end = status;
    }

    EpisodeStatus endStatus() {
        return end;
    }

    /** Marks the change as a retry of a failed episode ({@code retry_count} one up). */
    public void retried() {
        this.retried = true;
    }

    public boolean isRetried() {
        return retried;
    }

    /** The change found the episode as it should be: nothing is written. */
    public void leaveUnchanged() {
        this.unchanged = true;
    }

    public boolean isUnchanged() {
        return unchanged;
    }

    /** Why the episode failed, for {@code last_error}. */
    public void failedWith(String error) {
        this.lastError = error;
    }

    public String lastError() {
        return lastError;
    }

    /**
     * Columns a stage produced; a new script or timeline applies to the stages scheduled after it.
     */
    public void produced(EpisodeColumns produced) {
        columns = columns.then(produced);
        if (produced.script() != null) {
            script = produced.script();
        }
        if (produced.timeline() != null) {
            timeline = produced.timeline();
        }
    }

    /** The script a passing review read: the one the next stages work from. */
    public void reviewed(String script) {
        if (this.script == null) {
            this.script = script;
        }
    }

    public EpisodeColumns columns() {
        return columns;
    }

    public String script() {
        return script;
    }

    /** The timeline's JSON text; null when the episode has none (or it was not read). */
    public String timeline() {
        return timeline;
    }

    /** What the scripting job about to be made should tell the writer. */
    public void scriptingNotes(List<String> notes) {
        this.scriptingNotes = List.copyOf(notes);
    }

    List<String> scriptingNotes() {
        return scriptingNotes;
    }

    public List<NewJob> jobs() {
        return jobs;
    }

    public List<PipelineEvent> events() {
        return events;
    }

    public void tell(PipelineEvent event) {
        events.add(event);
    }
}
