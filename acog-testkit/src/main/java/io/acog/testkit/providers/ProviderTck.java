package io.acog.testkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.acog.spi.Provider;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.Usage;
import io.acog.spi.VoiceSynthesizer;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The technology compatibility kit every provider adapter passes: extend it with your adapter and a
 * double of its service (WireMock, OkHttp's MockWebServer, the JDK's HttpServer: the kit needs no
 * mock library, only the hooks below), and JUnit 5 runs its checks against them.
 *
 * <p>It checks that the adapter
 *
 * <ul>
 *   <li>registers through its {@link ProviderPlugin} (found by {@link ServiceLoader}) with its
 *       settings, and registers nothing, without throwing, when given none;
 *   <li>answers, and reports what the call used and cost ({@link Usage});
 *   <li>classifies each failure its service documents as the documentation says: the {@link
 *       Reason}, and retryable or permanent;
 *   <li>honours a rate limit's {@code Retry-After};
 *   <li>times out a call the service does not answer;
 *   <li>treats a malformed answer and a connection cut mid-answer as retryable;
 *   <li>keeps its secrets (every setting whose name says key, secret, token or password) out of
 *       exception messages and of the log lines written while it works;
 *   <li>passes the call's idempotency key, and stops on a cancelled call, where the provider
 *       supports them;
 *   <li>is thread-safe: concurrent calls all succeed;
 *   <li>for a render provider that {@linkplain RenderWebhooks receives webhooks}: accepts a
 *       genuine delivery and names its render; rejects one that is unsigned, signed wrongly, has a
 *       tampered body, is stale, is replayed, or arrives with no webhook secret configured; and
 *       keeps the secret out of every rejection.
 * </ul>
 *
 * <p>Each {@code service…} hook replaces what the double answered before, and the requests it
 * recorded are forgotten; the kit calls one before each call it makes. The log check reads what the
 * SLF4J binding writes to {@code System.out} and {@code System.err} while the adapter works
 * (slf4j-simple does; set {@code org.slf4j.simpleLogger.defaultLogLevel=debug} for the adapter's
 * tests so its debug lines are checked too).
 *
 * <pre>{@code
 * class ElevenLabsTckTest extends ProviderTck<VoiceSynthesizer, VoiceSynthesizer.Speech> {
 *     static WireMockServer server = ...;
 *     protected Map<String, String> settings(Duration timeout) {
 *         return Map.of("elevenlabs.api-key", "sk_test_0123456789", "elevenlabs.base-url", server.baseUrl(),
 *                 "elevenlabs.timeout", String.valueOf(timeout.toSeconds()));
 *     }
 *     ...
 * }
 * }</pre>
 *
 * @param <P> the capability the adapter provides, e.g. {@link VoiceSynthesizer}
 * @param <R> what its main call returns, e.g. {@link VoiceSynthesizer.Speech}
 */
public abstract class ProviderTck<P extends Provider, R> {

    /** How long the adapter may wait for an answer in {@link #callsThatGetNoAnswerTimeOut()}. */
    protected static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

    /** How long the service stalls there: far beyond the short timeout. */
    protected static final Duration STALL = Duration.ofSeconds(20);

    /** The wait a rate-limited answer asks for in {@link #honoursRetryAfter()}. */
    protected static final Duration RETRY_AFTER = Duration.ofSeconds(17);

    /**
     * A failure the provider's documentation describes, and how the adapter must classify it.
     *
     * @param name what the failure is, as the service double knows it (e.g. {@code "401
     *     quota_exceeded"}); the test is named after it
     * @param reason the reason the adapter must give
     * @param retryable whether the adapter must call it retryable
     */
    public record DocumentedFailure(String name, Reason reason, boolean retryable) {

        /**
         * Checks the name and reason.
         *
         * @param name what the failure is
         * @param reason the reason the adapter must give
         * @param retryable whether it must be retryable
         */
        public DocumentedFailure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * Returns a failure the adapter must call permanent.
         *
         * @param name what the failure is
         * @param reason the reason the adapter must give
         * @return the failure
         */
        public static DocumentedFailure permanent(String name, Reason reason) {
            return new DocumentedFailure(name, reason, false);
        }

        /**
         * Returns a failure the adapter must call retryable.
         *
         * @param name what the failure is
         * @param reason the reason the adapter must give
         * @return the failure
         */
        public static DocumentedFailure retryable(String name, Reason reason) {
            return new DocumentedFailure(name, reason, true);
        }
    }

    /**
     * A request the service double received.
     *
     * @param method the HTTP method
     * @param path the path, with its query
     * @param headers the headers, their names in lower case
     */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers) {

        /**
         * Makes an unmodifiable copy of the headers, their names in lower case.
         *
         * @param method the HTTP method
         * @param path the path, with its query
         * @param headers the headers
         */
        public RecordedRequest {
            Map<String, List<String>> lower = new LinkedHashMap<>();
            headers.forEach(
                    (name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .addAll(values));
            lower.replaceAll((name, values) -> List.copyOf(values));
            headers = Map.copyOf(lower);
        }

        /**
         * Returns a header's first value.
         *
         * @param name the header's name, in any case
         * @return its first value, or null when the request had none
         */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    // ---- what the adapter's author supplies ----

    /**
     * Returns the settings that point the adapter at the service double, with test credentials and
     * a request timeout of {@code timeout}.
     *
     * @param timeout how long the adapter may wait for an answer
     * @return the settings, as {@link ProviderConfig#of} takes them
     */
    protected abstract Map<String, String> settings(Duration timeout);

    /**
     * Makes the adapter with {@code config}; the kit passes {@link #settings} here.
     *
     * @param config the settings
     * @return the adapter
     */
    protected abstract P provider(ProviderConfig config);

    /**
     * Makes the adapter's main call (a voice's {@code synthesize}, a writer's {@code script}, a
     * publisher's {@code publish}), with a request that the service double's success answers.
     *
     * @param provider the adapter
     * @param call the call's circumstances; its storage is a temporary directory, which the
     *     request's inputs may be put into first
     * @return what the call returned
     * @throws Exception when it fails; the kit expects {@link ProviderException}s
     */
    protected abstract R call(P provider, TestProviderCall call) throws Exception;

    /**
     * Returns the stage the main call serves, e.g. {@code "audio"}.
     *
     * @return the stage's label
     */
    protected abstract String stage();

    /**
     * Returns what the call's result says it used and cost.
     *
     * @param result what {@link #call} returned
     * @return its usage
     */
    protected abstract Usage usage(R result);

    /**
     * Returns the failures the service documents, each with how the adapter must classify it.
     *
     * @return the failures; each is passed to {@link #serviceFails}
     */
    protected abstract List<DocumentedFailure> documentedFailures();

    /** Makes the service answer the main call with success. */
    protected abstract void serviceSucceeds();

    /**
     * Makes the service answer the main call with a documented failure.
     *
     * @param failure one of {@link #documentedFailures()}
     */
    protected abstract void serviceFails(DocumentedFailure failure);

    /**
     * Makes the service refuse the main call as rate limited, asking to wait {@code retryAfter} in
     * the way the provider documents (a {@code Retry-After} header, say).
     *
     * @param retryAfter the wait it asks for
     */
    protected abstract void serviceRateLimits(Duration retryAfter);

    /**
     * Makes the service answer the main call only after {@code delay}.
     *
     * @param delay how long it stalls
     */
    protected abstract void serviceStalls(Duration delay);

    /** Makes the service answer the main call with a success status but a body that is not what it documents. */
    protected abstract void serviceAnswersMalformed();

    /** Makes the service cut the connection in the middle of its answer. */
    protected abstract void serviceResetsConnection();

    /**
     * Returns the requests the service received since it was last told how to answer.
     *
     * @return the requests, in order
     */
    protected abstract List<RecordedRequest> requests();

    // ---- what the adapter's author may override ----

    /**
     * Returns the header the provider takes an idempotency key in, when it supports one (HeyGen's
     * {@code Idempotency-Key}); empty by default, which skips {@link #passesTheIdempotencyKey()}.
     *
     * @return the header's name, or empty
     */
    protected java.util.Optional<String> idempotencyHeader() {
        return java.util.Optional.empty();
    }

    /**
     * Tells whether the adapter stops a call whose cancellation was requested before it sends
     * anything that costs (a long upload does); false by default, which skips {@link
     * #stopsACancelledCall()}.
     *
     * @return whether it checks {@link io.acog.spi.ProviderCall#cancelRequested()}
     */
    protected boolean stopsWhenCancelled() {
        return false;
    }

    /**
     * Tells whether the adapter's results carry a cost in dollars ({@link Usage#costUsd()}); true
     * by default.
     *
     * @return whether a cost is reported
     */
    protected boolean reportsCost() {
        return true;
    }

    /**
     * Returns how many calls {@link #concurrentCallsAllSucceed()} makes at once.
     *
     * @return the number of threads, 8 by default
     */
    protected int concurrentCalls() {
        return 8;
    }

    /**
     * Returns the secret values the adapter holds: by default every value of {@link #settings}
     * whose setting's name says key, secret, token or password (six characters or longer).
     *
     * @return the secrets, never to be seen in a message or a log line
     */
    protected Set<String> secrets() {
        return Secrets.inSettings(settings(SHORT_TIMEOUT));
    }

    /**
     * Returns the delivery the provider's service would POST to a host's webhook endpoint about
     * the render {@code taskId}, its end, at {@code sentAt}, signed with the webhook secret that
     * {@link #settings} configures. Empty, the default, skips the webhook checks; a provider that
     * implements {@link RenderWebhooks} overrides it. The kit forges and strips signatures in the
     * headers whose names contain {@code signature}, and removes {@code *webhook-secret} settings
     * to check an adapter without a secret.
     *
     * @param taskId the render the event is about
     * @param sentAt when the service sends it (the signed timestamp, where the provider sends one)
     * @return the signed delivery, or empty
     */
    protected java.util.Optional<WebhookDelivery> signedWebhook(String taskId, Instant sentAt) {
        return java.util.Optional.empty();
    }

    /**
     * Tells whether the provider's deliveries carry a signed timestamp, so that a stale one can be
     * told; true by default.
     *
     * @return whether deliveries are timestamped
     */
    protected boolean webhooksAreTimestamped() {
        return true;
    }

    // ---- the checks ----

    /** The plugin registers the adapter with its settings, and nothing (without throwing) with none. */
    @Test
    public void registersThroughItsPlugin() {
        Class<?> type = provider(config(SHORT_TIMEOUT)).getClass();
        ProviderPlugin found = null;
        List<Object> registered = new ArrayList<>();
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class)) {
            OfferedProviders offered = new OfferedProviders();
            plugin.register(config(SHORT_TIMEOUT), offered);
            if (offered.offered().stream().anyMatch(type::isInstance)) {
                found = plugin;
                registered = offered.offered();
            }
        }
        assertThat(found)
                .as(
                        "a ProviderPlugin in META-INF/services/%s that registers a %s",
                        ProviderPlugin.class.getName(), type)
                .isNotNull();
        assertThat(registered).isNotEmpty();
        OfferedProviders unconfigured = new OfferedProviders();
        found.register(ProviderConfig.empty(), unconfigured);
        assertThat(unconfigured.offered())
                .as("what %s registers with no settings", found.name())
                .isEmpty();
    }

    /** A call answers, and its result reports what it used and cost. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void answersAndReportsUsage() throws Exception {
        serviceSucceeds();
        R result = call(provider(config(SHORT_TIMEOUT.multipliedBy(30))), TestProviderCall.forStage(stage()));
        assertThat(result).as("the call's result").isNotNull();
        Usage usage = usage(result);
        assertThat(usage).as("the result's usage").isNotNull();
        assertThat(Stream.of(
                                usage.costUsd(),
                                usage.inputTokens(),
                                usage.outputTokens(),
                                usage.characters(),
                                usage.seconds(),
                                usage.credits())
                        .filter(Objects::nonNull))
                .as("what the usage meters")
                .isNotEmpty();
        if (reportsCost()) {
            assertThat(usage.costUsd()).as("the cost in dollars").isNotNull();
            assertThat(usage.costUsd().signum()).as("the cost's sign").isNotNegative();
        }
    }

    /**
     * Each documented failure is classified as documented.
     *
     * @return a test per failure
     */
    @TestFactory
    public Stream<DynamicTest> classifiesEachDocumentedFailure() {
        return documentedFailures().stream()
                .map(failure -> DynamicTest.dynamicTest(failure.name(), () -> {
                    serviceFails(failure);
                    ProviderException e = failedCall(SHORT_TIMEOUT.multipliedBy(30));
                    assertThat(e.reason())
                            .as("reason of %s (%s)", failure.name(), e.getMessage())
                            .isEqualTo(failure.reason());
                    assertThat(e.retryable())
                            .as("retryable for %s (%s)", failure.name(), e.getMessage())
                            .isEqualTo(failure.retryable());
                    assertThat(e.provider()).as("provider named").isNotBlank();
                    assertNoSecret(e);
                }));
    }

    /** A rate limit's wait is passed on, so the pipeline waits as long as the provider asked. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void honoursRetryAfter() throws Exception {
        serviceRateLimits(RETRY_AFTER);
        Instant before = Instant.now();
        ProviderException e = failedCall(SHORT_TIMEOUT.multipliedBy(30));
        assertThat(e.retryable())
                .as("a rate limit is retryable (%s)", e.getMessage())
                .isTrue();
        Duration asked = e.retryAfter()
                .or(() -> e.retryAt().map(at -> Duration.between(before, at)))
                .orElse(null);
        assertThat(asked).as("the wait passed on (%s)", e.getMessage()).isNotNull();
        assertThat(asked).isBetween(RETRY_AFTER.minusSeconds(5), RETRY_AFTER.plusSeconds(5));
    }

    /** A call the service does not answer times out, retryably. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void callsThatGetNoAnswerTimeOut() throws Exception {
        serviceStalls(STALL);
        ProviderException e = failedCall(SHORT_TIMEOUT);
        assertThat(e.reason()).as("reason (%s)", e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertNoSecret(e);
    }

    /** An answer that is not what the service documents is retryable. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void aMalformedAnswerIsRetryable() throws Exception {
        serviceAnswersMalformed();
        ProviderException e = failedCall(SHORT_TIMEOUT.multipliedBy(30));
        assertThat(e.retryable()).as("retryable (%s)", e.getMessage()).isTrue();
        assertNoSecret(e);
    }

    /** A connection cut mid-answer is retryable. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void aConnectionCutMidAnswerIsRetryable() throws Exception {
        serviceResetsConnection();
        ProviderException e = failedCall(SHORT_TIMEOUT.multipliedBy(30));
        assertThat(e.retryable()).as("retryable (%s)", e.getMessage()).isTrue();
        assertNoSecret(e);
    }

    /** No secret is in a log line written while the adapter succeeds and fails in every documented way. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void keepsSecretsOutOfLogs() throws Exception {
        String logs = CapturedOutput.of(() -> {
            serviceSucceeds();
            call(provider(config(SHORT_TIMEOUT.multipliedBy(30))), TestProviderCall.forStage(stage()));
            for (DocumentedFailure failure : documentedFailures()) {
                serviceFails(failure);
                failedCall(SHORT_TIMEOUT.multipliedBy(30));
            }
            serviceAnswersMalformed();
            failedCall(SHORT_TIMEOUT.multipliedBy(30));
            return null;
        });
        Secrets.assertNoneIn(logs, "the log lines written while the adapter worked", secrets());
        assertThat(provider(config(SHORT_TIMEOUT)).toString())
                .as("the adapter's toString")
                .satisfies(text -> secrets().forEach(secret -> assertThat(text).doesNotContain(secret)));
    }

    /** The call's idempotency key reaches the provider, where it takes one. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void passesTheIdempotencyKey() throws Exception {
        Assumptions.assumeTrue(idempotencyHeader().isPresent(), "the provider takes no idempotency key");
        serviceSucceeds();
        TestProviderCall call =
                TestProviderCall.forStage(stage()).withIdempotencyKey("tck-" + java.util.UUID.randomUUID());
        call(provider(config(SHORT_TIMEOUT.multipliedBy(30))), call);
        assertThat(requests())
                .as("requests carrying %s: %s", idempotencyHeader().get(), call.idempotencyKey())
                .anyMatch(request -> call.idempotencyKey()
                        .equals(request.header(idempotencyHeader().get())));
    }

    /** A call whose cancellation was requested sends nothing and fails, where the adapter checks. */
    @Test
    public void stopsACancelledCall() {
        Assumptions.assumeTrue(stopsWhenCancelled(), "the adapter does not stop cancelled calls");
        serviceSucceeds();
        TestProviderCall call = TestProviderCall.forStage(stage());
        call.requestCancel();
        Throwable thrown = catchThrowable(() -> call(provider(config(SHORT_TIMEOUT.multipliedBy(30))), call));
        assertThat(thrown).as("a cancelled call's end").isInstanceOf(ProviderException.class);
        assertThat(requests()).as("requests sent for a cancelled call").isEmpty();
    }

    /** Concurrent calls on one adapter all succeed. *
     * @throws Exception when the adapter fails unexpectedly
     */
    @Test
    public void concurrentCallsAllSucceed() throws Exception {
        serviceSucceeds();
        P provider = provider(config(SHORT_TIMEOUT.multipliedBy(60)));
        ExecutorService threads = Executors.newFixedThreadPool(concurrentCalls());
        try {
            List<Future<R>> results = new ArrayList<>();
            for (int i = 0; i < concurrentCalls(); i++) {
                Callable<R> task = () -> call(provider, TestProviderCall.forStage(stage()));
                results.add(threads.submit(task));
            }
            for (Future<R> result : results) {
                R answer = result.get();
                assertThat(answer).isNotNull();
                assertThat(usage(answer)).isNotNull();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(requests().size()).as("requests the service received").isGreaterThanOrEqualTo(concurrentCalls());
    }

    // ---- helpers ----

    private ProviderConfig config(Duration timeout) {
        return ProviderConfig.of(settings(timeout));
    }

    /** A genuine webhook delivery is accepted and names its render; the same delivery again is not. */
    @Test
    public void acceptsAGenuineWebhookOnce() {
        RenderWebhooks webhooks = webhooks(config(SHORT_TIMEOUT));
        String taskId = "tck-render-" + java.util.UUID.randomUUID();
        WebhookDelivery delivery = signedWebhook(taskId, Instant.now()).orElseThrow();
        assertThat(webhooks.receive(delivery))
                .as("the render a genuine delivery names")
                .hasValueSatisfying(event -> assertThat(event.taskId()).isEqualTo(taskId));
        assertRejected(webhooks, delivery, WebhookRejectedException.Reason.REPLAYED);
    }

    /** A delivery whose body was changed after signing, or whose signature is wrong, is rejected. */
    @Test
    public void rejectsATamperedWebhook() {
        RenderWebhooks webhooks = webhooks(config(SHORT_TIMEOUT));
        String taskId = "tck-render-" + java.util.UUID.randomUUID();
        WebhookDelivery genuine = signedWebhook(taskId, Instant.now()).orElseThrow();
        WebhookDelivery tampered = new WebhookDelivery(
                genuine.headers(),
                genuine.bodyText()
                        .replace(taskId, "tck-render-" + java.util.UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));
        assertRejected(webhooks, tampered, WebhookRejectedException.Reason.BAD_SIGNATURE);
        Map<String, List<String>> forged = new LinkedHashMap<>(genuine.headers());
        forged.replaceAll((name, values) -> name.contains("signature")
                ? values.stream().map(ProviderTck::flipLastHexOrBase64).toList()
                : values);
        assertRejected(
                webhooks, new WebhookDelivery(forged, genuine.body()), WebhookRejectedException.Reason.BAD_SIGNATURE);
    }

    /** A delivery without its signature headers is rejected as unsigned. */
    @Test
    public void rejectsAnUnsignedWebhook() {
        RenderWebhooks webhooks = webhooks(config(SHORT_TIMEOUT));
        WebhookDelivery genuine = signedWebhook("tck-render-" + java.util.UUID.randomUUID(), Instant.now())
                .orElseThrow();
        Map<String, List<String>> unsigned = new LinkedHashMap<>(genuine.headers());
        unsigned.keySet().removeIf(name -> name.contains("signature"));
        assertRejected(
                webhooks, new WebhookDelivery(unsigned, genuine.body()), WebhookRejectedException.Reason.UNSIGNED);
    }

    /** A delivery signed an hour ago is rejected as stale, where deliveries are timestamped. */
    @Test
    public void rejectsAStaleWebhook() {
        Assumptions.assumeTrue(webhooksAreTimestamped(), "the provider's deliveries carry no timestamp");
        RenderWebhooks webhooks = webhooks(config(SHORT_TIMEOUT));
        WebhookDelivery old = signedWebhook(
                        "tck-render-" + java.util.UUID.randomUUID(),
                        Instant.now().minus(Duration.ofHours(1)))
                .orElseThrow();
        assertRejected(webhooks, old, WebhookRejectedException.Reason.STALE);
    }

    /** With no webhook secret configured, every delivery is rejected. */
    @Test
    public void rejectsWebhooksWithoutASecret() {
        Map<String, String> withoutSecret = new LinkedHashMap<>(settings(SHORT_TIMEOUT));
        Assumptions.assumeTrue(signedWebhook("tck-render", Instant.now()).isPresent(), "no webhooks");
        withoutSecret.keySet().removeIf(key -> key.endsWith("webhook-secret"));
        RenderWebhooks webhooks = asWebhooks(provider(ProviderConfig.of(withoutSecret)));
        WebhookDelivery genuine = signedWebhook("tck-render-" + java.util.UUID.randomUUID(), Instant.now())
                .orElseThrow();
        assertRejected(webhooks, genuine, WebhookRejectedException.Reason.NOT_CONFIGURED);
    }

    private RenderWebhooks webhooks(ProviderConfig config) {
        Assumptions.assumeTrue(signedWebhook("tck-render", Instant.now()).isPresent(), "the provider has no webhooks");
        return asWebhooks(provider(config));
    }

    private static RenderWebhooks asWebhooks(Provider provider) {
        assertThat(provider).as("a provider whose service sends webhooks").isInstanceOf(RenderWebhooks.class);
        return (RenderWebhooks) provider;
    }

    private void assertRejected(
            RenderWebhooks webhooks, WebhookDelivery delivery, WebhookRejectedException.Reason reason) {
        Throwable thrown = catchThrowable(() -> webhooks.receive(delivery));
        assertThat(thrown).as("what receiving %s threw", delivery).isInstanceOf(WebhookRejectedException.class);
        assertThat(((WebhookRejectedException) thrown).reason())
                .as("why it was rejected")
                .isEqualTo(reason);
        assertNoSecret(thrown);
    }

    /** The value with its last signature character changed, still a well-formed hex or base64 value. */
    private static String flipLastHexOrBase64(String value) {
        int last = value.length() - 1;
        while (last >= 0 && (value.charAt(last) == '=' || !Character.isLetterOrDigit(value.charAt(last)))) {
            last--;
        }
        if (last < 0) {
            return value + "0";
        }
        char flipped = value.charAt(last) == '0' ? '1' : '0';
        return value.substring(0, last) + flipped + value.substring(last + 1);
    }

    private ProviderException failedCall(Duration timeout) throws Exception {
        P provider = provider(config(timeout));
        Throwable thrown = catchThrowable(() -> call(provider, TestProviderCall.forStage(stage())));
        assertThat(thrown).as("what the call threw").isInstanceOf(ProviderException.class);
        return (ProviderException) thrown;
    }

    private void assertNoSecret(Throwable thrown) {
        Secrets.assertNoneIn(thrown, secrets());
    }
}
