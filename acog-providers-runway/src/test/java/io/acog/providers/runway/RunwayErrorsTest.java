package io.acog.providers.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.acog.providers.runway.Clips.clip;
import static io.acog.providers.runway.Clips.generator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.spi.BrollGenerator;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every documented error status and task failure, the transport's failures, and failed downloads,
 * each classified; no message carries the key or a signed URL's signature.
 */
class RunwayErrorsTest {

    private FakeRunway fake;

    @BeforeEach
    void start() {
        fake = new FakeRunway();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // ---- HTTP errors of the create ----

    @Test
    void anInvalidInputIsAPermanentInvalidRequestNamingTheField() {
        ProviderException e = createFails(FakeRunway.json(
                400,
                "{\"error\":\"Validation of body failed\",\"issues\":[{\"code\":\"too_big\",\"path\":[\"promptText\"],"
                        + "\"message\":\"String must contain at most 1000 character(s)\"}]}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .contains("HTTP 400", "Validation of body failed", "promptText: String must contain at most 1000");
    }

    @Test
    void aRefusedKeyIsAPermanentAuthenticationFailureThatNeverQuotesTheKey() {
        ProviderException e = createFails(
                FakeRunway.json(401, "{\"error\":\"Incorrect API key provided: " + FakeRunway.API_KEY + "\"}"));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("runway.api-key", "Incorrect API key provided: ***");
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIsPermanent() {
        ProviderException e = createFails(FakeRunway.json(405, "{\"error\":\"Method not allowed\"}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 405", "runway.api-version");
    }

    @Test
    void aRateLimitIsRetriedAfterWhatRetryAfterSaysWithSomeJitter() {
        ProviderException e =
                createFails(FakeRunway.json(429, "{\"error\":\"You have exceeded your daily task limit\"}")
                        .withHeader("Retry-After", "10"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.attemptSpent()).isTrue();
        assertThat(e.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12)));
        assertThat(e.getMessage()).contains("daily task limit");
    }

    @Test
    void theJitterSpreadsWaitsOverAFifthMoreAtMostFiveSeconds() {
        Set<Duration> waits = Stream.generate(() -> RunwayErrors.jittered(Optional.of(Duration.ofSeconds(60)))
                        .orElseThrow())
                .limit(200)
                .collect(Collectors.toSet());

        assertThat(waits)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(65)));
        assertThat(waits).as("not all the same").hasSizeGreaterThan(1);
        assertThat(RunwayErrors.jittered(Optional.empty())).isEmpty();
    }

    @Test
    void aRateLimitWithoutRetryAfterLeavesTheWaitToThePipeline() {
        ProviderException e = createFails(FakeRunway.json(429, "{\"error\":\"Too many requests\"}"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"502, UNAVAILABLE", "503, UNAVAILABLE", "504, UNAVAILABLE", "500, SERVER_ERROR"})
    void runwaySheddingLoadIsRetried(int status, Reason reason) {
        ProviderException e = createFails(
                FakeRunway.json(status, "{\"error\":\"overloaded\"}").withHeader("Retry-After", "3"));

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3600)));
    }

    @Test
    void aCreateSlowerThanTheTimeoutIsARetryableTimeout() {
        fake.server.stubFor(post(urlPathEqualTo(FakeRunway.CREATE))
                .willReturn(FakeRunway.json(200, "{\"id\":\"task-1\"}").withFixedDelay(5_000)));

        ProviderException e = failure(() ->
                generator(fake, Map.of("runway.timeout", "1")).submit(clip(5), TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aCreateAnsweredWithSomethingElseThanJsonIsRetryable() {
        ProviderException e = createFails(aResponse().withStatus(200).withBody("<html>502 Bad Gateway</html>"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aCreateAnsweredWithoutATaskIdIsRetryable() {
        ProviderException e = createFails(FakeRunway.json(200, "{\"status\":\"PENDING\"}"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no task id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK"})
    void aCreateWhoseConnectionFailsIsRetryable(String fault) {
        ProviderException e = createFails(aResponse().withFault(Fault.valueOf(fault)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.reason()).isIn(Reason.UNAVAILABLE, Reason.SERVER_ERROR);
    }

    @Test
    void aServerThatIsNotThereIsRetryable() {
        BrollGenerator generator = generator(fake);
        fake.close();

        ProviderException e = failure(() -> generator.submit(clip(5), TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    // ---- errors of the status request ----

    @Test
    void aTaskRunwayDoesNotHaveIsPermanentlyNotFoundAndTheNextAttemptCreatesAnother() {
        fake.creating();
        fake.server.stubFor(get(urlPathMatching(FakeRunway.TASKS))
                .willReturn(FakeRunway.json(404, "{\"error\":\"Task not found\"}")));
        BrollGenerator generator = generator(fake);
        TestProviderCall call = TestProviderCall.forStage("broll");
        String taskId = generator.submit(clip(5), call).taskId();

        ProviderException e = failure(() -> generator.poll(taskId, call));
        String next = generator.submit(clip(5), call.nextAttempt()).taskId();

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("task task-1 does not exist");
        assertThat(next).isEqualTo("task-2");
    }

    @Test
    void aStatusSlowerThanTheTimeoutIsARetryableTimeout() {
        fake.server.stubFor(get(urlPathMatching(FakeRunway.TASKS))
                .willReturn(
                        FakeRunway.json(200, FakeRunway.running("task-1", 0.2)).withFixedDelay(5_000)));

        ProviderException e = failure(() ->
                generator(fake, Map.of("runway.timeout", "1")).poll("task-1", TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aStatusCutMidAnswerIsRetryable() {
        fake.server.stubFor(get(urlPathMatching(FakeRunway.TASKS))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ProviderException e = failure(() -> generator(fake).poll("task-1", TestProviderCall.forStage("broll")));

        assertThat(e.retryable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":\"task-1\",\"status\":\"EXPLODED\"}",
                "{\"id\":\"task-1\",\"status\":\"SUCCEEDED\",\"output\":[]}",
                "{\"id\":\"task-1\",\"status\":\"SUCCEEDED\",\"output\":[\"ftp://cdn/clip.mp4\"]}",
                "[\"not\",\"an\",\"object\"]",
                "{\"id\":\"task-1\",\"status\":\"RUN"
            })
    void aStatusThatIsNotTheDocumentedJsonIsRetryable(String body) {
        fake.status(body);

        ProviderException e = failure(() -> generator(fake).poll("task-1", TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
    }

    // ---- task failures ----

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SAFETY.INPUT.TEXT | false",
                "SAFETY.INPUT.IMAGE | false",
                "SAFETY.OUTPUT.VIDEO | false",
                "INPUT_PREPROCESSING.SAFETY.TEXT | false",
                "INPUT_PREPROCESSING.INTERNAL | true",
                "INPUT_PREPROCESSING.UNREADABLE | false",
                "ASSET.INVALID | false",
                "INTERNAL.BAD_OUTPUT.CODE01 | true",
                "INTERNAL | true",
                "INTERNAL.TIMEOUT | true",
                "SOMETHING.NEW | true"
            })
    void aFailedTaskIsAFailureClassifiedByItsCode(String code, boolean retryable) {
        fake.status(FakeRunway.failed("task-1", code, "The prompt was flagged by moderation."));

        RenderProgress progress = generator(fake).poll("task-1", TestProviderCall.forStage("broll"));

        assertThat(progress).isInstanceOfSatisfying(RenderProgress.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(code);
            assertThat(failed.retryable()).as("retryable").isEqualTo(retryable);
            assertThat(failed.error()).contains(code, "The prompt was flagged by moderation.");
        });
    }

    @Test
    void aModeratedClipSaysWhatToDo() {
        fake.status(FakeRunway.failed("task-1", "SAFETY.INPUT.TEXT", "Prompt text violates the usage policy."));

        RenderProgress.Failed failed =
                (RenderProgress.Failed) generator(fake).poll("task-1", TestProviderCall.forStage("broll"));

        assertThat(failed.error())
                .contains("content moderation", "Prompt text violates the usage policy.", "change the [BROLL:");
    }

    @Test
    void aFailedTaskWithoutACodeIsRetryable() {
        fake.status(FakeRunway.failed("task-1", null, "Something went wrong."));

        RenderProgress.Failed failed =
                (RenderProgress.Failed) generator(fake).poll("task-1", TestProviderCall.forStage("broll"));

        assertThat(failed.code()).isNull();
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void aTaskCancelledAtRunwayIsAPermanentFailure() {
        fake.status(FakeRunway.cancelled("task-1"));

        RenderProgress progress = generator(fake).poll("task-1", TestProviderCall.forStage("broll"));

        assertThat(progress).isInstanceOfSatisfying(RenderProgress.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.error()).contains("cancelled at Runway");
        });
    }

    // ---- downloads ----

    @ParameterizedTest
    @CsvSource({"403, UNAVAILABLE", "404, UNAVAILABLE", "500, SERVER_ERROR", "503, UNAVAILABLE"})
    void aDownloadRefusedByTheOutputsHostIsRetryableAndTheNextPollGetsAFreshUrl(int status, Reason reason)
            throws IOException {
        fake.status(fake.succeeded("task-1"));
        fake.server.stubFor(get(urlPathEqualTo(FakeRunway.OUTPUT))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")));
        BrollGenerator generator = generator(fake);
        TestProviderCall call = TestProviderCall.forStage("broll");

        ProviderException e = failure(() -> generator.poll("task-1", call));
        fake.serving(FakeRunway.mp4(5));
        RenderProgress again = generator.poll("task-1", call);

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("HTTP " + status, FakeRunway.OUTPUT, "expired");
        assertThat(again).isInstanceOf(RenderProgress.Done.class);
        assertThat(fake.statusRequests())
                .as("a status request per poll: a fresh URL each time")
                .hasSize(2);
        ((FileMedia) ((RenderProgress.Done) again).media()).close();
    }

    @Test
    void aDownloadCutMidBodyIsRetryableAndLeavesNoFile() throws IOException {
        fake.status(fake.succeeded("task-1"));
        fake.server.stubFor(get(urlPathEqualTo(FakeRunway.OUTPUT))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Set<Path> before = temporaryFiles();

        ProviderException e = failure(() -> generator(fake).poll("task-1", TestProviderCall.forStage("broll")));

        assertThat(e.retryable()).isTrue();
        assertThat(temporaryFiles()).isSubsetOf(before);
    }

    @Test
    void aDownloadSlowerThanTheDownloadTimeoutIsARetryableTimeout() {
        fake.status(fake.succeeded("task-1"));
        fake.server.stubFor(get(urlPathEqualTo(FakeRunway.OUTPUT))
                .willReturn(
                        aResponse().withStatus(200).withBody(FakeRunway.mp4(5)).withFixedDelay(5_000)));

        ProviderException e = failure(() -> generator(fake, Map.of("runway.download-timeout", "1"))
                .poll("task-1", TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aDownloadThatIsNotAnMp4IsRetryable() throws IOException {
        fake.status(fake.succeeded("task-1"));
        fake.server.stubFor(get(urlPathEqualTo(FakeRunway.OUTPUT))
                .willReturn(aResponse().withStatus(200).withBody("<html>Please sign in</html>")));
        Set<Path> before = temporaryFiles();

        ProviderException e = failure(() -> generator(fake).poll("task-1", TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("not an MP4", "'<html>Pl'");
        assertThat(temporaryFiles()).isSubsetOf(before);
    }

    private ProviderException createFails(ResponseDefinitionBuilder answer) {
        fake.server.stubFor(post(urlPathEqualTo(FakeRunway.CREATE)).willReturn(answer));
        return failure(() -> generator(fake).submit(clip(5), TestProviderCall.forStage("broll")));
    }

    private static ProviderException failure(Callable<?> call) {
        ProviderException e = catchThrowableOfType(ProviderException.class, call::call);
        assertThat(e).as("the call fails with a ProviderException").isNotNull();
        assertThat(e.provider()).isEqualTo("runway");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(FakeRunway.API_KEY).doesNotContain(FakeRunway.SIGNATURE);
        }
        return e;
    }

    private static Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("acog-runway-download-"))
                    .collect(Collectors.toSet());
        }
    }
}
