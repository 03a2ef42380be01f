package io.acog.spring.boot;

import io.acog.core.episode.PipelineStage;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code acog.*} properties of the Spring Boot starter: one tree, bound at start-up. A value
 * out of range fails start-up with Spring Boot's bind error, which names the property, the value
 * and the allowed range. The limits are those of ACOG's builders ({@code JobWorker.Builder},
 * {@code EpisodePipeline.Builder}), checked here so that the error names the property rather than
 * a builder method.
 *
 * <p>Provider settings ({@code acog.providers.<provider>.<setting>}) are handed to provider plugins
 * as {@link io.acog.spi.ProviderConfig} keys ({@code acog.providers.elevenlabs.api-key} is the key
 * {@code elevenlabs.api-key}); they are never logged and never shown in health details.
 */
@ConfigurationProperties("acog")
public class AcogProperties {

    /** An unquoted PostgreSQL identifier, as {@code io.acog.jooq.AcogSchema} accepts. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Whether ACOG is configured at all; false leaves the application without any ACOG bean. */
    private boolean enabled = true;

    /**
     * The PostgreSQL schema of ACOG's tables; empty for the connections' current schema. When
     * set, ACOG migrates into it and start-up fails unless the DataSource's connections use it
     * (add ?currentSchema=<schema> to the JDBC URL): ACOG's SQL names no schema.
     */
    private String schema;

    /** Migration of ACOG's tables at start-up. */
    private final Migration migration = new Migration();

    /** The worker this application runs: which stages, how many threads, its leases and polling. */
    private final Worker worker = new Worker();

    /** How the episode pipeline runs its stages. */
    private final Pipeline pipeline = new Pipeline();

    /** Where the files the stages produce go, unless a bean or a plugin provides the storage. */
    private final Storage storage = new Storage();

    /** The endpoint render providers report finished renders to. */
    private final Webhooks webhooks = new Webhooks();

    /**
     * Provider settings, as acog.providers.<provider>.<setting>: each is the ProviderConfig key
     * <provider>.<setting> (acog.providers.elevenlabs.api-key is elevenlabs.api-key). The offline
     * providers read acog.providers.offline.enabled, .media (real or placeholder) and .latency.
     */
    private Map<String, String> providers = new LinkedHashMap<>();

    /** Creates the defaults. */
    public AcogProperties() {}

    /**
     * Tells whether ACOG is configured.
     *
     * @return {@code acog.enabled}; true by default
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether ACOG is configured.
     *
     * @param enabled false for no ACOG bean at all
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the schema of ACOG's tables.
     *
     * @return the schema; null for the connections' current schema
     */
    public String getSchema() {
        return schema;
    }

    /**
     * Sets the schema of ACOG's tables.
     *
     * @param schema an unquoted PostgreSQL identifier (lower case letters, digits and underscores,
     *     at most 63 characters, not starting with a digit); empty or null for the connections'
     *     current schema
     * @throws IllegalArgumentException for anything else
     */
    public void setSchema(String schema) {
        if (schema == null || schema.isBlank()) {
            this.schema = null;
            return;
        }
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("acog.schema is '" + schema + "'; it must be an unquoted PostgreSQL"
                    + " identifier: lower case letters, digits and underscores, 1 to 63 characters, not starting"
                    + " with a digit");
        }
        this.schema = schema;
    }

    /**
     * Returns the migration settings.
     *
     * @return {@code acog.migration.*}
     */
    public Migration getMigration() {
        return migration;
    }

    /**
     * Returns the worker settings.
     *
     * @return {@code acog.worker.*}
     */
    public Worker getWorker() {
        return worker;
    }

    /**
     * Returns the pipeline settings.
     *
     * @return {@code acog.pipeline.*}
     */
    public Pipeline getPipeline() {
        return pipeline;
    }

    /**
     * Returns the asset storage settings.
     *
     * @return {@code acog.storage.*}
     */
    public Storage getStorage() {
        return storage;
    }

    /**
     * Returns the webhook endpoint's settings.
     *
     * @return {@code acog.webhooks.*}
     */
    public Webhooks getWebhooks() {
        return webhooks;
    }

    /**
     * Returns the provider settings, keyed as {@link io.acog.spi.ProviderConfig} keys.
     *
     * @return {@code acog.providers.*}, e.g. {@code elevenlabs.api-key}; modifiable, as Spring
     *     binds into it
     */
    public Map<String, String> getProviders() {
        return providers;
    }

    /**
     * Sets the provider settings.
     *
     * @param providers the settings by {@link io.acog.spi.ProviderConfig} key; null for none
     */
    public void setProviders(Map<String, String> providers) {
        this.providers = providers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(providers);
    }

    /** {@code acog.migration.*}: migration of ACOG's tables at start-up. */
    public static class Migration {

        /**
         * Whether ACOG migrates its tables at start-up (AcogSchema.migrate); false when they are
         * migrated some other way. The health indicator reports DOWN while they are not at the
         * version this ACOG ships.
         */
        private boolean enabled = true;

        /** Creates the defaults. */
        public Migration() {}

        /**
         * Tells whether ACOG migrates its tables at start-up.
         *
         * @return {@code acog.migration.enabled}; true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether ACOG migrates its tables at start-up.
         *
         * @param enabled false when the tables are migrated some other way
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code acog.worker.*}: the worker this application runs. */
    public static class Worker {

        /** Whether this application runs a worker; false for nodes that only enqueue and read. */
        private boolean enabled = true;

        /**
         * The worker's name, recorded in the jobs it holds (locked_by); unique among running
         * workers. Empty for <spring.application.name or "acog">-<host>-<pid>.
         */
        private String name;

        /** The worker's handler threads: how many stages it runs at once. */
        private int threads = 4;

        /**
         * The stages this worker runs, by label (planning, scripting, script_review, metadata,
         * audio, avatar, broll, assembly, upload); empty for all nine. Render nodes run, e.g.,
         * avatar,broll,assembly.
         */
        private List<String> stages = new ArrayList<>();

        private Set<PipelineStage> stageSet = EnumSet.allOf(PipelineStage.class);

        /**
         * How long a claim holds without a heartbeat; a job whose worker died is taken up again
         * after it. At least 1s.
         */
        private Duration lease = Duration.ofSeconds(30);

        /** The longest wait between claims while idle, should a notification be missed. At least 5ms. */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** The most jobs claimed in one statement, from 1 to 1000. */
        private int batchSize = 100;

        /**
         * Whether the worker wakes up on PostgreSQL notifications of new jobs; false to poll only
         * (behind a pooler that drops LISTEN).
         */
        private boolean listen = true;

        /**
         * How long the worker's running stages may take to finish when the application stops;
         * those still running then are interrupted and their jobs go back to the queue.
         */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /** Creates the defaults. */
        public Worker() {}

        /**
         * Tells whether this application runs a worker.
         *
         * @return {@code acog.worker.enabled}; true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether this application runs a worker.
         *
         * @param enabled false for nodes that only enqueue and read
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the worker's name.
         *
         * @return the name; null for the default, {@code <application>-<host>-<pid>}
         */
        public String getName() {
            return name;
        }

        /**
         * Sets the worker's name.
         *
         * @param name up to 255 characters; empty or null for the default
         * @throws IllegalArgumentException when longer
         */
        public void setName(String name) {
            if (name != null && name.strip().length() > 255) {
                throw new IllegalArgumentException(
                        "acog.worker.name is " + name.strip().length() + " characters long; at most 255 are allowed");
            }
            this.name = name == null || name.isBlank() ? null : name.strip();
        }

        /**
         * Returns the number of handler threads.
         *
         * @return {@code acog.worker.threads}; 4 by default
         */
        public int getThreads() {
            return threads;
        }

        /**
         * Sets the number of handler threads.
         *
         * @param threads 1 or more
         * @throws IllegalArgumentException for fewer than 1
         */
        public void setThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("acog.worker.threads is " + threads + "; it must be 1 or more");
            }
            this.threads = threads;
        }

        /**
         * Returns the stages this worker runs, by label, as set.
         *
         * @return the labels; empty for all nine stages
         */
        public List<String> getStages() {
            return Collections.unmodifiableList(stages);
        }

        /**
         * Sets the stages this worker runs.
         *
         * @param stages stage labels as {@link PipelineStage#label()} gives them (any case); empty
         *     or null for all nine
         * @throws IllegalArgumentException naming a label that is no stage, and the labels there are
         */
        public void setStages(List<String> stages) {
            List<String> labels = new ArrayList<>();
            Set<PipelineStage> parsed = EnumSet.noneOf(PipelineStage.class);
            if (stages != null) {
                for (String stage : stages) {
                    if (stage == null || stage.isBlank()) {
                        continue;
                    }
                    String label = stage.strip().toLowerCase(Locale.ROOT);
                    try {
                        parsed.add(PipelineStage.fromLabel(label));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "acog.worker.stages names '" + stage.strip() + "', which is no stage; the stages are "
                                        + Arrays.stream(PipelineStage.values())
                                                .map(PipelineStage::label)
                                                .collect(Collectors.joining(", ")),
                                e);
                    }
                    labels.add(label);
                }
            }
            this.stages = labels;
            this.stageSet = parsed.isEmpty() ? EnumSet.allOf(PipelineStage.class) : parsed;
        }

        /** The stages this worker runs; all nine when none were named. */
        Set<PipelineStage> stageSet() {
            return Collections.unmodifiableSet(stageSet);
        }

        /**
         * Returns how long a claim holds without a heartbeat.
         *
         * @return {@code acog.worker.lease}; 30 s by default
         */
        public Duration getLease() {
            return lease;
        }

        /**
         * Sets how long a claim holds without a heartbeat.
         *
         * @param lease at least one second
         * @throws IllegalArgumentException for less, or null
         */
        public void setLease(Duration lease) {
            if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("acog.worker.lease is " + text(lease) + "; it must be at least 1s");
            }
            this.lease = lease;
        }

        /**
         * Returns the longest wait between claims while idle.
         *
         * @return {@code acog.worker.poll-interval}; 1 s by default
         */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /**
         * Sets the longest wait between claims while idle.
         *
         * @param pollInterval at least 5 ms
         * @throws IllegalArgumentException for less, or null
         */
        public void setPollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.toMillis() < 5) {
                throw new IllegalArgumentException(
                        "acog.worker.poll-interval is " + text(pollInterval) + "; it must be at least 5ms");
            }
            this.pollInterval = pollInterval;
        }

        /**
         * Returns the most jobs claimed in one statement.
         *
         * @return {@code acog.worker.batch-size}; 100 by default
         */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets the most jobs claimed in one statement.
         *
         * @param batchSize from 1 to 1000
         * @throws IllegalArgumentException outside that range
         */
        public void setBatchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException(
                        "acog.worker.batch-size is " + batchSize + "; it must lie between 1 and 1000");
            }
            this.batchSize = batchSize;
        }

        /**
         * Tells whether the worker wakes up on PostgreSQL notifications.
         *
         * @return {@code acog.worker.listen}; true by default
         */
        public boolean isListen() {
            return listen;
        }

        /**
         * Sets whether the worker wakes up on PostgreSQL notifications.
         *
         * @param listen false to poll only
         */
        public void setListen(boolean listen) {
            this.listen = listen;
        }

        /**
         * Returns how long running stages may take to finish when the application stops.
         *
         * @return {@code acog.worker.shutdown-timeout}; 30 s by default
         */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /**
         * Sets how long running stages may take to finish when the application stops.
         *
         * @param shutdownTimeout zero or more; zero interrupts them at once
         * @throws IllegalArgumentException when negative, or null
         */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException(
                        "acog.worker.shutdown-timeout is " + text(shutdownTimeout) + "; it must be zero or more");
            }
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** {@code acog.pipeline.*}: how the episode pipeline runs its stages. */
    public static class Pipeline {

        /** How often a stage is retried before its episode fails; empty for ACOG's default (3). */
        private Integer maxRetries;

        /**
         * About how long a stage waits when its provider's concurrent calls are all taken (across
         * every worker); the job goes back to the queue meanwhile. Positive.
         */
        private Duration providerLimitWait = Duration.ofSeconds(5);

        /**
         * How long a provider call may take before its stage shows as running; empty for ACOG's
         * default (100ms), 0 to mark every stage running before its call.
         */
        private Duration runningAfter;

        /**
         * The webhook endpoint render providers report finished renders to, e.g.
         * https://host/acog/webhooks/ (a trailing slash: the provider's name is appended). Empty:
         * renders are polled only.
         */
        private URI renderCallbackUrl;

        /**
         * The monthly budget in US dollars of every channel whose platform config sets none; a
         * channel's own budget wins. Empty for none.
         */
        private BigDecimal monthlyBudgetUsd;

        /** Creates the defaults. */
        public Pipeline() {}

        /**
         * Returns how often a stage is retried.
         *
         * @return {@code acog.pipeline.max-retries}; null for ACOG's default
         */
        public Integer getMaxRetries() {
            return maxRetries;
        }

        /**
         * Sets how often a stage is retried before its episode fails.
         *
         * @param maxRetries 0 or more; null for ACOG's default
         * @throws IllegalArgumentException when negative
         */
        public void setMaxRetries(Integer maxRetries) {
            if (maxRetries != null && maxRetries < 0) {
                throw new IllegalArgumentException(
                        "acog.pipeline.max-retries is " + maxRetries + "; it must be 0 or more");
            }
            this.maxRetries = maxRetries;
        }

        /**
         * Returns how long a stage waits for a provider's concurrency limit.
         *
         * @return {@code acog.pipeline.provider-limit-wait}; 5 s by default
         */
        public Duration getProviderLimitWait() {
            return providerLimitWait;
        }

        /**
         * Sets how long a stage waits for a provider's concurrency limit.
         *
         * @param providerLimitWait positive
         * @throws IllegalArgumentException when zero, negative or null
         */
        public void setProviderLimitWait(Duration providerLimitWait) {
            if (providerLimitWait == null || providerLimitWait.isNegative() || providerLimitWait.isZero()) {
                throw new IllegalArgumentException(
                        "acog.pipeline.provider-limit-wait is " + text(providerLimitWait) + "; it must be positive");
            }
            this.providerLimitWait = providerLimitWait;
        }

        /**
         * Returns how long a provider call may take before its stage shows as running.
         *
         * @return {@code acog.pipeline.running-after}; null for ACOG's default
         */
        public Duration getRunningAfter() {
            return runningAfter;
        }

        /**
         * Sets how long a provider call may take before its stage shows as running.
         *
         * @param runningAfter zero or more; null for ACOG's default
         * @throws IllegalArgumentException when negative
         */
        public void setRunningAfter(Duration runningAfter) {
            if (runningAfter != null && runningAfter.isNegative()) {
                throw new IllegalArgumentException(
                        "acog.pipeline.running-after is " + text(runningAfter) + "; it must be zero or more");
            }
            this.runningAfter = runningAfter;
        }

        /**
         * Returns the webhook endpoint render providers report to.
         *
         * @return {@code acog.pipeline.render-callback-url}; null for none
         */
        public URI getRenderCallbackUrl() {
            return renderCallbackUrl;
        }

        /**
         * Sets the webhook endpoint render providers report to.
         *
         * @param renderCallbackUrl an absolute http(s) URL; empty or null for none
         * @throws IllegalArgumentException for a relative URL or another scheme
         */
        public void setRenderCallbackUrl(URI renderCallbackUrl) {
            if (renderCallbackUrl == null || renderCallbackUrl.toString().isBlank()) {
                this.renderCallbackUrl = null;
                return;
            }
            String scheme = renderCallbackUrl.getScheme();
            if (!renderCallbackUrl.isAbsolute()
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    || renderCallbackUrl.getHost() == null) {
                throw new IllegalArgumentException("acog.pipeline.render-callback-url is '" + renderCallbackUrl
                        + "'; it must be an absolute https (or http) URL that the providers' servers reach, e.g."
                        + " https://host/acog/webhooks/");
            }
            this.renderCallbackUrl = renderCallbackUrl;
        }

        /**
         * Returns the default monthly budget of channels.
         *
         * @return {@code acog.pipeline.monthly-budget-usd}; null for none
         */
        public BigDecimal getMonthlyBudgetUsd() {
            return monthlyBudgetUsd;
        }

        /**
         * Sets the default monthly budget of channels, in US dollars.
         *
         * @param monthlyBudgetUsd zero or more; null for none
         * @throws IllegalArgumentException when negative
         */
        public void setMonthlyBudgetUsd(BigDecimal monthlyBudgetUsd) {
            if (monthlyBudgetUsd != null && monthlyBudgetUsd.signum() < 0) {
                throw new IllegalArgumentException("acog.pipeline.monthly-budget-usd is "
                        + monthlyBudgetUsd.toPlainString() + "; it must be zero or more");
            }
            this.monthlyBudgetUsd = monthlyBudgetUsd;
        }
    }

    /** {@code acog.storage.*}: where produced files go without a storage bean or plugin. */
    public static class Storage {

        /**
         * The directory produced files go under when no AssetStorage bean and no plugin provides
         * storage. It must survive restarts, and every worker of the database must reach it.
         */
        private String localDirectory = "./acog-assets";

        /** Creates the defaults. */
        public Storage() {}

        /**
         * Returns the directory of the local storage.
         *
         * @return {@code acog.storage.local-directory}; {@code ./acog-assets} by default
         */
        public String getLocalDirectory() {
            return localDirectory;
        }

        /**
         * Sets the directory of the local storage.
         *
         * @param localDirectory a path, relative to the working directory or absolute
         * @throws IllegalArgumentException when blank
         */
        public void setLocalDirectory(String localDirectory) {
            if (localDirectory == null || localDirectory.isBlank()) {
                throw new IllegalArgumentException(
                        "acog.storage.local-directory is empty; name a directory that survives restarts");
            }
            this.localDirectory = localDirectory.strip();
        }
    }

    /** {@code acog.webhooks.*}: the endpoint render providers report finished renders to. */
    public static class Webhooks {

        /**
         * Whether the application serves POST {path}/{provider} for render providers' webhooks
         * (needs Spring MVC). Off by default.
         */
        private boolean enabled;

        /** The path of the webhook endpoint; the provider's name follows it. */
        private String path = "/acog/webhooks";

        /** Creates the defaults. */
        public Webhooks() {}

        /**
         * Tells whether the webhook endpoint is served.
         *
         * @return {@code acog.webhooks.enabled}; false by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the webhook endpoint is served.
         *
         * @param enabled true to serve it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the path of the webhook endpoint.
         *
         * @return {@code acog.webhooks.path}; {@code /acog/webhooks} by default
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the path of the webhook endpoint.
         *
         * @param path starting with {@code /}, of letters, digits and {@code - _ . /}, not ending
         *     with {@code /}, e.g. {@code /acog/webhooks}
         * @throws IllegalArgumentException for anything else
         */
        public void setPath(String path) {
            // checked as written, not tidied: the endpoint's mapping reads the property itself
            if (path == null || !path.matches("(/[A-Za-z0-9._-]+)+")) {
                throw new IllegalArgumentException("acog.webhooks.path is '" + path + "'; it must start with /, hold"
                        + " only letters, digits and - _ . /, and not end with /, e.g. /acog/webhooks");
            }
            this.path = path;
        }
    }

    /** A duration as it is written in properties: {@code 500ms}, {@code 30s}; "empty" for none. */
    static String text(Duration duration) {
        if (duration == null) {
            return "empty";
        }
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
