package io.acog.testkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The provider kit passes an adapter that keeps its rules, and fails one that breaks a rule in the
 * check for that rule.
 */
class ProviderTckTest {

    @Test
    void aWellBehavedAdapterPassesEveryCheck() {
        EngineExecutionResults results = run(ToyWriter.Flaw.NONE);
        assertThat(failed(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isGreaterThanOrEqualTo(10);
        assertThat(results.testEvents().aborted().count())
                .as("checks of what the toy does not support")
                .isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
        "LEAKS_KEY, classifiesEachDocumentedFailure",
        "IGNORES_RETRY_AFTER, honoursRetryAfter",
        "NO_TIMEOUT, callsThatGetNoAnswerTimeOut",
        "CALLS_A_MALFORMED_ANSWER_PERMANENT, aMalformedAnswerIsRetryable",
        "ACCEPTS_ANY_SIGNATURE, rejectsATamperedWebhook",
        "FORGETS_DELIVERIES, acceptsAGenuineWebhookOnce",
        "IGNORES_TIMESTAMPS, rejectsAStaleWebhook"
    })
    void anAdapterThatBreaksARuleFailsItsCheck(ToyWriter.Flaw flaw, String check) {
        assertThat(failed(run(flaw))).as("checks failed with %s", flaw).contains(check);
    }

    @AfterAll
    static void wellBehavedAgain() {
        ToyWriter.flaw = ToyWriter.Flaw.NONE;
    }

    private static EngineExecutionResults run(ToyWriter.Flaw flaw) {
        ToyWriter.flaw = flaw;
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ToyWriterTck.class))
                .execute();
    }

    /** The names of the checks (or of the factory of a failed dynamic check) that failed. */
    private static Set<String> failed(EngineExecutionResults results) {
        Set<String> names = new TreeSet<>();
        for (Event event : results.testEvents().failed().list()) {
            String id = event.getTestDescriptor().getUniqueId().toString();
            for (String check : List.of(
                    "classifiesEachDocumentedFailure",
                    "honoursRetryAfter",
                    "callsThatGetNoAnswerTimeOut",
                    "aMalformedAnswerIsRetryable",
                    "aConnectionCutMidAnswerIsRetryable",
                    "keepsSecretsOutOfLogs",
                    "answersAndReportsUsage",
                    "registersThroughItsPlugin",
                    "concurrentCallsAllSucceed",
                    "acceptsAGenuineWebhookOnce",
                    "rejectsATamperedWebhook",
                    "rejectsAnUnsignedWebhook",
                    "rejectsAStaleWebhook",
                    "rejectsWebhooksWithoutASecret")) {
                if (id.contains(check + "(")) {
                    names.add(check);
                }
            }
        }
        return names;
    }

    /** The kit run against the toy writer and its service. */
    static class ToyWriterTck extends ProviderTck<ContentWriter, ContentWriter.Plan> {

        static final ToyWriter.Service SERVICE = new ToyWriter.Service();
        static final DocumentedFailure BAD_KEY = DocumentedFailure.permanent("401 bad key", Reason.AUTHENTICATION);
        static final String WEBHOOK_SECRET = "toy-webhook-secret-42";
        static final DocumentedFailure BROKEN = DocumentedFailure.retryable("500", Reason.SERVER_ERROR);

        @AfterAll
        static void stop() {
            // the service lives for the test JVM: several runs of the kit share it
        }

        @Override
        protected Map<String, String> settings(Duration timeout) {
            return Map.of(
                    "toy.api-key",
                    "toy-secret-0123456789",
                    "toy.webhook-secret",
                    WEBHOOK_SECRET,
                    "toy.base-url",
                    SERVICE.url(),
                    "toy.timeout",
                    String.valueOf(timeout.toSeconds()));
        }

        @Override
        protected java.util.Optional<io.acog.spi.WebhookDelivery> signedWebhook(
                String taskId, java.time.Instant sentAt) {
            return java.util.Optional.of(ToyWriter.signed(WEBHOOK_SECRET, taskId, sentAt));
        }

        @Override
        protected ContentWriter provider(ProviderConfig config) {
            return new ToyWriter(config);
        }

        @Override
        protected ContentWriter.Plan call(ContentWriter provider, TestProviderCall call) {
            return provider.plan(new ContentWriter.PlanRequest(null, Map.of("topic", "tides")), call);
        }

        @Override
        protected String stage() {
            return "planning";
        }

        @Override
        protected Usage usage(ContentWriter.Plan result) {
            return result.usage();
        }

        @Override
        protected List<DocumentedFailure> documentedFailures() {
            return List.of(BAD_KEY, BROKEN);
        }

        @Override
        protected void serviceSucceeds() {
            SERVICE.answer(new ToyWriter.Service.Answer(200, "{\"hook\":\"a hook\"}", Map.of(), Duration.ZERO, false));
        }

        @Override
        protected void serviceFails(DocumentedFailure failure) {
            SERVICE.answer(
                    failure.equals(BAD_KEY)
                            ? new ToyWriter.Service.Answer(
                                    401, "{\"error\":\"bad key\"}", Map.of(), Duration.ZERO, false)
                            : new ToyWriter.Service.Answer(
                                    500, "{\"error\":\"down\"}", Map.of(), Duration.ZERO, false));
        }

        @Override
        protected void serviceRateLimits(Duration retryAfter) {
            SERVICE.answer(new ToyWriter.Service.Answer(
                    429, "{}", Map.of("Retry-After", String.valueOf(retryAfter.toSeconds())), Duration.ZERO, false));
        }

        @Override
        protected void serviceStalls(Duration delay) {
            SERVICE.answer(new ToyWriter.Service.Answer(200, "{\"hook\":\"late\"}", Map.of(), delay, false));
        }

        @Override
        protected void serviceAnswersMalformed() {
            SERVICE.answer(new ToyWriter.Service.Answer(200, "<html>oops", Map.of(), Duration.ZERO, false));
        }

        @Override
        protected void serviceResetsConnection() {
            SERVICE.answer(new ToyWriter.Service.Answer(200, "{\"hook\":", Map.of(), Duration.ZERO, true));
        }

        @Override
        protected List<RecordedRequest> requests() {
            return SERVICE.requests();
        }
    }
}
