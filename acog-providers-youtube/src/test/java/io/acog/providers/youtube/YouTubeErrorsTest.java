package io.acog.providers.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.youtube.Secrets.assertNoSecrets;
import static io.acog.providers.youtube.YouTubeMock.ACCESS_TOKEN;
import static io.acog.providers.youtube.YouTubeMock.CLIENT_SECRET;
import static io.acog.providers.youtube.YouTubeMock.REFRESH_TOKEN;
import static io.acog.providers.youtube.YouTubeMock.VIDEOS;
import static io.acog.providers.youtube.YouTubeMock.error;
import static io.acog.providers.youtube.YouTubeMock.sessionStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each of YouTube's documented errors, answered to {@code videos.insert}, classified as the
 * pipeline needs it: quota waits until YouTube's quota day resets without spending an attempt,
 * rate limits retry, refusals of the account or the request fail for good, server errors retry.
 */
class YouTubeErrorsTest {

    /** Noon in Los Angeles (PST): YouTube's quota resets at 2026-12-07T08:00:00Z. */
    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

    private static final int SIZE = 100_000;

    private YouTubeMock youtube;
    private YouTubePublisher publisher;

    @BeforeEach
    void start() {
        youtube = new YouTubeMock();
        youtube.grantsTokens();
        publisher = youtube.publisher(Map.of(), new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        youtube.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "403, quotaExceeded",
        "403, dailyLimitExceeded",
    })
    void aSpentDailyQuotaWaitsUntilMidnightPacificWithoutSpendingAnAttempt(int status, String reason) {
        ProviderException failure = insertFails(
                error(status, reason, "The request cannot be completed because you have exceeded your quota."));

        assertThat(failure.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attemptSpent()).isFalse();
        assertThat(failure.retryAt()).hasValue(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(failure).hasMessageContaining(reason).hasMessageContaining("midnight Pacific");
    }

    @Test
    void theChannelsUploadLimitWaits24HoursWithoutSpendingAnAttempt() {
        ProviderException failure = insertFails(
                error(400, "uploadLimitExceeded", "The user has exceeded the number of videos they may upload."));

        assertThat(failure.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(failure.attemptSpent()).isFalse();
        assertThat(failure.retryAt()).hasValue(NOW.plus(Duration.ofHours(24)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "403, rateLimitExceeded",
        "403, userRateLimitExceeded",
        "429, rateLimitExceeded",
    })
    void rateLimitsAreRetryable(int status, String reason) {
        ProviderException failure = insertFails(error(status, reason, "Rate Limit Exceeded"));

        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attemptSpent()).isTrue();
        assertThat(failure).hasMessageContaining(reason);
    }

    @Test
    void a429sRetryAfterIsHonoured() {
        ProviderException failure = insertFails(
                error(429, "rateLimitExceeded", "Rate Limit Exceeded").withHeader("Retry-After", "30"));

        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "403, forbidden",
        "403, insufficientPermissions",
        "403, youtubeSignupRequired",
        "403, forbiddenPrivacySetting",
    })
    void refusalsOfTheAccountArePermanentAuthenticationFailures(int status, String reason) {
        ProviderException failure = insertFails(error(status, reason, "Access forbidden."));

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining(reason).hasMessageContaining("HTTP 403");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "400, invalidTitle",
        "400, invalidDescription",
        "400, invalidTags",
        "400, invalidCategoryId",
        "400, invalidPublishAt",
        "400, defaultLanguageNotSet",
        "400, invalidVideoMetadata",
    })
    void refusedRequestsArePermanentAndNameTheReason(int status, String reason) {
        ProviderException failure = insertFails(error(status, reason, "The request metadata is invalid."));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining(reason).hasMessageContaining("The request metadata is invalid.");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "500, backendError, SERVER_ERROR",
        "503, backendError, UNAVAILABLE",
    })
    void serverErrorsAreRetryable(int status, String reason, Reason expected) {
        ProviderException failure = insertFails(error(status, reason, "Backend Error"));

        assertThat(failure.reason()).isEqualTo(expected);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void anHtmlErrorPageFromAProxyIsRetryable() {
        ProviderException failure = insertFails(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>502 Bad Gateway</body></html>"));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("502 Bad Gateway");
    }

    @Test
    void aSlowAnswerTimesOut() {
        publisher = youtube.publisher(Map.of("youtube.timeout", "1"), new MutableClock(NOW));

        ProviderException failure = insertFails(aResponse()
                .withStatus(200)
                .withHeader("Location", youtube.sessionUri("up-1"))
                .withFixedDelay(5000));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aSlowChunkTimesOutAndKeepsTheSession() {
        publisher = youtube.publisher(Map.of("youtube.timeout", "1"), new MutableClock(NOW));
        youtube.startsSession("up-1");
        youtube.server.stubFor(YouTubeMock.chunk("up-1", "bytes 0-99999/100000")
                .willReturn(YouTubeMock.created("vid-1").withFixedDelay(5000)));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(UploadCheckpoint.read(episode.call.checkpoint()).session()).isNotNull();
    }

    @Test
    void aConnectionResetIsRetryable() {
        ProviderException failure = insertFails(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aBodyCutShortIsRetryable() {
        youtube.startsSession("up-1");
        youtube.server.stubFor(YouTubeMock.chunk("up-1", "bytes 0-99999/100000")
                .willReturn(aResponse().withStatus(201).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void errorsThatEchoSecretsAreScrubbed() {
        ProviderException failure = insertFails(error(
                403,
                "forbidden",
                "token " + ACCESS_TOKEN + " of refresh token " + REFRESH_TOKEN + " and client " + CLIENT_SECRET));

        assertThat(failure).hasMessageContaining("token *** of refresh token ***");
    }

    @Test
    void theQuotaDayEndsAtMidnightInLosAngelesAcrossDaylightSavingTime() {
        assertThat(nextQuotaDay("2026-12-06T20:00:00Z")).isEqualTo("2026-12-07T08:00:00Z"); // PST
        assertThat(nextQuotaDay("2026-12-07T07:59:59Z")).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(nextQuotaDay("2026-12-07T08:00:00Z")).isEqualTo("2026-12-08T08:00:00Z");
        assertThat(nextQuotaDay("2027-07-01T12:00:00Z")).isEqualTo("2027-07-02T07:00:00Z"); // PDT
        // 2027-03-14 02:00 PST becomes 03:00 PDT: that day is 23 hours long
        assertThat(nextQuotaDay("2027-03-14T09:30:00Z")).isEqualTo("2027-03-15T07:00:00Z");
    }

    private static String nextQuotaDay(String now) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        return new YouTubeErrors(ProviderHttp.builder("youtube").build(), clock)
                .nextQuotaDay()
                .toString();
    }

    private ProviderException insertFails(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        youtube.server.stubFor(sessionStart().willReturn(answer));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).hasSize(1);
        assertThat(youtube.requests(putRequestedFor(urlPathEqualTo(VIDEOS)))).isEmpty();
        return failure;
    }
}
