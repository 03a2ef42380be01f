package io.acog.core.internal.pipeline;

import io.acog.core.episode.EpisodeRepository;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.limits.ProviderLimiter;
import io.acog.core.internal.pipeline.commit.CommitContext;
import io.acog.core.internal.pipeline.commit.CommitLane;
import io.acog.core.internal.pipeline.commit.Committed;
import io.acog.core.internal.pipeline.commit.EpisodeChanges;
import io.acog.core.internal.pipeline.commit.GroupCommit;
import io.acog.core.internal.pipeline.commit.KnownStates;
import io.acog.core.internal.pipeline.commit.StageCommit;
import io.acog.core.internal.pipeline.stage.Providers;
import io.acog.core.internal.pipeline.stage.Stages;
import io.acog.core.internal.pipeline.state.StageScheduler;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.PipelineListener;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link EpisodePipeline} behind {@link io.acog.core.Acog#pipeline()}. The built
 * pipeline keeps copies of what was registered: registering more on the builder afterwards does not
 * change it.
 */
public final class PipelineBuilder implements EpisodePipeline.Builder {

    private final Db db;
    private final JobStore jobs;
    private final EpisodeRepository episodes;
    private final Providers providers = new Providers();
    private final List<PipelineListener> listeners = new ArrayList<>();
    private int maxRetries = 3;
    private Duration runningAfter = Duration.ofMillis(100);
    private Duration providerLimitWait = Duration.ofSeconds(5);
    private URI renderCallbackUrl;
    private java.math.BigDecimal monthlyBudgetUsd;
    private AssetStorage defaultStorage;

    /**
     * @param jobs the queue on {@code db}; {@link JobStore#in(Db)} gives it in a transaction
     */
    public PipelineBuilder(Db db, JobStore jobs, EpisodeRepository episodes) {
        this.db = db;
        this.jobs = jobs;
        this.episodes = episodes;
    }

    @Override
    public EpisodePipeline.Builder contentWriter(ContentWriter writer) {
        providers.contentWriter(writer);
        return this;
    }

    @Override
    public EpisodePipeline.Builder voiceSynthesizer(VoiceSynthesizer synthesizer) {
        providers.voiceSynthesizer(synthesizer);
        return this;
    }

    @Override
    public EpisodePipeline.Builder avatarRenderer(AvatarRenderer renderer) {
        providers.avatarRenderer(renderer);
        return this;
    }

    @Override
    public EpisodePipeline.Builder brollGenerator(BrollGenerator generator) {
        providers.brollGenerator(generator);
        return this;
    }

    @Override
    public EpisodePipeline.Builder videoAssembler(VideoAssembler assembler) {
        providers.videoAssembler(assembler);
        return this;
    }

    @Override
    public EpisodePipeline.Builder publisher(Publisher publisher) {
        providers.publisher(publisher);
        return this;
    }

    @Override
    public EpisodePipeline.Builder assetStorage(AssetStorage storage) {
        providers.replaceStorage(storage);
        return this;
    }

    @Override
    public EpisodePipeline.Builder defaultAssetStorage(AssetStorage storage) {
        this.defaultStorage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    @Override
    public EpisodePipeline.Builder plugins(ProviderConfig config) {
        providers.loadPlugins(
                Objects.requireNonNull(config, "config"), Thread.currentThread().getContextClassLoader());
        return this;
    }

    @Override
    public EpisodePipeline.Builder listener(PipelineListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public EpisodePipeline.Builder maxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        this.maxRetries = maxRetries;
        return this;
    }

    @Override
    public EpisodePipeline.Builder providerLimitWait(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("providerLimitWait must be positive, got " + wait);
        }
        this.providerLimitWait = wait;
        return this;
    }

    @Override
    public EpisodePipeline.Builder runningAfter(Duration runningAfter) {
        Objects.requireNonNull(runningAfter, "runningAfter");
        if (runningAfter.isNegative()) {
            throw new IllegalArgumentException("runningAfter must not be negative, got " + runningAfter);
        }
        this.runningAfter = runningAfter;
        return this;
    }

    @Override
    public EpisodePipeline.Builder monthlyBudgetUsd(java.math.BigDecimal budgetUsd) {
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new IllegalArgumentException("monthlyBudgetUsd must be zero or more, got " + budgetUsd);
        }
        this.monthlyBudgetUsd = budgetUsd;
        return this;
    }

    @Override
    public EpisodePipeline.Builder renderCallbackUrl(URI url) {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("renderCallbackUrl is " + url + "; it must be an absolute https (or"
                    + " http) URL that the providers' servers can reach");
        }
        this.renderCallbackUrl = url;
        return this;
    }

    @Override
    public EpisodePipeline build() {
        List<String> missing = providers.missing();
        if (!missing.isEmpty()) {
            List<String> plugins = providers.plugins();
            throw new IllegalStateException("EpisodePipeline needs a provider for each capability;"
                    + " none for: " + String.join(", ", missing) + ". "
                    + (plugins.isEmpty()
                            ? "Register them on the builder, or add plugins(config) with provider plugins on the"
                                    + " class path"
                            : "Plugins: " + String.join("; ", plugins)
                                    + ". Register the others on the builder, or add their plugins"));
        }
        Providers chosen = providers.copy();
        if (chosen.storage() == null && defaultStorage != null) {
            chosen.replaceStorage(defaultStorage);
        }
        if (chosen.storage() == null) {
            throw new IllegalStateException("EpisodePipeline needs an asset storage for the files stages produce:"
                    + " call assetStorage(new LocalFileStorage(Path.of(\"/var/lib/acog/assets\"))) with a directory"
                    + " that survives restarts (every worker must reach it), or add a storage plugin");
        }
        EpisodeWaits waits = new EpisodeWaits(episodes);
        List<PipelineListener> told = new ArrayList<>(listeners);
        told.add(waits);
        ListenerBus bus = new ListenerBus(told);
        ChannelCache channels = new ChannelCache(db);
        Spending spending = new Spending(db, monthlyBudgetUsd);
        Stages stages = new Stages(chosen, db, renderCallbackUrl);
        CommitContext context = new CommitContext(
                db,
                jobs::in,
                channelId -> channels.get(channelId).settings(),
                new StageScheduler(maxRetries),
                new KnownStates());
        EpisodeChanges changes = new EpisodeChanges(context);
        RenderCancellation renders = new RenderCancellation(stages, chosen.storage());
        CommitLane<StageCommit, Committed> lane = new CommitLane<>(new GroupCommit(context));
        JobEnds ends = new JobEnds(jobs, changes, bus, renders);
        StageRunner runner = new StageRunner(
                db,
                jobs,
                stages,
                chosen.storage(),
                channels,
                spending,
                lane,
                new RunningMarks(runningAfter, lane, bus),
                new ProviderLimiter(db, providerLimitWait),
                ends,
                bus);
        return new Pipeline(
                episodes,
                jobs,
                new EpisodeOperations(changes, spending, renders, bus, chosen),
                runner,
                spending,
                new StrandedStages(db, changes, bus),
                waits,
                chosen);
    }
}
