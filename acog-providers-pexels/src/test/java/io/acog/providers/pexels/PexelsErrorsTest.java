package io.acog.providers.pexels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.pexels.FakePexels.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.spi.FileMedia;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testkit.providers.TestProviderCall;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each status Pexels answers with, its quota headers and 429s, and the transport's failures, classified. */
class PexelsErrorsTest {

    private static final String DESCRIPTION = "waves breaking on a rocky shore";

    private FakePexels fake;
    private MutableClock clock;

    @BeforeEach
    void start() {
        fake = new FakePexels();
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest(name = "HTTP {0} is {1}, retryable {2}")
    @CsvSource({
        "400, INVALID_REQUEST, false",
        "422, INVALID_REQUEST, false",
        "401, AUTHENTICATION, false",
        "403, AUTHENTICATION, false",
        "404, NOT_FOUND, false",
        "500, SERVER_ERROR, true",
        "502, UNAVAILABLE, true",
        "503, UNAVAILABLE, true",
        "504, UNAVAILABLE, true"
    })
    void eachStatusIsClassifiedAndTheKeyIsNeverInTheMessage(int status, Reason reason, boolean retryable) {
        searchAnswers(FakePexels.json(status, "{\"error\":\"refused key " + FakePexels.API_KEY + "\"}"));

        ProviderException e = failedSubmit();

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.provider()).isEqualTo("pexels");
        assertThat(e.getMessage())
                .contains("Pexels video search failed (GET " + fake.baseUrl() + "/videos/search)", "HTTP " + status)
                .doesNotContain(FakePexels.API_KEY, "query=");
        if (reason == Reason.AUTHENTICATION) {
            assertThat(e.getMessage()).contains("check pexels.api-key");
        }
    }

    @Test
    void aRateLimitWaitsAsLongAsItsRetryAfterAsksAndHoldsTheNextCallBackWithoutARequest() {
        searchAnswers(FakePexels.json(429, "{\"error\":\"Too Many Requests\"}").withHeader("Retry-After", "30"));
        PexelsBroll pexels = fake.adapter(clock, Map.of());

        ProviderException limited = failedSubmit(pexels);
        ProviderException heldBack = failedSubmit(pexels);
        clock.advance(Duration.ofSeconds(31));
        ProviderException afterTheWait = failedSubmit(pexels);

        assertThat(limited.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(heldBack.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(heldBack.attemptSpent())
                .as("a call held back spends no attempt")
                .isFalse();
        assertThat(heldBack.retryAt()).contains(clock.instant().minusSeconds(1));
        assertThat(afterTheWait.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(fake.searches()).as("searches sent: none while held back").hasSize(2);
    }

    @Test
    void onceTheQuotaIsUsedUpTheNextCallWaitsForTheResetWithoutARequest() {
        Instant reset = clock.instant().plus(Duration.ofDays(9));
        fake.serving();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH))
                .willReturn(quota(FakePexels.json(200, fake.search(FakePexels.LANDSCAPE, "old")), 0, reset)));
        PexelsBroll pexels = fake.adapter(clock, Map.of());
        pexels.submit(clip(DESCRIPTION, 5_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll"));

        ProviderException e = failedSubmit(pexels);
        ProviderException lookup = catchThrowableOfType(
                ProviderException.class, () -> pexels.poll("1003:31", TestProviderCall.forStage("broll")));

        assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.attemptSpent()).isFalse();
        assertThat(e.retryAt()).contains(reset);
        assertThat(e.getMessage()).contains("quota of 20000 requests is used up until " + reset, "no request was sent");
        assertThat(lookup.reason()).as("a poll's lookup waits too").isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(fake.searches()).hasSize(1);
        assertThat(fake.lookups()).isEmpty();

        clock.advance(Duration.ofDays(9).plusSeconds(1));
        pexels.submit(clip(DESCRIPTION, 5_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll"));

        assertThat(fake.searches()).as("searches once the quota was reset").hasSize(2);
    }

    @Test
    void aClipChosenBeforeTheQuotaRanOutIsStillDownloadedFromTheSearchsLink() throws Exception {
        fake.serving();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH))
                .willReturn(quota(
                        FakePexels.json(200, fake.search(FakePexels.LANDSCAPE, "old")),
                        0,
                        clock.instant().plusSeconds(3600))));
        PexelsBroll pexels = fake.adapter(clock, Map.of());
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = pexels.submit(clip(DESCRIPTION, 5_000, OutputFormat.LANDSCAPE), call);

        RenderProgress progress = pexels.poll(task.taskId(), call);

        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        ((FileMedia) ((RenderProgress.Done) progress).media()).close();
        assertThat(fake.lookups()).isEmpty();
    }

    @Test
    void aRateLimitWithoutRetryAfterWhileQuotaRemainsWaitsForTheResetAtMostAnHour() {
        fake.serving();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH))
                .inScenario("hourly")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(quota(
                        FakePexels.json(200, fake.search(FakePexels.LANDSCAPE, "old")),
                        5,
                        clock.instant().plus(Duration.ofMinutes(40))))
                .willSetStateTo("limited"));
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH))
                .inScenario("hourly")
                .whenScenarioStateIs("limited")
                .willReturn(FakePexels.json(429, "{\"error\":\"Too Many Requests\"}")));
        PexelsBroll soon = fake.adapter(clock, Map.of());
        soon.submit(clip(DESCRIPTION, 5_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll"));

        ProviderException e = failedSubmit(soon);

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(40));

        fake.server.resetScenarios();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH))
                .inScenario("hourly")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(quota(
                        FakePexels.json(200, fake.search(FakePexels.LANDSCAPE, "old")),
                        5,
                        clock.instant().plus(Duration.ofDays(10))))
                .willSetStateTo("limited"));
        PexelsBroll late = fake.adapter(clock, Map.of());
        late.submit(clip(DESCRIPTION, 5_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll"));

        assertThat(failedSubmit(late).retryAfter()).contains(RequestQuota.HOURLY_WINDOW);
    }

    @Test
    void aRateLimitWhoseHeadersSayTheQuotaIsUsedUpWaitsForTheReset() {
        Instant reset = clock.instant().plus(Duration.ofDays(3));
        searchAnswers(quota(FakePexels.json(429, "{\"error\":\"Too Many Requests\"}"), 0, reset));

        ProviderException e = failedSubmit();

        assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(e.attemptSpent()).isFalse();
        assertThat(e.retryAt()).contains(reset);
    }

    @Test
    void aRateLimitWithNothingToGoByLeavesTheWaitToThePipeline() {
        searchAnswers(FakePexels.json(429, "{\"error\":\"Too Many Requests\"}"));

        ProviderException e = failedSubmit();

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.retryAt()).isEmpty();
    }

    @Test
    void anAnswerSlowerThanTheTimeoutTimesOut() {
        searchAnswers(FakePexels.api("{\"videos\":[]}").withFixedDelay(5_000));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> fake.adapter(clock, Map.of("pexels.timeout", "1"))
                        .submit(clip(DESCRIPTION, 5_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll")));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anAnswerWithoutItsVideosOrNotJsonIsRetryable() {
        searchAnswers(FakePexels.api("{\"page\":1,\"per_page\":15}"));
        ProviderException noVideos = failedSubmit();
        searchAnswers(aResponse().withStatus(200).withBody("<html>Bad Gateway</html>"));
        ProviderException notJson = failedSubmit();

        assertThat(noVideos.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(noVideos.retryable()).isTrue();
        assertThat(noVideos.getMessage()).contains("no videos array");
        assertThat(notJson.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(notJson.retryable()).isTrue();
    }

    @Test
    void aConnectionResetMidAnswerIsRetryable() {
        searchAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        ProviderException e = failedSubmit();

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    private void searchAnswers(ResponseDefinitionBuilder answer) {
        fake.server.resetAll();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH)).willReturn(answer));
    }

    private ProviderException failedSubmit() {
        return failedSubmit(fake.adapter(clock, Map.of()));
    }

    private static ProviderException failedSubmit(PexelsBroll pexels) {
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> pexels.submit(
                        clip(DESCRIPTION, 5_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll")));
        assertThat(e).as("the submit's failure").isNotNull();
        assertThat(e.getMessage()).doesNotContain(FakePexels.API_KEY);
        return e;
    }

    private static ResponseDefinitionBuilder quota(ResponseDefinitionBuilder answer, long remaining, Instant reset) {
        return answer.withHeader("X-Ratelimit-Limit", "20000")
                .withHeader("X-Ratelimit-Remaining", Long.toString(remaining))
                .withHeader("X-Ratelimit-Reset", Long.toString(reset.getEpochSecond()));
    }
}
