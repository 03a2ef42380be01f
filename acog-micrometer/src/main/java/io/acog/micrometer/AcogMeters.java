package io.acog.micrometer;

/**
 * The names and tag keys of the meters {@link AcogMetrics} records, for dashboards, alerts and
 * {@link io.micrometer.core.instrument.config.MeterFilter}s. Names are dotted and lowercase; each
 * registry renders them in its own convention (Prometheus: {@code acog_jobs_completed_total}).
 *
 * <p>Tags are bounded: a stage's label, a provider's name, an outcome, a status, a channel's slug.
 * No meter is tagged with an episode's or a job's id.
 */
public final class AcogMeters {

    /** Counter {@value #TAG_STAGE}: jobs a pipeline queued (new stages, b-roll clips, retries of a failed episode). */
    public static final String JOBS_ENQUEUED = "acog.jobs.enqueued";

    /** Counter {@value #TAG_STAGE}: jobs a worker claimed to run. */
    public static final String JOBS_CLAIMED = "acog.jobs.claimed";

    /** Counter {@value #TAG_STAGE}: jobs that completed. */
    public static final String JOBS_COMPLETED = "acog.jobs.completed";

    /** Counter {@value #TAG_STAGE}: runs that failed and were queued again to be retried. */
    public static final String JOBS_RETRIED = "acog.jobs.retried";

    /** Counter {@value #TAG_STAGE}: jobs that failed for good. */
    public static final String JOBS_FAILED = "acog.jobs.failed";

    /** Counter {@value #TAG_STAGE}: jobs that ended cancelled while a worker held them. */
    public static final String JOBS_CANCELLED = "acog.jobs.cancelled";

    /**
     * Counter {@value #TAG_STAGE}: runs that put their job back to be looked at later without a
     * retry: a render taken or still going, a call over a provider's concurrency limit.
     */
    public static final String JOBS_RESCHEDULED = "acog.jobs.rescheduled";

    /** Counter: leases that ran out and were reclaimed (their worker died or stalled). */
    public static final String LEASES_EXPIRED = "acog.leases.expired";

    /** Counter {@value #TAG_STAGE}: jobs whose worker lost the lease before it could write the end. */
    public static final String LEASES_LOST = "acog.leases.lost";

    /** Gauge {@value #TAG_STAGE}, {@value #TAG_STATUS} ({@code queued}, {@code running}): live jobs. */
    public static final String QUEUE_DEPTH = "acog.queue.depth";

    /**
     * Time gauge {@value #TAG_STAGE}: how long the stage's longest-waiting due job has waited (0
     * when none waits).
     */
    public static final String QUEUE_OLDEST_AGE = "acog.queue.oldest.age";

    /** Gauge: running jobs whose lease ran out and that no worker has reclaimed yet. */
    public static final String QUEUE_LEASES_EXPIRED = "acog.queue.leases.expired";

    /** Gauge {@value #TAG_STATUS}: live episodes of every channel, by status. */
    public static final String EPISODES = "acog.episodes";

    /** Timer {@value #TAG_STAGE}, {@value #TAG_PROVIDER}: how long completed stages took. */
    public static final String STAGE_DURATION = "acog.stage.duration";

    /**
     * Timer {@value #TAG_PROVIDER}, {@value #TAG_STAGE}, {@value #TAG_KIND}, {@value #TAG_OUTCOME}:
     * every call to a provider, answered or failed, and how long it took.
     */
    public static final String PROVIDER_CALLS = "acog.provider.calls";

    /** Counter {@value #TAG_PROVIDER}, {@value #TAG_CHANNEL}, in US dollars: what completed stages cost. */
    public static final String PROVIDER_COST = "acog.provider.cost";

    /** Tag: a pipeline stage's label, e.g. {@code script_review}. */
    public static final String TAG_STAGE = "stage";

    /** Tag: a job status ({@code queued}, {@code running}) or an episode status's label. */
    public static final String TAG_STATUS = "status";

    /** Tag: a provider's name, e.g. {@code elevenlabs}; {@value #NO_PROVIDER} for a stage no provider served. */
    public static final String TAG_PROVIDER = "provider";

    /** Tag: {@code call} (a stage's call) or {@code poll} (a render's status request). */
    public static final String TAG_KIND = "kind";

    /**
     * Tag: {@code success}, a provider failure's reason in lower case ({@code rate_limited},
     * {@code timeout}, …), or {@code unexpected}; see {@link io.acog.core.pipeline.ProviderCall}.
     */
    public static final String TAG_OUTCOME = "outcome";

    /** Tag: the channel's slug (its id, only when the channel is gone). */
    public static final String TAG_CHANNEL = "channel";

    /** The {@value #TAG_PROVIDER} tag of a stage no provider served (a script a person approved). */
    public static final String NO_PROVIDER = "none";

    /** The base unit of {@value #PROVIDER_COST}. */
    public static final String USD = "usd";

    private AcogMeters() {}
}
