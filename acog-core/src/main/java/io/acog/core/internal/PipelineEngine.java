package io.acog.core.internal;

import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.Acog;
import io.acog.core.BudgetExceededException;
import io.acog.core.ConflictException;
import io.acog.core.InvalidTransitionException;
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
import java.util.function.Consumer;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import io.acog.core.job.JobTracker;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.sql.Connection;
import java.sql.SQLException;
import io.acog.core.episode.SegmentKind;
import io.acog.spi.ChannelBrief;
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
            EpisodeStatus from = row.status();
            EpisodeLifecycle.refusal(from, EpisodeStatus.PLANNING, state.read()).ifPresent(why -> {
                throw new InvalidTransitionException(episodeId, from, EpisodeStatus.PLANNING, why
                        + "; only an episode in idea can be started");
            });
            checkBudget(tx, row.channelId());
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
            if (row.status() != EpisodeStatus.READY) {
                throw new InvalidTransitionException(episodeId, row.status(),
                        EpisodeStatus.PUBLISHING, "only a ready episode can be published");
            }
            return List.of(PipelineStage.UPLOAD);
        });
    }

    @Override
    public Episode retry(UUID episodeId) {
        return change(episodeId, (tx, row, state, events) -> {
            if (row.status() != EpisodeStatus.FAILED) {
                throw new InvalidTransitionException(episodeId, row.status(),
                        EpisodeStatus.FAILED, "only a failed episode can be retried; it is "
                                + row.status().getLiteral());
            }
            checkBudget(tx, row.channelId());
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
            EpisodeStatus from = row.status();
            if (from == EpisodeStatus.CANCELLED) {
                state.unchanged = true;
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
    private static Optional<BudgetExceededException> budgetRefusal(Db db,
            UUID channelId, BigDecimal budget) {
        if (budget == null) {
            return Optional.empty();
        }
        BigDecimal spent = db.read(dsl -> spent(dsl, channelId,
                YearMonth.from(db.now()))).get(0, BigDecimal.class);
        return spent.compareTo(budget) >= 0
                ? Optional.of(new BudgetExceededException(channelId, budget, spent))
                : Optional.empty();
    }

    private static void waitingForReview(PipelineRows.Locked row, State state) {
        if (row.status() != EpisodeStatus.SCRIPT_REVIEW
                || state.status(PipelineStage.SCRIPT_REVIEW) != StageStatus.WAITING) {
            throw new ConflictException(ENTITY, "episode " + row.id() + "'s script does not"
                    + " wait for review: the episode is " + row.status().getLiteral()
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

    /**
     * One episode being changed in a transaction, under its row lock: its pipeline state, its
     * status as the changes apply, and what to write when the transaction ends.
     */
    private static final class State {
        final PipelineRows.Locked row;
        final EnumMap<PipelineStage, StageState> stages;
        final Map<String, Object> extra;
        /** The status as the changes so far leave it. */
        EpisodeStatus status;
        /** The status to end in, when not the one the stages imply (cancelled, failed). */
        EpisodeStatus to;
        boolean retried;
        /** Nothing to write: the change found the episode as it should be. */
        boolean unchanged;
        String lastError;
        String script;
        List<String> scriptingNotes = List.of();
        final Map<Field<?>, Object> columns = new LinkedHashMap<>();
        final List<NewJob> jobs = new ArrayList<>();

        State(PipelineRows.Locked row) {
            this.row = row;
            this.stages = new EnumMap<>(PipelineStage.class);
            this.stages.putAll(row.state().stages());
            this.extra = row.state().extra();
            this.status = row.status();
            this.script = row.script();
        }

        StageState get(PipelineStage stage) {
            return stages.get(stage);
        }

        void put(PipelineStage stage, StageState entry) {
            stages.put(stage, entry);
        }

        StageStatus status(PipelineStage stage) {
            StageState entry = stages.get(stage);
            return entry == null || entry.status() == null ? StageStatus.PENDING : entry.status();
        }

        PipelineState read() {
            return new PipelineState(stages, extra);
        }

        void set(Map<Field<?>, Object> values) {
            columns.putAll(values);
            if (values.containsKey(EPISODES.SCRIPT)) {
                script = (String) values.get(EPISODES.SCRIPT);
            }
        }

        PipelineRows.Update update() {
            Map<Field<?>, Object> values = new LinkedHashMap<>(columns);
            if (lastError != null) {
                values.put(EPISODES.LAST_ERROR, lastError);
            }
            return new PipelineRows.Update(row.id(), read(), status, values, retried);
        }
    }

    /** Events to fire once the transaction committed. */
    private static final class Events {
        final List<Consumer<PipelineListener>> pending = new ArrayList<>();

        void add(Consumer<PipelineListener> event) {
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
        List<PipelineStage> apply(AcogImpl tx, PipelineRows.Locked row, State state,
                Events events);
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(AcogImpl tx, Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction, on its connection. */
    private <T> T transaction(Work<T> work) {
        return acog.transactionResult(scope -> {
            AcogImpl tx = (AcogImpl) scope;
            return tx.db().dsl().connectionResult(connection -> work.apply(tx, connection));
        });
    }

    /**
     * Locks the episode, lets {@code change} work on its state, settles and writes it, and
     * fires the events after commit.
     */
    private Episode change(UUID episodeId, Change change) {
        Checks.notNull(ENTITY, "id", episodeId);
        Events events = new Events();
        transaction((tx, connection) -> {
            PipelineRows.Locked row = PipelineRows.lock(tx.db().dsl(), episodeId);
            if (row == null) {
                throw EpisodeStore.notFound(episodeId);
            }
            State state = new State(row);
            settle(state, change.apply(tx, row, state, events), events, tx.db().now());
            flush(tx, connection, List.of(state));
            return null;
        });
        fire(events);
        return acog.episodes().get(episodeId);
    }

    /**
     * After a change: marks the stages to start pending and makes their jobs (while the episode
     * is on its way), and moves the status to {@link State#to}, else to the one the stages imply
     * while on its way; a status change is an event.
     */
    private void settle(State state, List<PipelineStage> start, Events events,
            OffsetDateTime now) {
        EpisodeStatus from = state.status;
        boolean onItsWay = EpisodeLifecycle.isActive(from) || state.retried;
        if (onItsWay && state.to == null) {
            for (PipelineStage stage : schedule(state, start)) {
                state.jobs.addAll(jobsFor(state, stage, now));
            }
        }
        EpisodeStatus to = state.to != null ? state.to
                : onItsWay ? StageGraph.status(state.read()) : from;
        state.status = to;
        if (to != from) {
            UUID episodeId = state.row.id();
            events.add(listener -> listener.statusChanged(episodeId, from, to));
        }
    }

    /** Writes the changed episodes and enqueues their new jobs. */
    private static void flush(AcogImpl tx, Connection connection, Collection<State> states)
            throws SQLException {
        List<PipelineRows.Update> updates = new ArrayList<>(states.size());
        List<NewJob> jobs = new ArrayList<>();
        for (State state : states) {
            if (state.unchanged) {
                continue;
            }
            updates.add(state.update());
            jobs.addAll(state.jobs);
        }
        PipelineRows.updateAll(connection, updates);
        tx.jobStore().enqueueLocked(jobs);
    }

    /** The stages to start, each marked pending unless a live job works on it already. */
    private static List<PipelineStage> schedule(State state, List<PipelineStage> start) {
        List<PipelineStage> scheduled = new ArrayList<>();
        for (PipelineStage stage : start) {
            if (scheduled.contains(stage)) {
                continue;
            }
            scheduled.add(stage);
            StageState entry = state.get(stage);
            if (entry != null && entry.status() == StageStatus.RUNNING) {
                continue; // a retry while a render of this stage goes on
            }
            state.put(stage, merged(entry, StageState.empty().withStatus(StageStatus.PENDING),
                    null, "error", "completed_at"));
        }
        return scheduled;
    }

    /**
     * The jobs that run a stage about to start: one, or one per b-roll clip still missing, or
     * none for a script waiting for a person or a b-roll stage without clips (then skipped).
     */
    private List<NewJob> jobsFor(State state, PipelineStage stage, OffsetDateTime now) {
        Map<String, Object> input = new LinkedHashMap<>();
        switch (stage) {
            case SCRIPTING -> {
                if (!state.scriptingNotes.isEmpty()) {
                    input.put(StageCalls.REVIEW_NOTES, state.scriptingNotes);
                }
            }
            case SCRIPT_REVIEW -> {
                if (channel(state.row.channelId()).channel().platformConfig()
                        .manualScriptReview()) {
                    state.put(stage, merged(state.get(stage),
                            StageState.empty().withStatus(StageStatus.WAITING), null));
                    return List.of();
                }
            }
            case BROLL -> {
                return clipJobs(state, now);
            }
            default -> { }
        }
        return List.of(job(state.row, stage, input, key(state.row.id(), stage, null)));
    }

    private List<NewJob> clipJobs(State state, OffsetDateTime now) {
        List<ScriptSegment> clips = ScriptParser.parse(state.script == null ? "" : state.script)
                .segments(SegmentKind.BROLL);
        Set<Integer> done = new TreeSet<>(clipsDone(state.get(PipelineStage.BROLL)));
        int wordsPerMinute = SpeakingRate.wordsPerMinute(
                channel(state.row.channelId()).channel().styleGuide());
        StageState current = state.get(PipelineStage.BROLL);
        StageStatus status = clips.isEmpty() ? StageStatus.SKIPPED
                : current != null && current.status() == StageStatus.RUNNING ? StageStatus.RUNNING
                : StageStatus.PENDING;
        state.put(PipelineStage.BROLL, merged(current, StageState.empty().withStatus(status)
                .withExtra(CLIPS_TOTAL, clips.size()), clips.isEmpty() ? now : null));
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
            jobs.add(job(state.row, PipelineStage.BROLL, input,
                    key(state.row.id(), PipelineStage.BROLL, i)));
        }
        return jobs;
    }

    private NewJob job(PipelineRows.Locked row, PipelineStage stage, Map<String, Object> input,
            String key) {
        return NewJob.builder(row.id(), stage).input(input)
                .priority(Math.max(0, row.priority())).maxRetries(maxRetries)
                .idempotencyKey(key).build();
    }

    /** One live job per stage (and clip) of an episode: enqueuing twice yields one job. */
    private static String key(UUID episodeId, PipelineStage stage, Integer clip) {
        return "acog:" + episodeId + ":" + stage.getLiteral() + (clip == null ? "" : ":" + clip);
    }

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

    // ---- channels ------------------------------------------------------------------------------

    /** A channel as stages see it, and the brief providers get. */
    record CachedChannel(Channel channel, ChannelBrief brief) {}

    /**
     * Channels by id, as of their {@code updated_at}: every stage needs its channel's profiles,
     * which change rarely, so they are read and converted once per change. A change applies from
     * the next stage that starts.
     */
    private final Map<UUID, CachedChannel> channels = new ConcurrentHashMap<>();

    private CachedChannel channel(UUID channelId, OffsetDateTime updatedAt) {
        CachedChannel cached = channels.get(channelId);
        if (cached != null && cached.channel().updatedAt().isEqual(updatedAt)) {
            return cached;
        }
        return reload(channelId);
    }

    private CachedChannel channel(UUID channelId) {
        CachedChannel cached = channels.get(channelId);
        return cached != null ? cached : reload(channelId);
    }

    private CachedChannel reload(UUID channelId) {
        Channel channel = acog.db().read(dsl -> dsl.selectFrom(CHANNELS)
                .where(CHANNELS.ID.eq(channelId)).fetchOptional(ChannelStore::map))
                .orElseThrow(() -> ChannelStore.notFound(channelId));
        CachedChannel cached = new CachedChannel(channel, StageCalls.brief(channel));
        if (channels.size() > 10_000) {
            channels.clear();
        }
        channels.put(channelId, cached);
        return cached;
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
            return poll(job, context, null, task.toString(),
                    String.valueOf(job.input().get(StageCalls.PROVIDER)));
        }
        StageCalls.Work work = begin(job, context);
        if (work == null) {
            return endCancelled(context, Map.of());
        }
        fire(List.of(listener -> listener.stageStarted(job.episodeId(), job.stage(),
                attempts(work.episode(), job.stage()))));
        Optional<BudgetExceededException> overBudget = budgetRefusal(acog.db(),
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
            if (submitted.task().checkAfter().isZero()) {
                // a provider that may be done already: ask at once rather than queue a check
                return poll(job, context, work, submitted.task().taskId(), submitted.provider());
            }
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
        Integer attempts = episode.pipelineState().stage(stage).map(StageState::attempts)
                .orElse(null);
        return attempts == null ? 1 : attempts;
    }

    /**
     * Marks the stage running (attempts one up, started now, error cleared) and loads the episode
     * and its channel; null when the episode is no longer on its way.
     */
    private StageCalls.Work begin(Job job, JobContext context) {
        Object begun = lane(new Start(job, context.claim()));
        return begun instanceof PipelineRows.Row row ? work(job, context, row) : null;
    }

    /** The episode and channel, without marking anything; null when the episode is gone. */
    private StageCalls.Work load(Job job, JobContext context) {
        PipelineRows.Row loaded = acog.db().read(dsl -> PipelineRows.load(dsl, job.episodeId()));
        return loaded == null ? null : work(job, context, loaded);
    }

    private StageCalls.Work work(Job job, JobContext context, PipelineRows.Row row) {
        CachedChannel channel = channel(row.episode().getChannelId(), row.channelUpdatedAt());
        return new StageCalls.Work(job, EpisodeStore.map(row.episode()), channel.channel(),
                channel.brief(), call(job, context));
    }

    private StageCalls.Call call(Job job, JobContext context) {
        return new StageCalls.Call(job.episodeId(), job.stage().getLiteral(),
                "acog-" + job.id(), Math.max(1, job.attempts()), calls.storage(),
                context::cancelRequested);
    }

    // ---- the lane: stages starting and finishing, in group transactions ----------------------

    /** How a stage's results were stored. */
    private enum Stored { COMMITTED, CANCELLED, LEASE_LOST }

    /** Marks the result of a start whose episode is no longer on its way. */
    private static final Object NOT_ON_ITS_WAY = new Object();

    /** Something to do to an episode in the lane's next transaction. */
    private abstract static class Request {
        final Job job;
        final ClaimedJob claim;
        final Events events = new Events();
        final CompletableFuture<Object> done = new CompletableFuture<>();

        Request(Job job, ClaimedJob claim) {
            this.job = job;
            this.claim = claim;
        }
    }

    /** A stage starting: marked running; the result is its episode's row, or NOT_ON_ITS_WAY. */
    private static final class Start extends Request {
        Start(Job job, ClaimedJob claim) {
            super(job, claim);
        }
    }

    /** A stage's results, to store with its job's completion; the result is a {@link Stored}. */
    private static final class Finish extends Request {
        final StageCalls.Output output;
        final List<AssetStore.Prepared> assets;

        Finish(Job job, ClaimedJob claim, StageCalls.Output output,
                List<AssetStore.Prepared> assets) {
            super(job, claim);
            this.output = output;
            this.assets = assets;
        }
    }

    private static final int MAX_GROUP = 64;
    /** Requests waiting for the next group; guarded by {@link #lane}. */
    private final java.util.ArrayDeque<Request> requests = new java.util.ArrayDeque<>();
    private final ReentrantLock lane = new ReentrantLock();
    /** Signalled when a group has committed (or failed); guarded by {@link #lane}. */
    private final java.util.concurrent.locks.Condition groupEnded = lane.newCondition();
    /** Whether a handler is running a group; guarded by {@link #lane}. */
    private boolean leading;

    /**
     * Runs a request in the lane: stages starting and finishing at the same moment share one
     * transaction (group commit). A handler that finds no group running takes every waiting
     * request into the next transaction; the others wait for it to end, and when it does, one
     * whose request is still waiting leads the next at once. The lock guards only the queue and
     * the leader flag, never a transaction. A group that fails is run again one request at a
     * time, so that one bad request fails only its own job.
     */
    private Object lane(Request request) {
        boolean interrupted = false;
        lane.lock();
        try {
            requests.add(request);
            while (!request.done.isDone()) {
                if (leading) {
                    try {
                        groupEnded.await();
                    } catch (InterruptedException e) {
                        interrupted = true; // the request is in the lane: see it through
                    }
                    continue;
                }
                leading = true;
                List<Request> group = new ArrayList<>();
                for (Request next; group.size() < MAX_GROUP && (next = requests.poll()) != null;) {
                    group.add(next);
                }
                lane.unlock();
                try {
                    run(group);
                } finally {
                    lane.lock();
                    leading = false;
                    groupEnded.signalAll();
                }
            }
        } finally {
            lane.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            return request.done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Runs a group in one transaction; when that fails, each request alone. */
    private void run(List<Request> group) {
        try {
            Map<Request, Object> results = transaction((tx, connection) ->
                    runAll(tx, connection, group));
            results.forEach((request, result) -> request.done.complete(result));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done.completeExceptionally(e);
                return;
            }
            for (Request request : group) {
                request.events.pending.clear();
                run(List.of(request));
            }
        }
    }

    private Map<Request, Object> runAll(AcogImpl tx, Connection connection, List<Request> group)
            throws SQLException {
        Set<UUID> ids = new TreeSet<>();
        group.forEach(request -> ids.add(request.job.episodeId()));
        Map<UUID, PipelineRows.Row> rows = PipelineRows.lockAll(tx.db().dsl(), ids);
        Map<UUID, State> states = new LinkedHashMap<>();
        Map<Request, Object> results = new LinkedHashMap<>();
        List<JobTracker.Completion> completions = new ArrayList<>();
        for (Request request : group) {
            PipelineRows.Row row = rows.get(request.job.episodeId());
            if (request instanceof Finish finish) {
                if (row == null || row.episode().getStatus() == EpisodeStatus.CANCELLED) {
                    tx.jobs().cancelled(finish.claim);
                    results.put(finish, Stored.CANCELLED);
                } else {
                    completions.add(new JobTracker.Completion(finish.claim,
                            finish.output.completion()));
                }
            }
        }
        Set<UUID> lost = tx.jobStore().completeAll(completions, true);
        OffsetDateTime now = tx.db().now();
        List<AssetStore.Prepared> assets = new ArrayList<>();
        for (Request request : group) {
            if (!(request instanceof Finish finish) || results.containsKey(finish)) {
                continue;
            }
            if (lost.contains(finish.job.id())) {
                results.put(finish, Stored.LEASE_LOST);
                continue;
            }
            assets.addAll(finish.assets);
            apply(state(states, rows, finish), finish, now);
            results.put(finish, Stored.COMMITTED);
        }
        for (Request request : group) {
            if (request instanceof Start start) {
                PipelineRows.Row row = rows.get(start.job.episodeId());
                EpisodeStatus status = row == null ? null
                        : states.containsKey(row.episode().getId())
                                ? states.get(row.episode().getId()).status
                                : row.episode().getStatus();
                if (row == null || !EpisodeLifecycle.isActive(status)) {
                    results.put(start, NOT_ON_ITS_WAY);
                } else {
                    markRunning(state(states, rows, start), start.job.stage(), now);
                    results.put(start, row);
                }
            }
        }
        AssetStore.storeAll(tx.db().dsl(), assets, now);
        flush(tx, connection, states.values());
        for (State state : states.values()) {
            PipelineRows.Row row = rows.get(state.row.id());
            row.episode().setPipelineState(JsonCodec.jsonb(state.read()));
        }
        return results;
    }

    private static State state(Map<UUID, State> states, Map<UUID, PipelineRows.Row> rows,
            Request request) {
        return states.computeIfAbsent(request.job.episodeId(), id -> new State(rows.get(id)
                .locked()));
    }

    /**
     * Marks a stage running: started now, attempts one up, error and completion cleared; the
     * b-roll stage runs as clips, so it started with its first clip and counts no attempts here.
     */
    private static void markRunning(State state, PipelineStage stage, OffsetDateTime now) {
        StageState entry = state.get(stage);
        boolean clip = stage == PipelineStage.BROLL;
        int attempts = entry == null || entry.attempts() == null ? 0 : entry.attempts();
        StageState patch = new StageState(StageStatus.RUNNING,
                clip && entry != null && entry.startedAt() != null ? entry.startedAt() : now,
                null, clip ? (entry == null ? null : entry.attempts()) : Integer.valueOf(attempts + 1),
                null, null,
                null, null, null, null, null, null, null);
        state.put(stage, merged(entry, patch, null, "error", "completed_at"));
    }

    /**
     * Stores the stage's results with the job's completion and the next stages' jobs, in the
     * lane.
     */
    private JobOutcome commit(Job job, JobContext context, StageCalls.Output output) {
        List<AssetStore.Prepared> assets = new ArrayList<>();
        for (io.acog.core.asset.NewAsset asset : output.assets()) {
            assets.add(AssetStore.prepare(asset));
        }
        Finish finish = new Finish(job, context.claim(), output, assets);
        if (lane(finish) == Stored.LEASE_LOST) {
            throw new io.acog.core.job.LeaseLostException(job.id(), context.claim().token());
        }
        fire(finish.events);
        return JobOutcome.recorded();
    }

    /** One stage's results applied to its episode's state. */
    private void apply(State state, Finish commit, OffsetDateTime now) {
        PipelineStage stage = commit.job.stage();
        UUID episodeId = commit.job.episodeId();
        StageCalls.Output output = commit.output;
        Events events = commit.events;
        state.set(output.columns());
        List<PipelineStage> start = new ArrayList<>();
        StageState entry = state.get(stage);
        if (stage == PipelineStage.BROLL) {
            Set<Integer> done = new LinkedHashSet<>(clipsDone(entry));
            done.add(((Number) commit.job.input().get(StageCalls.CLIP_INDEX)).intValue());
            Object total = entry == null ? null : entry.extra().get(CLIPS_TOTAL);
            boolean all = total instanceof Number number && done.size() >= number.intValue();
            StageState patch = output.details().withExtra(CLIPS_DONE, List.copyOf(done))
                    .withCostUsd(sum(entry == null ? null : entry.costUsd(),
                            output.details().costUsd()));
            state.put(stage, all
                    ? merged(entry, patch.withStatus(StageStatus.COMPLETED), now, "error")
                    : merged(entry, patch, null));
            if (all) {
                events.add(listener -> listener.stageCompleted(episodeId, stage));
                start.addAll(StageGraph.unblockedBy(state.read(), stage));
            }
        } else if (stage == PipelineStage.SCRIPT_REVIEW && !Boolean.TRUE.equals(output.approved())) {
            state.put(stage, merged(entry, output.details(), null));
            sendBack(state, output.notes());
            start.add(PipelineStage.SCRIPTING);
        } else {
            StageState patch = output.details().withStatus(StageStatus.COMPLETED);
            if (stage == PipelineStage.SCRIPT_REVIEW) {
                patch = new StageState(patch.status(), null, null, null, null, patch.provider(),
                        patch.jobId(), patch.modelUsed(), patch.tokensUsed(), patch.costUsd(),
                        revisions(entry), "system", patch.extra());
            }
            state.put(stage, merged(entry, patch, now, "error"));
            events.add(listener -> listener.stageCompleted(episodeId, stage));
            start.addAll(StageGraph.unblockedBy(state.read(), stage));
            if (stage == PipelineStage.ASSEMBLY && channel(state.row.channelId()).channel()
                    .platformConfig().publishesAutomatically()) {
                start.add(PipelineStage.UPLOAD);
            }
        }
        settle(state, start, events, now);
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    // ---- failures, renders, cancellation --------------------------------------------------------

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
        transaction((tx, connection) -> {
            PipelineRows.Locked row = PipelineRows.lock(tx.db().dsl(), episodeId);
            Job after = tx.jobs().fail(context.claim(), message, retryable, retryAfter);
            if (forgetTask) {
                tx.jobStore().forgetProgress(job.id(), StageCalls.TASK_ID, StageCalls.PROVIDER);
            }
            if (row == null) {
                return null;
            }
            State state = new State(row);
            boolean willRetry = after.status() == JobStatus.QUEUED;
            events.add(listener -> listener.stageFailed(episodeId, stage, message, willRetry));
            if (willRetry) {
                state.put(stage, withError(merged(state.get(stage), StageState.empty()
                        .withStatus(StageStatus.PENDING), null), message));
            } else {
                state.put(stage, withError(merged(state.get(stage), StageState.empty()
                        .withStatus(StageStatus.FAILED), tx.db().now()), message));
                if (EpisodeLifecycle.isActive(row.status())) {
                    state.to = EpisodeStatus.FAILED;
                    state.lastError = stage.getLiteral() + ": " + message;
                    tx.jobStore().cancelQueued(episodeId, StageCalls.TASK_ID);
                }
            }
            settle(state, List.of(), events, tx.db().now());
            flush(tx, connection, List.of(state));
            return null;
        });
        fire(events);
        return JobOutcome.recorded();
    }

    /** A render the provider accepted: the job waits for it, keeping its task id. */
    private JobOutcome recordSubmitted(Job job, JobContext context,
            StageCalls.Submitted submitted) {
        PipelineStage stage = job.stage();
        String taskId = submitted.task().taskId();
        boolean cancelled = transaction((tx, connection) -> {
            PipelineRows.Locked row = PipelineRows.lock(tx.db().dsl(), job.episodeId());
            if (row == null || row.status() == EpisodeStatus.CANCELLED) {
                tx.jobs().cancelled(context.claim());
                return true;
            }
            tx.jobs().reschedule(context.claim(), submitted.task().checkAfter(),
                    Map.of(StageCalls.TASK_ID, taskId, StageCalls.PROVIDER, submitted.provider()));
            if (stage == PipelineStage.AVATAR) {
                State state = new State(row);
                state.put(stage, merged(state.get(stage), StageState.empty()
                        .withProvider(submitted.provider()).withJobId(taskId), null));
                flush(tx, connection, List.of(state));
            }
            return false;
        });
        if (cancelled) {
            cancelAtProvider(new RenderTask(stage, taskId, submitted.provider()));
        }
        return JobOutcome.recorded();
    }

    /**
     * Asks the provider how a render goes: on a later run of its job ({@code work} null), or
     * right after submitting it (the task id is then not stored yet).
     */
    private JobOutcome poll(Job job, JobContext context, StageCalls.Work work, String taskId,
            String provider) {
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
            if (work != null) {
                return recordSubmitted(job, context, new StageCalls.Submitted(
                        new io.acog.spi.RenderTask(taskId, pending.checkAfter()), provider));
            }
            return JobOutcome.checkAgainIn(pending.checkAfter(),
                    Map.of("progress", pending.fractionDone()));
        }
        if (progress instanceof RenderProgress.Failed failed) {
            return recordFailure(job, context, provider + ": render " + taskId + " failed: "
                    + failed.error(), failed.retryable(), null, true);
        }
        RenderProgress.Done done = (RenderProgress.Done) progress;
        StageCalls.Work loaded = work != null ? work : load(job, context);
        if (loaded == null) {
            return endCancelled(context, Map.of());
        }
        StageCalls.Output output;
        try {
            output = job.stage() == PipelineStage.AVATAR
                    ? calls.avatarDone(loaded, provider, taskId, done.media(), done.durationMs(),
                            done.usage())
                    : calls.clipDone(loaded, provider, taskId, done.media(), done.durationMs(),
                            done.usage());
        } catch (ProviderException e) {
            return recordFailure(job, context, e.getMessage(), e.retryable(),
                    e.retryAfter().orElse(null), false);
        }
        return commit(job, context, output);
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

    private static StageState withError(StageState entry, String error) {
        return new StageState(entry.status(), entry.startedAt(), entry.completedAt(),
                entry.attempts(), error, entry.provider(), entry.jobId(), entry.modelUsed(),
                entry.tokensUsed(), entry.costUsd(), entry.refinementPasses(), entry.reviewer(),
                entry.extra());
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

    private void fire(List<Consumer<PipelineListener>> events) {
        for (Consumer<PipelineListener> event : events) {
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
