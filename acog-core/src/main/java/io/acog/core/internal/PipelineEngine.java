package io.acog.core.internal;

import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.Acog;
import io.acog.core.BudgetExceededException;
import io.acog.core.ConflictException;
import io.acog.core.InvalidTransitionException;
import io.acog.core.NotFoundException;
import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SpeakingRate;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobContext;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobWorker;
import io.acog.core.job.NewJob;
import io.acog.core.pipeline.ChannelCost;
import io.acog.core.pipeline.EpisodeCost;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.PipelineListener;
import io.acog.core.pipeline.RenderCallback;
import io.acog.jooq.generated.enums.EpisodeStatus;
import io.acog.jooq.generated.enums.JobStatus;
import io.acog.jooq.generated.enums.PipelineStage;
import io.acog.jooq.generated.tables.records.EpisodesRecord;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ProviderException;
import io.acog.spi.RenderProgress;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EpisodePipeline}: the stages' job handlers and the operations on episodes. Every
 * change to an episode happens with its row locked ({@code FOR UPDATE}), so stages finishing at
 * the same moment, and a host cancelling meanwhile, are ordered; the provider call itself runs
 * outside any transaction.
 */
final class PipelineEngine implements EpisodePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(EpisodePipeline.class);
    private static final String ENTITY = "episode";
    /** How often an automatic script review may send a script back before the stage fails. */
    static final int MAX_REVISIONS = 2;
    private static final String CLIPS_TOTAL = "clips_total";
    private static final String CLIPS_DONE = "clips_done";
    private static final String REVISIONS = "revisions";

    private final AcogImpl acog;
    private final Providers providers;
    private final StageCalls calls;
    private final List<PipelineListener> listeners;
    private final int maxRetries;

    PipelineEngine(AcogImpl acog, Providers providers, List<PipelineListener> listeners,
            int maxRetries) {
        this.acog = acog;
        this.providers = providers;
        this.calls = new StageCalls(providers, providers.storage);
        this.listeners = List.copyOf(listeners);
        this.maxRetries = maxRetries;
    }

    // ---- operations on episodes ----------------------------------------------------------------

    @Override
    public Episode start(UUID episodeId) {
        return change(episodeId, (tx, row, state, events) -> {
            EpisodeStatus from = row.getStatus();
            EpisodeLifecycle.refusal(from, EpisodeStatus.PLANNING, state.read()).ifPresent(why -> {
                throw new InvalidTransitionException(episodeId, from, EpisodeStatus.PLANNING, why
                        + "; only an episode in idea can be started");
            });
            checkBudget(tx, row.getChannelId());
            return List.of(PipelineStage.PLANNING);
        });
    }

    @Override
    public Episode approveScript(UUID episodeId, String reviewer) {
        String who = Checks.notNull(ENTITY, "reviewer", reviewer);
        if (who.isBlank()) {
            throw new ValidationException(ENTITY, "reviewer", "is blank; name who approved");
        }
        return change(episodeId, (tx, row, state, events) -> {
            waitingForReview(row, state);
            state.put(PipelineStage.SCRIPT_REVIEW, merged(state.get(PipelineStage.SCRIPT_REVIEW),
                    StageState.empty().withStatus(StageStatus.COMPLETED).withReviewer(who),
                    tx.db().now(), "error"));
            events.add(l -> l.stageCompleted(episodeId, PipelineStage.SCRIPT_REVIEW));
            return StageGraph.unblockedBy(state.read(), PipelineStage.SCRIPT_REVIEW);
        });
    }

    @Override
    public Episode rejectScript(UUID episodeId, String notes) {
        String text = Checks.notNull(ENTITY, "notes", notes);
        if (text.isBlank()) {
            throw new ValidationException(ENTITY, "notes", "is blank; say what the writer should"
                    + " change");
        }
        Checks.storable(ENTITY, "notes", text);
        return change(episodeId, (tx, row, state, events) -> {
            waitingForReview(row, state);
            sendBack(state, List.of(text));
            return List.of(PipelineStage.SCRIPTING);
        });
    }

    @Override
    public Episode publish(UUID episodeId) {
        return change(episodeId, (tx, row, state, events) -> {
            if (row.getStatus() != EpisodeStatus.READY) {
                throw new InvalidTransitionException(episodeId, row.getStatus(),
                        EpisodeStatus.PUBLISHING, "only a ready episode can be published");
            }
            return List.of(PipelineStage.UPLOAD);
        });
    }

    @Override
    public Episode retry(UUID episodeId) {
        return change(episodeId, (tx, row, state, events) -> {
            if (row.getStatus() != EpisodeStatus.FAILED) {
                throw new InvalidTransitionException(episodeId, row.getStatus(),
                        EpisodeStatus.FAILED, "only a failed episode can be retried; it is "
                                + row.getStatus().getLiteral());
            }
            checkBudget(tx, row.getChannelId());
            for (PipelineStage stage : PipelineStage.values()) {
                StageState entry = state.get(stage);
                if (entry != null && (entry.status() == StageStatus.FAILED
                        || entry.status() == StageStatus.CANCELLED)) {
                    state.put(stage, merged(entry, StageState.empty()
                            .withStatus(StageStatus.PENDING), null, "error", "completed_at"));
                }
            }
            state.retried = true;
            return StageGraph.runnable(state.read());
        });
    }

    @Override
    public Episode cancel(UUID episodeId) {
        List<RenderTask> tasks = new ArrayList<>();
        Episode episode = change(episodeId, (tx, row, state, events) -> {
            EpisodeStatus from = row.getStatus();
            if (from == EpisodeStatus.CANCELLED) {
                return List.of();
            }
            if (from == EpisodeStatus.PUBLISHED) {
                throw new InvalidTransitionException(episodeId, from, EpisodeStatus.CANCELLED,
                        "published is final");
            }
            tasks.addAll(renderTasks(tx.db().dsl(), episodeId));
            tx.jobs().cancelAll(episodeId);
            for (PipelineStage stage : PipelineStage.values()) {
                StageState entry = state.get(stage);
                if (entry != null && (entry.status() == StageStatus.RUNNING
                        || entry.status() == StageStatus.PENDING
                        || entry.status() == StageStatus.WAITING)) {
                    state.put(stage, merged(entry, StageState.empty()
                            .withStatus(StageStatus.CANCELLED), null));
                }
            }
            state.to = EpisodeStatus.CANCELLED;
            return List.of();
        });
        tasks.forEach(this::cancelAtProvider);
        return episode;
    }

    @Override
    public boolean callback(RenderCallback callback) {
        Objects.requireNonNull(callback, "callback");
        return acog.jobStore().wake(StageGraph.RENDERS, StageCalls.TASK_ID, callback.taskId(),
                StageCalls.PROVIDER, callback.provider());
    }

    @Override
    public EpisodeCost cost(UUID episodeId) {
        Checks.notNull(ENTITY, "id", episodeId);
        acog.episodes().get(episodeId);
        Map<PipelineStage, BigDecimal> byStage = new EnumMap<>(PipelineStage.class);
        long[] tokens = {0};
        acog.db().read(dsl -> dsl.select(JOBS.STAGE, DSL.sum(JOBS.COST_USD),
                        DSL.sum(JOBS.TOKENS_USED))
                .from(JOBS)
                .where(JOBS.EPISODE_ID.eq(episodeId), JOBS.STATUS.eq(JobStatus.COMPLETED))
                .groupBy(JOBS.STAGE).fetch())
                .forEach(row -> {
                    if (row.value2() != null) {
                        byStage.put(PipelineStage.lookupLiteral(row.value1()), row.value2());
                    }
                    if (row.value3() != null) {
                        tokens[0] += row.value3().longValue();
                    }
                });
        BigDecimal total = byStage.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EpisodeCost(episodeId, total, byStage, tokens[0]);
    }

    @Override
    public ChannelCost cost(UUID channelId, YearMonth month) {
        Checks.notNull("channel", "id", channelId);
        Checks.notNull("channel", "month", month);
        Channel channel = acog.channels().get(channelId);
        Record spent = acog.db().read(dsl -> spent(dsl, channelId, month));
        return new ChannelCost(channelId, month, spent.get(0, BigDecimal.class),
                spent.get(1, Integer.class), channel.platformConfig().monthlyBudgetUsd());
    }

    /** What the channel's completed jobs cost in the month (UTC), and for how many episodes. */
    private static Record spent(DSLContext dsl, UUID channelId, YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return dsl.select(DSL.coalesce(DSL.sum(JOBS.COST_USD), BigDecimal.ZERO),
                        DSL.countDistinct(JOBS.EPISODE_ID))
                .from(JOBS).join(EPISODES).on(EPISODES.ID.eq(JOBS.EPISODE_ID))
                .where(EPISODES.CHANNEL_ID.eq(channelId), JOBS.STATUS.eq(JobStatus.COMPLETED),
                        JOBS.COMPLETED_AT.ge(from), JOBS.COMPLETED_AT.lt(from.plusMonths(1)),
                        JOBS.COST_USD.isNotNull())
                .fetchOne();
    }

    /**
     * @throws BudgetExceededException when the channel has a monthly budget and spent it
     */
    private void checkBudget(AcogImpl tx, UUID channelId) {
        BigDecimal budget = tx.db().read(dsl -> dsl.select(CHANNELS.PLATFORM_CONFIG)
                        .from(CHANNELS).where(CHANNELS.ID.eq(channelId))
                        .fetchOptional(CHANNELS.PLATFORM_CONFIG))
                .map(json -> JsonCodec.read(json, io.acog.core.channel.PlatformConfig.class)
                        .monthlyBudgetUsd())
                .orElse(null);
        budgetRefusal(tx.db(), channelId, budget).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** The refusal to start a stage when the channel's monthly budget (if any) is spent. */
    private static java.util.Optional<BudgetExceededException> budgetRefusal(Db db,
            UUID channelId, BigDecimal budget) {
        if (budget == null) {
            return java.util.Optional.empty();
        }
        BigDecimal spent = db.read(dsl -> spent(dsl, channelId,
                YearMonth.from(db.now()))).get(0, BigDecimal.class);
        return spent.compareTo(budget) >= 0
                ? java.util.Optional.of(new BudgetExceededException(channelId, budget, spent))
                : java.util.Optional.empty();
    }

    private static void waitingForReview(EpisodesRecord row, State state) {
        if (row.getStatus() != EpisodeStatus.SCRIPT_REVIEW
                || state.status(PipelineStage.SCRIPT_REVIEW) != StageStatus.WAITING) {
            throw new ConflictException(ENTITY, "episode " + row.getId() + "'s script does not"
                    + " wait for review: the episode is " + row.getStatus().getLiteral()
                    + " and script_review is " + state.status(PipelineStage.SCRIPT_REVIEW)
                            .label());
        }
    }

    /** Sends the script back to scripting: the writer gets the notes. */
    private static void sendBack(State state, List<String> notes) {
        StageState review = state.get(PipelineStage.SCRIPT_REVIEW);
        int revisions = revisions(review) + 1;
        state.put(PipelineStage.SCRIPT_REVIEW, merged(review, StageState.empty()
                .withStatus(StageStatus.PENDING).withExtra(REVISIONS, revisions)
                .withExtra(StageCalls.REVIEW_NOTES, notes), null, "completed_at"));
        state.put(PipelineStage.SCRIPTING, merged(state.get(PipelineStage.SCRIPTING),
                StageState.empty().withStatus(StageStatus.PENDING), null, "completed_at"));
        state.scriptingNotes = notes;
    }

    private static int revisions(StageState review) {
        Object revisions = review == null ? null : review.extra().get(REVISIONS);
        return revisions instanceof Number number ? number.intValue() : 0;
    }

    // ---- the one way an episode changes --------------------------------------------------------

    /** An episode's pipeline state being changed under its row lock. */
    private static final class State {
        final EnumMap<PipelineStage, StageState> stages;
        final Map<String, Object> extra;
        /** The status to end in, when not the one the stages imply. */
        EpisodeStatus to;
        boolean retried;
        String lastError;
        List<String> scriptingNotes = List.of();

        State(PipelineState state) {
            this.stages = new EnumMap<>(PipelineStage.class);
            this.stages.putAll(state.stages());
            this.extra = state.extra();
        }

        StageState get(PipelineStage stage) {
            return stages.get(stage);
        }

        void put(PipelineStage stage, StageState entry) {
            stages.put(stage, entry);
        }

        StageStatus status(PipelineStage stage) {
            return read().status(stage);
        }

        PipelineState read() {
            return new PipelineState(stages, extra);
        }
    }

    /** Events to fire once the transaction committed. */
    private static final class Events {
        final List<java.util.function.Consumer<PipelineListener>> pending = new ArrayList<>();

        void add(java.util.function.Consumer<PipelineListener> event) {
            pending.add(event);
        }
    }

    @FunctionalInterface
    private interface Change {
        /**
         * Changes the locked episode's state.
         *
         * @return the stages to start now
         */
        List<PipelineStage> apply(AcogImpl tx, EpisodesRecord row, State state, Events events);
    }

    /**
     * Locks the episode, lets {@code change} work on its state, then marks the stages it asks to
     * start pending and enqueues their jobs, writes the state and the status the stages imply,
     * and fires the events after commit.
     */
    private Episode change(UUID episodeId, Change change) {
        Checks.notNull(ENTITY, "id", episodeId);
        Events events = new Events();
        Episode episode = acog.transactionResult(scope -> {
            AcogImpl tx = (AcogImpl) scope;
            EpisodesRecord row = lock(tx.db().dsl(), episodeId);
            if (row == null) {
                throw EpisodeStore.notFound(episodeId);
            }
            State state = new State(JsonCodec.read(row.getPipelineState(), PipelineState.class));
            List<PipelineStage> start = change.apply(tx, row, state, events);
            return write(tx, row, state, start, Map.of(), events);
        });
        fire(events);
        return episode;
    }

    /** {@code SELECT * FROM episodes WHERE id = ? FOR UPDATE}, live episodes only. */
    private static EpisodesRecord lock(DSLContext dsl, UUID episodeId) {
        return dsl.selectFrom(EPISODES)
                .where(EPISODES.ID.eq(episodeId), EPISODES.DELETED_AT.isNull())
                .forUpdate().fetchOne();
    }

    /**
     * Enqueues the stages to start (marking them pending), then writes the episode: the columns,
     * the state, and the status ({@link State#to}, else the one the stages imply while the episode
     * is on its way, else unchanged).
     */
    private Episode write(AcogImpl tx, EpisodesRecord row, State state,
            List<PipelineStage> start, Map<Field<?>, Object> columns, Events events) {
        UUID episodeId = row.getId();
        EpisodeStatus from = row.getStatus();
        boolean onItsWay = EpisodeLifecycle.isActive(from) || state.retried;
        List<NewJob> jobs = new ArrayList<>();
        if (onItsWay && state.to == null) {
            for (PipelineStage stage : schedule(state, start)) {
                jobs.addAll(jobsFor(tx, row, state, stage));
            }
        }
        EpisodeStatus to = state.to != null ? state.to
                : onItsWay ? StageGraph.status(state.read()) : from;
        Map<Field<?>, Object> values = new LinkedHashMap<>(columns);
        values.put(EPISODES.PIPELINE_STATE, JsonCodec.jsonb(state.read()));
        values.put(EPISODES.STATUS, to);
        if (state.retried) {
            values.put(EPISODES.RETRY_COUNT, EPISODES.RETRY_COUNT.plus(1));
        }
        if (state.lastError != null) {
            values.put(EPISODES.LAST_ERROR, state.lastError);
        }
        Episode episode = EpisodeStore.map(tx.db().dsl().update(EPISODES).set(values)
                .where(EPISODES.ID.eq(episodeId)).returning().fetchOne());
        if (!jobs.isEmpty()) {
            tx.jobs().enqueueAll(jobs);
        }
        if (to != from) {
            events.add(listener -> listener.statusChanged(episodeId, from, to));
        }
        return episode;
    }

    /**
     * The stages to start, and those their starting lets start at once (a b-roll stage with no
     * clips is done as it starts); each marked pending, or waiting for a person (manual review).
     */
    private List<PipelineStage> schedule(State state, List<PipelineStage> start) {
        List<PipelineStage> scheduled = new ArrayList<>();
        java.util.ArrayDeque<PipelineStage> queue = new java.util.ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            PipelineStage stage = queue.poll();
            if (scheduled.contains(stage)) {
                continue;
            }
            scheduled.add(stage);
            StageState entry = state.get(stage);
            if (entry != null && entry.status() == StageStatus.RUNNING) {
                continue; // a live job works on it already (retry of a sibling's failure)
            }
            state.put(stage, merged(entry, StageState.empty().withStatus(StageStatus.PENDING),
                    null, "error", "completed_at"));
        }
        return scheduled;
    }

    /**
     * The jobs that run a stage about to start: one, or one per b-roll clip still missing, or
     * none for a script waiting for a person or a b-roll stage without clips (then done).
     */
    private List<NewJob> jobsFor(AcogImpl tx, EpisodesRecord row, State state,
            PipelineStage stage) {
        UUID episodeId = row.getId();
        Map<String, Object> input = new LinkedHashMap<>();
        switch (stage) {
            case SCRIPTING -> {
                if (!state.scriptingNotes.isEmpty()) {
                    input.put(StageCalls.REVIEW_NOTES, state.scriptingNotes);
                }
            }
            case SCRIPT_REVIEW -> {
                if (manualReview(tx, row)) {
                    state.put(stage, merged(state.get(stage),
                            StageState.empty().withStatus(StageStatus.WAITING), null));
                    return List.of();
                }
            }
            case BROLL -> {
                return clipJobs(tx, row, state);
            }
            default -> { }
        }
        return List.of(job(row, stage, input, key(episodeId, stage, null)));
    }

    private List<NewJob> clipJobs(AcogImpl tx, EpisodesRecord row, State state) {
        UUID episodeId = row.getId();
        List<ScriptSegment> clips = ScriptParser.parse(row.getScript() == null ? ""
                : row.getScript()).segments(io.acog.core.episode.SegmentKind.BROLL);
        Set<Integer> done = new TreeSet<>(clipsDone(state.get(PipelineStage.BROLL)));
        int wordsPerMinute = SpeakingRate.wordsPerMinute(JsonCodec.read(
                tx.db().dsl().select(CHANNELS.STYLE_GUIDE).from(CHANNELS)
                        .where(CHANNELS.ID.eq(row.getChannelId())).fetchOne(CHANNELS.STYLE_GUIDE),
                io.acog.core.channel.StyleGuide.class));
        StageState current = state.get(PipelineStage.BROLL);
        StageStatus status = clips.isEmpty() ? StageStatus.SKIPPED
                : current != null && current.status() == StageStatus.RUNNING ? StageStatus.RUNNING
                : StageStatus.PENDING;
        StageState entry = merged(current, StageState.empty().withStatus(status)
                .withExtra(CLIPS_TOTAL, clips.size()), clips.isEmpty() ? tx.db().now() : null);
        state.put(PipelineStage.BROLL, entry);
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            if (done.contains(i)) {
                continue;
            }
            ScriptSegment clip = clips.get(i);
            long seconds = SpeakingRate.estimate(Math.max(clip.wordCount(), 1), wordsPerMinute)
                    .toSeconds();
            Map<String, Object> input = new LinkedHashMap<>();
            input.put(StageCalls.CLIP_INDEX, i);
            input.put(StageCalls.DESCRIPTION, clip.brollDescription());
            input.put(StageCalls.SECONDS, (int) Math.max(3, Math.min(seconds, 10)));
            jobs.add(job(row, PipelineStage.BROLL, input, key(episodeId, PipelineStage.BROLL, i)));
        }
        return jobs;
    }

    private static boolean manualReview(AcogImpl tx, EpisodesRecord row) {
        return JsonCodec.read(tx.db().dsl().select(CHANNELS.PLATFORM_CONFIG).from(CHANNELS)
                        .where(CHANNELS.ID.eq(row.getChannelId()))
                        .fetchOne(CHANNELS.PLATFORM_CONFIG),
                io.acog.core.channel.PlatformConfig.class).manualScriptReview();
    }

    private NewJob job(EpisodesRecord row, PipelineStage stage, Map<String, Object> input,
            String key) {
        return NewJob.builder(row.getId(), stage).input(input)
                .priority(Math.max(0, row.getPriority())).maxRetries(maxRetries)
                .idempotencyKey(key).build();
    }

    /** One live job per stage (and clip) of an episode: enqueuing twice yields the same job. */
    private static String key(UUID episodeId, PipelineStage stage, Integer clip) {
        return "acog:" + episodeId + ":" + stage.getLiteral() + (clip == null ? "" : ":" + clip);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> clipsDone(StageState broll) {
        Object done = broll == null ? null : broll.extra().get(CLIPS_DONE);
        List<Integer> indexes = new ArrayList<>();
        if (done instanceof List<?> list) {
            for (Object index : list) {
                indexes.add(((Number) index).intValue());
            }
        }
        return indexes;
    }

    /**
     * The entry with {@code patch}'s set fields over it, {@code removed} keys dropped, and
     * {@code completedAt} set when given.
     */
    private static StageState merged(StageState entry, StageState patch,
            OffsetDateTime completedAt, String... removed) {
        Map<String, Object> json = StageCalls.map(entry);
        for (String key : removed) {
            json.remove(key);
        }
        json.putAll(StageCalls.map(patch));
        if (completedAt != null) {
            json.put("completed_at", completedAt);
        }
        return JsonCodec.convert(json, StageState.class);
    }

    // ---- running stages ------------------------------------------------------------------------

    @Override
    public JobWorker.Builder worker(String name) {
        JobWorker.Builder builder = acog.jobs().worker(name);
        for (PipelineStage stage : PipelineStage.values()) {
            builder.handler(stage, this::handle);
        }
        return builder;
    }

    /** The handler of every stage's jobs. */
    JobOutcome handle(Job job, JobContext context) {
        if (context.cancelRequested()) {
            return endCancelled(context, job.input());
        }
        Object task = job.input().get(StageCalls.TASK_ID);
        if (task != null && StageGraph.RENDERS.contains(job.stage())) {
            return poll(job, context, task.toString(),
                    String.valueOf(job.input().get(StageCalls.PROVIDER)));
        }
        StageCalls.Work work = begin(job, context);
        if (work == null) {
            return endCancelled(context, Map.of());
        }
        fire(List.of(listener -> listener.stageStarted(job.episodeId(), job.stage(),
                attempts(work.episode(), job.stage()))));
        java.util.Optional<BudgetExceededException> overBudget = budgetRefusal(acog.db(),
                work.channel().id(), work.channel().platformConfig().monthlyBudgetUsd());
        if (overBudget.isPresent()) {
            return recordFailure(job, context, overBudget.get().getMessage(), false, null, false);
        }
        StageCalls.Ran ran;
        try {
            ran = calls.run(work, acog.db().dsl(), acog.db().now());
        } catch (ProviderException e) {
            return recordFailure(job, context, e.getMessage(), e.retryable(),
                    e.retryAfter().orElse(null), false);
        } catch (RuntimeException e) {
            LOG.warn("Stage {} of episode {} failed unexpectedly", job.stage().getLiteral(),
                    job.episodeId(), e);
            return recordFailure(job, context, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), true, null, false);
        }
        if (ran instanceof StageCalls.Submitted submitted) {
            return recordSubmitted(job, context, submitted);
        }
        StageCalls.Output output = (StageCalls.Output) ran;
        if (job.stage() == PipelineStage.SCRIPT_REVIEW && !Boolean.TRUE.equals(output.approved())
                && revisions(work.episode().pipelineState().stage(PipelineStage.SCRIPT_REVIEW)
                        .orElse(null)) >= MAX_REVISIONS) {
            return recordFailure(job, context, "the script was not approved after "
                    + MAX_REVISIONS + " revisions: " + String.join("; ", output.notes()), false,
                    null, false);
        }
        return commit(job, context, output);
    }

    private static int attempts(Episode episode, PipelineStage stage) {
        return episode.pipelineState().stage(stage).map(StageState::attempts).orElse(1);
    }

    /**
     * Marks the stage running (attempts one up, started now, error cleared) and loads the episode
     * with its channel, in one statement; null when the episode is no longer on its way.
     */
    private StageCalls.Work begin(Job job, JobContext context) {
        PipelineStage stage = job.stage();
        OffsetDateTime now = acog.db().now();
        StageState patch = StageState.empty().withStatus(StageStatus.RUNNING);
        boolean firstClip = stage == PipelineStage.BROLL;
        Field<org.jooq.JSONB> merged = EpisodeStore.mergedState(stage,
                JsonCodec.jsonb(firstClip ? patch : new StageState(StageStatus.RUNNING, now, null,
                        null, null, null, null, null, null, null, null, null, null)),
                List.of("error", "completed_at"), !firstClip);
        // b-roll runs as clips: the stage started with its first clip
        Field<org.jooq.JSONB> state = !firstClip ? merged : DSL.field("jsonb_set({0}, {1}::text[],"
                        + " coalesce({2} #> {1}::text[], {3}), true)",
                org.jooq.impl.SQLDataType.JSONB, merged,
                    DSL.val(new String[] {stage.getLiteral(), "started_at"}),
                    EPISODES.PIPELINE_STATE, DSL.val(org.jooq.JSONB.valueOf(
                            JsonCodec.text(now))));
        List<Field<?>> fields = Stream.concat(Stream.of(EPISODES.fields()),
                Stream.of(CHANNELS.fields())).toList();
        Record row = acog.db().statement(dsl -> dsl.update(EPISODES)
                .set(EPISODES.PIPELINE_STATE, state)
                .from(CHANNELS)
                .where(EPISODES.ID.eq(job.episodeId()), CHANNELS.ID.eq(EPISODES.CHANNEL_ID),
                        EPISODES.DELETED_AT.isNull(), EPISODES.STATUS.notIn(
                                DSL.inline(EpisodeStatus.FAILED), DSL.inline(EpisodeStatus.CANCELLED),
                                DSL.inline(EpisodeStatus.PUBLISHED)))
                .returningResult(fields).fetchOne());
        if (row == null) {
            return null;
        }
        Episode episode = EpisodeStore.map(row.into(EPISODES));
        Channel channel = ChannelStore.map(row.into(CHANNELS));
        return new StageCalls.Work(job, episode, channel, StageCalls.brief(channel),
                call(job, context));
    }

    private StageCalls.Call call(Job job, JobContext context) {
        return new StageCalls.Call(job.episodeId(), job.stage().getLiteral(),
                "acog-" + job.id(), Math.max(1, job.attempts()), calls.storage(),
                context::cancelRequested);
    }

    /** The stage's results, stored with the job's completion and the next stages' jobs. */
    private JobOutcome commit(Job job, JobContext context, StageCalls.Output output) {
        PipelineStage stage = job.stage();
        UUID episodeId = job.episodeId();
        Events events = new Events();
        acog.transaction(scope -> {
            AcogImpl tx = (AcogImpl) scope;
            DSLContext dsl = tx.db().dsl();
            EpisodesRecord row = lock(dsl, episodeId);
            if (row == null || row.getStatus() == EpisodeStatus.CANCELLED) {
                tx.jobs().cancelled(context.claim());
                return;
            }
            tx.jobs().complete(context.claim(), output.completion());
            OffsetDateTime now = tx.db().now();
            for (io.acog.core.asset.NewAsset asset : output.assets()) {
                AssetStore.insert(dsl, AssetStore.prepare(asset), now);
            }
            State state = new State(JsonCodec.read(row.getPipelineState(), PipelineState.class));
            List<PipelineStage> start = new ArrayList<>();
            StageState entry = state.get(stage);
            if (stage == PipelineStage.BROLL) {
                Set<Integer> done = new LinkedHashSet<>(clipsDone(entry));
                done.add(((Number) job.input().get(StageCalls.CLIP_INDEX)).intValue());
                Object total = entry == null ? null : entry.extra().get(CLIPS_TOTAL);
                boolean all = total instanceof Number number && done.size() >= number.intValue();
                StageState patch = output.details().withExtra(CLIPS_DONE, List.copyOf(done))
                        .withCostUsd(sum(entry == null ? null : entry.costUsd(),
                                output.details().costUsd()));
                state.put(stage, merged(entry, all ? patch.withStatus(StageStatus.COMPLETED)
                        : patch, all ? now : null, all ? new String[] {"error"} : new String[0]));
                if (all) {
                    events.add(listener -> listener.stageCompleted(episodeId, stage));
                    start.addAll(StageGraph.unblockedBy(state.read(), stage));
                }
            } else if (stage == PipelineStage.SCRIPT_REVIEW
                    && !Boolean.TRUE.equals(output.approved())) {
                state.put(stage, merged(entry, output.details(), null));
                sendBack(state, output.notes());
                start.add(PipelineStage.SCRIPTING);
            } else {
                StageState patch = output.details().withStatus(StageStatus.COMPLETED);
                if (stage == PipelineStage.SCRIPT_REVIEW) {
                    patch = new StageState(patch.status(), null, null, null, null,
                            patch.provider(), patch.jobId(), patch.modelUsed(), patch.tokensUsed(),
                            patch.costUsd(), revisions(entry), "auto", patch.extra());
                }
                state.put(stage, merged(entry, patch, now, "error"));
                events.add(listener -> listener.stageCompleted(episodeId, stage));
                start.addAll(StageGraph.unblockedBy(state.read(), stage));
                if (stage == PipelineStage.ASSEMBLY && publishesAutomatically(tx, row)) {
                    start.add(PipelineStage.UPLOAD);
                }
            }
            write(tx, row, state, start, output.columns(), events);
        });
        fire(events);
        return JobOutcome.recorded();
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static boolean publishesAutomatically(AcogImpl tx, EpisodesRecord row) {
        return JsonCodec.read(tx.db().dsl().select(CHANNELS.PLATFORM_CONFIG).from(CHANNELS)
                        .where(CHANNELS.ID.eq(row.getChannelId()))
                        .fetchOne(CHANNELS.PLATFORM_CONFIG),
                io.acog.core.channel.PlatformConfig.class).publishesAutomatically();
    }

    /**
     * A failed run: the job is retried (the stage waits, with the error) while retries are left
     * and the failure is retryable; otherwise the stage fails and, when the episode is on its
     * way, the episode with it (its queued stages that have not begun are cancelled; renders in
     * progress go on, so {@link #retry} finds their work).
     *
     * @param forgetTask whether the job's render task is gone (a retry submits anew)
     */
    private JobOutcome recordFailure(Job job, JobContext context, String error,
            boolean retryable, Duration retryAfter, boolean forgetTask) {
        PipelineStage stage = job.stage();
        UUID episodeId = job.episodeId();
        String message = Checks.storable(ENTITY, "error", error == null || error.isBlank()
                ? "failed without a message" : error);
        Events events = new Events();
        acog.transaction(scope -> {
            AcogImpl tx = (AcogImpl) scope;
            EpisodesRecord row = lock(tx.db().dsl(), episodeId);
            Job after = tx.jobs().fail(context.claim(), message, retryable, retryAfter);
            if (forgetTask) {
                tx.jobStore().forgetProgress(job.id(), StageCalls.TASK_ID, StageCalls.PROVIDER);
            }
            if (row == null) {
                return;
            }
            State state = new State(JsonCodec.read(row.getPipelineState(), PipelineState.class));
            boolean willRetry = after.status() == JobStatus.QUEUED;
            events.add(listener -> listener.stageFailed(episodeId, stage, message, willRetry));
            if (willRetry) {
                state.put(stage, merged(state.get(stage), StageState.empty()
                        .withStatus(StageStatus.PENDING), null));
                state.put(stage, withError(state.get(stage), message));
            } else {
                state.put(stage, withError(merged(state.get(stage), StageState.empty()
                        .withStatus(StageStatus.FAILED), tx.db().now()), message));
                if (EpisodeLifecycle.isActive(row.getStatus())) {
                    state.to = EpisodeStatus.FAILED;
                    state.lastError = stage.getLiteral() + ": " + message;
                    tx.jobStore().cancelQueued(episodeId, StageCalls.TASK_ID);
                }
            }
            write(tx, row, state, List.of(), Map.of(), events);
        });
        fire(events);
        return JobOutcome.recorded();
    }

    private static StageState withError(StageState entry, String error) {
        return new StageState(entry.status(), entry.startedAt(), entry.completedAt(),
                entry.attempts(), error, entry.provider(), entry.jobId(), entry.modelUsed(),
                entry.tokensUsed(), entry.costUsd(), entry.refinementPasses(), entry.reviewer(),
                entry.extra());
    }

    /** A render the provider accepted: the job waits for it, keeping its task id. */
    private JobOutcome recordSubmitted(Job job, JobContext context,
            StageCalls.Submitted submitted) {
        PipelineStage stage = job.stage();
        String taskId = submitted.task().taskId();
        boolean cancelled = acog.transactionResult(scope -> {
            AcogImpl tx = (AcogImpl) scope;
            DSLContext dsl = tx.db().dsl();
            EpisodesRecord row = lock(dsl, job.episodeId());
            if (row == null || row.getStatus() == EpisodeStatus.CANCELLED) {
                tx.jobs().cancelled(context.claim());
                return true;
            }
            tx.jobs().reschedule(context.claim(), submitted.task().checkAfter(),
                    Map.of(StageCalls.TASK_ID, taskId, StageCalls.PROVIDER, submitted.provider()));
            if (stage == PipelineStage.AVATAR) {
                State state = new State(JsonCodec.read(row.getPipelineState(),
                        PipelineState.class));
                state.put(stage, merged(state.get(stage), StageState.empty()
                        .withProvider(submitted.provider()).withJobId(taskId), null));
                dsl.update(EPISODES).set(EPISODES.PIPELINE_STATE, JsonCodec.jsonb(state.read()))
                        .where(EPISODES.ID.eq(job.episodeId())).execute();
            }
            return false;
        });
        if (cancelled) {
            cancelAtProvider(new RenderTask(stage, taskId, submitted.provider()));
        }
        return JobOutcome.recorded();
    }

    /** A later run of a render job: asks the provider how the render goes. */
    private JobOutcome poll(Job job, JobContext context, String taskId, String provider) {
        StageCalls.Call call = call(job, context);
        RenderProgress progress;
        try {
            progress = job.stage() == PipelineStage.AVATAR
                    ? providers.avatarNamed(provider).poll(taskId, call)
                    : providers.broll(provider).poll(taskId, call);
            Objects.requireNonNull(progress, () -> provider + " returned no render progress");
        } catch (ProviderException e) {
            return recordFailure(job, context, e.getMessage(), e.retryable(),
                    e.retryAfter().orElse(null), false);
        } catch (RuntimeException e) {
            LOG.warn("Polling render {} of {} failed unexpectedly", taskId, provider, e);
            return recordFailure(job, context, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), true, null, false);
        }
        if (progress instanceof RenderProgress.Pending pending) {
            return JobOutcome.checkAgainIn(pending.checkAfter(),
                    Map.of("progress", pending.fractionDone()));
        }
        if (progress instanceof RenderProgress.Failed failed) {
            return recordFailure(job, context, provider + ": render " + taskId + " failed: "
                    + failed.error(), failed.retryable(), null, true);
        }
        RenderProgress.Done done = (RenderProgress.Done) progress;
        StageCalls.Work work = load(job, context);
        if (work == null) {
            return endCancelled(context, Map.of());
        }
        StageCalls.Output output;
        try {
            output = job.stage() == PipelineStage.AVATAR
                    ? calls.avatarDone(work, provider, taskId, done.media(), done.durationMs(),
                            done.usage())
                    : calls.clipDone(work, provider, taskId, done.media(), done.durationMs(),
                            done.usage());
        } catch (ProviderException e) {
            return recordFailure(job, context, e.getMessage(), e.retryable(),
                    e.retryAfter().orElse(null), false);
        }
        return commit(job, context, output);
    }

    /** The episode and channel, without marking anything; null when the episode is gone. */
    private StageCalls.Work load(Job job, JobContext context) {
        List<Field<?>> fields = Stream.concat(Stream.of(EPISODES.fields()),
                Stream.of(CHANNELS.fields())).toList();
        Record row = acog.db().read(dsl -> dsl.select(fields).from(EPISODES).join(CHANNELS)
                .on(CHANNELS.ID.eq(EPISODES.CHANNEL_ID))
                .where(EPISODES.ID.eq(job.episodeId()), EPISODES.DELETED_AT.isNull())
                .fetchOne());
        if (row == null) {
            return null;
        }
        Channel channel = ChannelStore.map(row.into(CHANNELS));
        return new StageCalls.Work(job, EpisodeStore.map(row.into(EPISODES)), channel,
                StageCalls.brief(channel), call(job, context));
    }

    /** Ends a job whose episode was cancelled (or is gone), cancelling its render if any. */
    private JobOutcome endCancelled(JobContext context, Map<String, Object> input) {
        ClaimedJob claim = context.claim();
        acog.jobs().cancelled(claim);
        Object task = input.get(StageCalls.TASK_ID);
        if (task != null) {
            cancelAtProvider(new RenderTask(claim.job().stage(), task.toString(),
                    String.valueOf(input.get(StageCalls.PROVIDER))));
        }
        return JobOutcome.recorded();
    }

    // ---- renders at providers ------------------------------------------------------------------

    /** A render a provider works on for a job. */
    private record RenderTask(PipelineStage stage, String taskId, String provider) {}

    private static List<RenderTask> renderTasks(DSLContext dsl, UUID episodeId) {
        Field<String> task = DSL.field("{0} ->> {1}", String.class, JOBS.INPUT_PARAMS,
                DSL.inline(StageCalls.TASK_ID));
        Field<String> provider = DSL.field("{0} ->> {1}", String.class, JOBS.INPUT_PARAMS,
                DSL.inline(StageCalls.PROVIDER));
        return dsl.select(JOBS.STAGE, task, provider).from(JOBS)
                .where(JOBS.EPISODE_ID.eq(episodeId),
                        JOBS.STATUS.in(DSL.inline(JobStatus.QUEUED), DSL.inline(JobStatus.RUNNING)),
                        task.isNotNull())
                .fetch(row -> new RenderTask(PipelineStage.lookupLiteral(row.value1()),
                        row.value2(), row.value3()));
    }

    private void cancelAtProvider(RenderTask task) {
        try {
            StageCalls.Call call = new StageCalls.Call(null, task.stage().getLiteral(),
                    "acog-cancel-" + task.taskId(), 1, calls.storage(), () -> true);
            if (task.stage() == PipelineStage.AVATAR) {
                AvatarRenderer renderer = providers.avatarNamed(task.provider());
                renderer.cancel(task.taskId(), call);
            } else {
                BrollGenerator generator = providers.broll(task.provider());
                generator.cancel(task.taskId(), call);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot cancel render {} at {}: {}", task.taskId(), task.provider(),
                    e.getMessage());
        }
    }

    // ---- events --------------------------------------------------------------------------------

    private void fire(Events events) {
        fire(events.pending);
    }

    private void fire(List<java.util.function.Consumer<PipelineListener>> events) {
        for (java.util.function.Consumer<PipelineListener> event : events) {
            for (PipelineListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    LOG.warn("Pipeline listener {} threw; ignored", listener, e);
                }
            }
        }
    }

    static Function<Acog, AcogImpl> internal() {
        return acog -> {
            if (acog instanceof AcogImpl impl) {
                return impl;
            }
            throw new IllegalArgumentException("EpisodePipeline needs an Acog built by"
                    + " Acog.builder(), not a " + acog.getClass().getName());
        };
    }
}
