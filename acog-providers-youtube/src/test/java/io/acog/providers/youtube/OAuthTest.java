package io.acog.providers.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.youtube.Secrets.assertNoSecrets;
import static io.acog.providers.youtube.YouTubeMock.ACCESS_TOKEN;
import static io.acog.providers.youtube.YouTubeMock.CLIENT_ID;
import static io.acog.providers.youtube.YouTubeMock.CLIENT_SECRET;
import static io.acog.providers.youtube.YouTubeMock.REFRESH_TOKEN;
import static io.acog.providers.youtube.YouTubeMock.TOKEN;
import static io.acog.providers.youtube.YouTubeMock.VIDEOS;
import static io.acog.providers.youtube.YouTubeMock.json;
import static io.acog.providers.youtube.YouTubeMock.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Access tokens from refresh tokens at Google's token endpoint: reused until a minute before they
 * expire, refreshed once on a 401, and each token error classified, its message naming the
 * setting to fix and never a secret.
 */
class OAuthTest {

    private static final int SIZE = 100_000;
    private static final String RANGE = "bytes 0-99999/100000";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T20:00:00Z"));
    private YouTubeMock youtube;
    private YouTubePublisher publisher;

    @BeforeEach
    void start() {
        youtube = new YouTubeMock();
        publisher = youtube.publisher(Map.of(), clock);
    }

    @AfterEach
    void stop() {
        youtube.close();
    }

    @Test
    void theTokenRequestIsGooglesRefreshGrant() {
        youtube.grantsTokens();
        uploads("up-1", "vid-1");

        publish();

        LoggedRequest request =
                youtube.requests(postRequestedFor(urlPathEqualTo(TOKEN))).get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request))
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", REFRESH_TOKEN)
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_secret", CLIENT_SECRET);
    }

    @Test
    void oneTokenServesSeveralUploadsUntilAMinuteBeforeItExpires() {
        youtube.grantsTokens(); // expires_in 3599
        uploads("up-1", "vid-1");

        publish();
        publish();
        clock.advance(Duration.ofSeconds(3500));
        publish();
        assertThat(tokenCalls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(40)); // 3540 s: within the last minute
        publish();
        assertThat(tokenCalls()).isEqualTo(2);
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheRequestSentAgain() {
        youtube.server.stubFor(post(TOKEN)
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second")
                .willReturn(token("ya29.revoked-TOKEN", 3599)));
        youtube.server.stubFor(
                post(TOKEN).inScenario("tokens").whenScenarioStateIs("second").willReturn(token(ACCESS_TOKEN, 3599)));
        youtube.server.stubFor(post(urlPathEqualTo(VIDEOS))
                .withHeader("Authorization", equalTo("Bearer ya29.revoked-TOKEN"))
                .willReturn(authError()));
        uploads("up-1", "vid-1");

        assertThat(publish()).isEqualTo("vid-1");

        assertThat(tokenCalls()).isEqualTo(2);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).hasSize(2);
    }

    @Test
    void aSecond401IsAPermanentAuthenticationFailure() {
        youtube.grantsTokens();
        youtube.server.stubFor(post(urlPathEqualTo(VIDEOS)).willReturn(authError()));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("authError").hasMessageContaining("youtube.refresh-token");
        assertThat(tokenCalls()).isEqualTo(2);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).hasSize(2);
    }

    @Test
    void anExpiredOrRevokedRefreshTokenIsPermanentAndSaysToReauthorise() {
        youtube.server.stubFor(post(TOKEN)
                .willReturn(json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure)
                .hasMessageContaining("re-authorise")
                .hasMessageContaining("expired or revoked")
                .hasMessageContaining("'youtube.refresh-token'");
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).isEmpty();
    }

    @Test
    void aWrongClientIsPermanentAndNamesTheClientSettings() {
        youtube.server.stubFor(post(TOKEN)
                .willReturn(json(
                        401,
                        "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure)
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("'youtube.client-id'")
                .hasMessageContaining("'youtube.client-secret'");
    }

    @Test
    void tokenErrorsThatEchoSecretsAreScrubbed() {
        youtube.server.stubFor(post(TOKEN)
                .willReturn(json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Bad refresh token " + REFRESH_TOKEN
                                + " for client secret " + CLIENT_SECRET + "\"}")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure).hasMessageContaining("Bad refresh token ***");
    }

    @Test
    void aChannelsOwnSecretsAreScrubbedToo() {
        publisher = youtube.publisher(
                Map.of(
                        "youtube.credentials.acme.refresh-token", "1//acme-REFRESH-secret",
                        "youtube.credentials.acme.client-secret", "GOCSPX-acme-SECRET"),
                clock);
        youtube.server.stubFor(post(TOKEN)
                .willReturn(json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Bad refresh token 1//acme-REFRESH-secret"
                                + " for client secret GOCSPX-acme-SECRET\"}")));
        Episode episode = new Episode(SIZE);
        episode.platformConfig.put("oauth_credential_ref", "acme");

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.getMessage())
                .doesNotContain("1//acme-REFRESH-secret")
                .doesNotContain("GOCSPX-acme-SECRET")
                .contains("Bad refresh token *** for client secret ***")
                .contains("'youtube.credentials.acme.refresh-token'");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    void aFailingTokenEndpointIsRetryable(int status) {
        youtube.server.stubFor(post(TOKEN).willReturn(json(status, "{\"error\":\"internal_failure\"}")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isIn(Reason.SERVER_ERROR, Reason.UNAVAILABLE);
    }

    @Test
    void aSlowTokenEndpointTimesOut() {
        publisher = youtube.publisher(Map.of("youtube.timeout", "1"), clock);
        youtube.server.stubFor(post(TOKEN).willReturn(token(ACCESS_TOKEN, 3599).withFixedDelay(5000)));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aTokenAnswerCutShortIsRetryableAndNotQuoted() {
        youtube.server.stubFor(post(TOKEN).willReturn(json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expi")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(failure).hasMessageContaining("malformed");
    }

    @Test
    void aTokenAnswerWithoutAccessTokenIsRetryable() {
        youtube.server.stubFor(post(TOKEN).willReturn(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599}")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("no access_token");
    }

    @Test
    void aConnectionResetAtTheTokenEndpointIsRetryable() {
        youtube.server.stubFor(post(TOKEN).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void aChannelWithACredentialRefUploadsWithItsOwnRefreshToken() {
        publisher = youtube.publisher(
                Map.of(
                        "youtube.credentials.acme.refresh-token", "1//acme-REFRESH",
                        "youtube.credentials.acme.client-id", "acme-client.apps.googleusercontent.com"),
                clock);
        youtube.server.stubFor(post(TOKEN)
                .withRequestBody(containing("refresh_token=1%2F%2Facme-REFRESH"))
                .willReturn(token(ACCESS_TOKEN, 3599)));
        uploads("up-1", "vid-1");
        Episode episode = new Episode(SIZE);
        episode.platformConfig.put("oauth_credential_ref", "acme");

        publisher.publish(episode.request(), episode.call);

        LoggedRequest request =
                youtube.requests(postRequestedFor(urlPathEqualTo(TOKEN))).get(0);
        assertThat(form(request))
                .containsEntry("refresh_token", "1//acme-REFRESH")
                .containsEntry("client_id", "acme-client.apps.googleusercontent.com")
                .containsEntry("client_secret", CLIENT_SECRET);
    }

    @Test
    void tokensAreKeptPerCredential() {
        publisher = youtube.publisher(Map.of("youtube.credentials.acme.refresh-token", "1//acme-REFRESH"), clock);
        youtube.grantsTokens();
        uploads("up-1", "vid-1");
        Episode acme = new Episode(SIZE);
        acme.platformConfig.put("oauth_credential_ref", "acme");

        Episode acmeAgain = new Episode(SIZE);
        acmeAgain.platformConfig.put("oauth_credential_ref", "acme");

        publisher.publish(acme.request(), acme.call);
        publish();
        publisher.publish(acmeAgain.request(), acmeAgain.call);

        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(TOKEN))))
                .extracting(request -> form(request).get("refresh_token"))
                .containsExactly("1//acme-REFRESH", REFRESH_TOKEN);
    }

    @Test
    void aCredentialRefWithoutItsSettingFailsPermanentlyNamingIt() {
        youtube.grantsTokens();
        Episode episode = new Episode(SIZE);
        episode.platformConfig.put("oauth_credential_ref", "nobody");

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure).hasMessageContaining("'youtube.credentials.nobody.refresh-token'");
        assertThat(youtube.requests(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aMalformedCredentialRefFailsPermanently() {
        Episode episode = new Episode(SIZE);
        episode.platformConfig.put("oauth_credential_ref", "acme.refresh-token");

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("oauth_credential_ref").hasMessageContaining("acme.refresh-token");
    }

    private String publish() {
        Episode episode = new Episode(SIZE);
        return publisher.publish(episode.request(), episode.call).externalId();
    }

    private void uploads(String uploadId, String videoId) {
        youtube.startsSession(uploadId);
        youtube.server.stubFor(YouTubeMock.chunk(uploadId, RANGE).willReturn(YouTubeMock.created(videoId)));
    }

    private int tokenCalls() {
        return youtube.requests(postRequestedFor(urlPathEqualTo(TOKEN))).size();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder authError() {
        return json(
                401,
                "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"errors\":"
                        + "[{\"message\":\"Invalid Credentials\",\"domain\":\"global\",\"reason\":\"authError\","
                        + "\"location\":\"Authorization\",\"locationType\":\"header\"}],\"status\":\"UNAUTHENTICATED\"}}");
    }

    private static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
