package io.acog.core.pipeline;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.job.JobWorker;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * Takes an episode from idea to published through the nine stages, each a job on
 * {@link io.acog.core.job.JobTracker}:
 *
 * <pre>
 * planning → scripting → script_review → ┬ metadata ─────────────┐
 *                                        ├ audio → avatar ───────┼→ assembly → (ready) → upload
 *                                        └ broll (one job a clip)┘
 * </pre>
 *
 * <p>Each stage gives its provider what it needs (the channel's persona, style guide and profiles;
 * the episode's idea, plan, script, earlier assets), calls it outside any transaction, then stores
 * what came back, completes its job, updates {@code pipeline_state}, moves the status and enqueues
 * the next stages in one transaction. A worker dying between the call and the commit makes the
 * stage run again (the provider gets the same idempotency key), but nothing is stored twice.
 * Long renders (avatar, b-roll) are submitted, then polled, without holding a thread.
 *
 * <p>Failures: retryable provider errors are retried with backoff; permanent ones, and retryable
 * ones out of retries, fail the episode with the stage's error. {@link #retry} resumes at the
 * failed stage, keeping what earlier stages made.
 *
 * <p>Run stages with {@link #worker(String)}; any number of workers in any number of JVMs can
 * share the database. Thread-safe.
 */
public interface EpisodePipeline {

    /**
     * Starts building a pipeline on {@code acog}'s database: {@code acog.pipeline()}.
     *
     * @param acog the {@code Acog} whose database the pipeline runs on
     * @return a new builder
     * @throws NullPointerException when {@code acog} is null
     */
    static Builder builder(Acog acog) {
        return Objects.requireNonNull(acog, "acog").pipeline();
    }

    /**
     * Starts an episode in {@code idea}: it moves to {@code planning} and its planning job is
     * enqueued.
     *
     * <p>Nothing runs (or costs money) for a channel this pipeline cannot serve: the providers its
     * channel names ({@code voice_profile.provider}, {@code avatar_profile.provider},
     * {@code platform_config.platform}) must be registered, and its settings must be ones ACOG
     * understands (e.g. {@code platform_config.script_review} is {@code auto} or {@code manual}).
     *
     * @param episodeId the episode
     * @return the episode, in {@code planning}
     * @throws io.acog.core.InvalidTransitionException unless the episode is in {@code idea}
     * @throws io.acog.core.ValidationException naming the channel's setting, what it holds and what
     *     is allowed, when the channel names a provider this pipeline lacks or holds a setting ACOG
     *     does not understand
     * @throws io.acog.core.BudgetExceededException when its channel's monthly budget is used up
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Episode start(UUID episodeId);

    /**
     * Approves a script waiting for manual review: metadata, audio and b-roll start.
     *
     * @param episodeId the episode
     * @param reviewer who approved it, recorded in the review stage's entry; not blank
     * @return the episode afterwards
     * @throws io.acog.core.ConflictException unless the episode's script waits for review
     * @throws io.acog.core.ValidationException for a blank reviewer
     */
    Episode approveScript(UUID episodeId, String reviewer);

    /**
     * Sends a script waiting for manual review back to scripting; the writer gets the notes.
     *
     * @param episodeId the episode
     * @param notes what the writer should change; not blank
     * @return the episode, in {@code scripting}
     * @throws io.acog.core.ConflictException unless the episode's script waits for review
     * @throws io.acog.core.ValidationException for blank notes
     */
    Episode rejectScript(UUID episodeId, String notes);

    /**
     * Publishes a {@code ready} episode (channels without automatic publishing): it moves to {@code
     * publishing} and its upload job is enqueued.
     *
     * @param episodeId the episode
     * @return the episode, in {@code publishing}
     * @throws io.acog.core.InvalidTransitionException unless the episode is {@code ready}
     */
    Episode publish(UUID episodeId);

    /**
     * Resumes a {@code failed} episode at its failed stage(s), keeping every finished stage's
     * outputs; counts {@code retry_count}. {@code last_error} keeps the error that failed it (the
     * episode's most recent error) also once the retry succeeds.
     *
     * @param episodeId the episode
     * @return the episode, in the status of its earliest failed stage
     * @throws io.acog.core.InvalidTransitionException unless the episode is {@code failed}
     * @throws io.acog.core.BudgetExceededException when its channel's monthly budget is used up
     */
    Episode retry(UUID episodeId);

    /**
     * Cancels an episode: its queued jobs are cancelled, running ones asked to stop, renders in
     * progress at providers cancelled; it ends {@code cancelled}. Cancelling a cancelled episode
     * changes nothing.
     *
     * <p>An upload already under way cannot be called back: if the platform accepts the video
     * after this, the episode stays {@code cancelled} but records the live video
     * ({@code published_url}, {@code published_at}, and the upload stage completed with the
     * platform's id of it), and a warning is logged, so the host never loses track of a public
     * video.
     *
     * @param episodeId the episode
     * @return the episode, {@code cancelled}
     * @throws io.acog.core.InvalidTransitionException when the episode is {@code published}: its
     *     video went out and cannot be called back
     */
    Episode cancel(UUID episodeId);

    /**
     * Waits until the episode is in one of {@code statuses}, or, with none given, until it rests:
     * {@code published}, {@code failed}, {@code cancelled}, or waiting for a person ({@code ready}
     * for a manual publish, or a script waiting in manual review). Reads the database, so it sees
     * the work of workers in any JVM; in this JVM a status change wakes it at once.
     *
     * @param episodeId the episode
     * @param timeout how long to wait at most
     * @param statuses the statuses waited for; none for "until it rests"
     * @return the episode as it is then
     * @throws EpisodeWaitTimeoutException when it is not there within {@code timeout}; it holds
     *     the episode as last read
     * @throws io.acog.core.NotFoundException when there is no such episode
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Episode await(UUID episodeId, Duration timeout, EpisodeStatus... statuses) throws InterruptedException;

    /**
     * Hands over a provider's webhook: the render's job is checked at once.
     *
     * @param callback the provider and its id of the render
     * @return whether a job was waiting for that render
     */
    boolean callback(RenderCallback callback);

    /**
     * Hands over a POST that arrived at the host's webhook endpoint for a render provider: the
     * provider's adapter verifies it (signature over the raw body with its webhook secret,
     * timestamp, replay) and names the render, whose job is then checked at once. What the render
     * became is read from the provider's API at that check, never from the delivery, so a delivery
     * can only make a check come sooner.
     *
     * <p>Answer the POST with 2xx when this returns (whatever it returns), and with {@link
     * io.acog.spi.WebhookRejectedException.Reason#httpStatus()} when it throws that exception.
     *
     * @param provider the provider the endpoint is for, e.g. {@code "heygen"} (from the endpoint's
     *     path, say {@code /webhooks/heygen})
     * @param delivery the request's headers and raw body
     * @return whether a job was waiting for the render the delivery names; false for a genuine
     *     delivery about something else, or about a render no job waits for any more
     * @throws io.acog.spi.WebhookRejectedException when the delivery is not genuine, stale or
     *     replayed, or the provider has no webhook secret
     * @throws io.acog.core.ValidationException when the pipeline has no render provider of that name
     *     that receives webhooks
     */
    boolean webhook(String provider, io.acog.spi.WebhookDelivery delivery);

    /**
     * Returns what the episode cost so far: the provider costs recorded by its completed jobs.
     *
     * @param episodeId the episode
     * @return the cost, by stage
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    EpisodeCost cost(UUID episodeId);

    /**
     * Returns what the channel's episodes cost in a month, with its budget.
     *
     * @param channelId the channel
     * @param month the calendar month, in UTC
     * @return the cost
     * @throws io.acog.core.NotFoundException when the channel is absent or soft-deleted
     */
    ChannelCost cost(UUID channelId, YearMonth month);

    /**
     * Returns the providers this pipeline runs with: each capability ({@code contentWriter},
     * {@code voiceSynthesizer}, {@code avatarRenderer}, {@code brollGenerator}, {@code
     * videoAssembler}, {@code publisher}, {@code assetStorage}) and its providers' names, in the
     * order they are chosen (a channel's profile may name a later one). For health pages and logs.
     *
     * @return capability to provider names, in that order
     */
    java.util.Map<String, java.util.List<String>> providers();

    /**
     * Starts building a worker with the handlers of all nine stages; set threads and start it. Run
     * as many as the providers' rate limits allow, in any number of JVMs.
     *
     * @param name the worker's name, unique among running workers
     * @return a worker builder with its handlers set
     * @throws io.acog.core.ValidationException for a null, blank or over-long name
     * @throws IllegalStateException on a pipeline of a joined or transactional {@code Acog}
     */
    JobWorker.Builder worker(String name);

    /**
     * Builds a pipeline: at least one provider per capability, registered here or found by
     * {@link #plugins}. Channels choose among several by name ({@code voice_profile.provider},
     * {@code avatar_profile.provider}); otherwise the first registered serves.
     */
    interface Builder {

        /**
         * Registers a writer for the planning, scripting, review and metadata stages; the first
         * registered serves every channel.
         *
         * @param writer the writer
         * @return this builder
         * @throws NullPointerException when {@code writer} is null
         */
        Builder contentWriter(ContentWriter writer);

        /**
         * Registers a voice for the audio stage; channels choose one by {@code
         * voice_profile.provider}.
         *
         * @param synthesizer the voice provider
         * @return this builder
         * @throws NullPointerException when {@code synthesizer} is null
         */
        Builder voiceSynthesizer(VoiceSynthesizer synthesizer);

        /**
         * Registers an avatar renderer for the avatar stage; channels choose one by {@code
         * avatar_profile.provider}.
         *
         * @param renderer the avatar provider
         * @return this builder
         * @throws NullPointerException when {@code renderer} is null
         */
        Builder avatarRenderer(AvatarRenderer renderer);

        /**
         * Registers a b-roll generator for the b-roll stage; the first registered renders every
         * clip.
         *
         * @param generator the b-roll provider
         * @return this builder
         * @throws NullPointerException when {@code generator} is null
         */
        Builder brollGenerator(BrollGenerator generator);

        /**
         * Registers an assembler for the assembly stage; the first registered serves every channel.
         *
         * @param assembler the assembler
         * @return this builder
         * @throws NullPointerException when {@code assembler} is null
         */
        Builder videoAssembler(VideoAssembler assembler);

        /**
         * Registers a publisher for the upload stage; channels choose one by {@code
         * platform_config.platform}.
         *
         * @param publisher the publisher
         * @return this builder
         * @throws NullPointerException when {@code publisher} is null
         */
        Builder publisher(Publisher publisher);

        /**
         * Sets where produced files go, replacing any a plugin registered. A pipeline needs one:
         * there is no default, since files in a temporary directory would be lost on a restart
         * while the database still points at them. {@code new LocalFileStorage(Path.of(dir))} on a
         * directory that survives restarts suits one machine; several machines need storage they
         * all reach.
         *
         * @param storage the storage; shared by every worker of the pipeline, so in several JVMs it
         *     must be storage they all reach
         * @return this builder
         * @throws NullPointerException when {@code storage} is null
         */
        Builder assetStorage(AssetStorage storage);

        /**
         * Sets the storage to use when neither {@link #assetStorage} nor a plugin set one: the
         * fallback of a framework integration that configures a default directory (the Spring Boot
         * starter's {@code acog.storage.local-directory}), which must not replace the storage a
         * plugin offers. Without it, building with no storage fails as {@link #build()} says.
         *
         * @param storage the storage used when no other was set; shared by every worker of the
         *     pipeline, as {@link #assetStorage}'s
         * @return this builder
         * @throws NullPointerException when {@code storage} is null
         */
        Builder defaultAssetStorage(AssetStorage storage);

        /**
         * Adds the providers of every {@link io.acog.spi.ProviderPlugin} on the class path (of the
         * thread's context class loader), set up with {@code config}. A plugin registers nothing
         * when a setting it needs is missing.
         *
         * @param config the host's provider settings, e.g. {@link ProviderConfig#fromEnvironment()}
         * @return this builder
         * @throws NullPointerException when {@code config} is null
         */
        Builder plugins(ProviderConfig config);

        /**
         * Adds a listener that hears the episodes' progress; listeners are told in the order they
         * were added.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException when {@code listener} is null
         */
        Builder listener(PipelineListener listener);

        /**
         * Sets how often a stage is retried before the episode fails; 3 by default.
         *
         * @param maxRetries 0 or more
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        Builder maxRetries(int maxRetries);

        /**
         * Sets how long a stage's provider call may take before the stage shows as running: its
         * {@code pipeline_state} entry becomes {@code running} and {@link
         * PipelineListener#stageStarted} is told. A call that answers sooner is recorded begun and
         * finished by one commit, and the listener hears its start just before its end. 100 ms by
         * default: a fast pipeline then writes each episode once per stage, and every call that
         * takes real time (speech, renders, uploads) still shows while it runs. {@link
         * Duration#ZERO} marks every stage running before its call, at the cost of one more write
         * per stage.
         *
         * @param runningAfter not negative
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        Builder runningAfter(Duration runningAfter);

        /**
         * Sets about how long a stage waits when its provider's calls in flight are all taken
         * (the provider's {@link io.acog.spi.ProviderLimits#concurrentRequests()}, held across
         * every worker on the database): the job goes back to the queue, spending no attempt and
         * holding no thread, and is tried again after between half and one and a half times this.
         * A stage over a provider's calls per minute or per day waits until the window ends
         * instead. 5 s by default.
         *
         * @param wait positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        Builder providerLimitWait(Duration wait);

        /**
         * Sets the monthly budget, in US dollars, of every channel whose platform config sets none
         * ({@code monthly_budget_usd}): once a channel's completed jobs of the calendar month (UTC)
         * cost this much, its stages do not start (see {@link io.acog.core.BudgetExceededException}).
         * A channel's own budget always wins. None by default.
         *
         * @param budgetUsd zero or more; null for none
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        Builder monthlyBudgetUsd(java.math.BigDecimal budgetUsd);

        /**
         * Sets the host's webhook endpoint that render providers report a finished render to
         * (HeyGen's {@code callback_url}, say): avatar renders are asked to call it, and the host
         * passes what arrives to {@link EpisodePipeline#webhook} (or, having verified it itself,
         * {@link EpisodePipeline#callback}). A URL whose path ends in {@code /} is one endpoint per
         * provider: the provider's name is appended ({@code https://host/acog/webhooks/} becomes
         * {@code https://host/acog/webhooks/heygen} for HeyGen's renders), so the endpoint knows
         * whose signature to check. Without it, the default, the pipeline only polls.
         *
         * @param url an absolute {@code https} (or {@code http}) URL the providers' servers reach
         * @return this builder
         * @throws NullPointerException when {@code url} is null
         * @throws IllegalArgumentException when it is not an absolute http(s) URL
         */
        Builder renderCallbackUrl(java.net.URI url);

        /**
         * Builds the pipeline. It keeps copies of what was registered: registering more on this
         * builder afterwards does not change it.
         *
         * @return the pipeline, thread-safe
         * @throws IllegalStateException naming the capabilities that have no provider, or when no
         *     asset storage was set here or by a plugin
         */
        EpisodePipeline build();
    }
}
