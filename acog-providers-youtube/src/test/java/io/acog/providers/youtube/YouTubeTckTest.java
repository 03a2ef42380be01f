package io.acog.providers.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.youtube.YouTubeMock.ACCESS_TOKEN;
import static io.acog.providers.youtube.YouTubeMock.CLIENT_SECRET;
import static io.acog.providers.youtube.YouTubeMock.REFRESH_TOKEN;
import static io.acog.providers.youtube.YouTubeMock.TOKEN;
import static io.acog.providers.youtube.YouTubeMock.VIDEOS;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Publisher;
import io.acog.spi.Publisher.Publication;
import io.acog.spi.Publisher.PublishRequest;
import io.acog.spi.Usage;
import io.acog.testkit.providers.ProviderTck;
import io.acog.testkit.providers.TestProviderCall;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider kit against the YouTube publisher and a WireMock double of YouTube: one video of a
 * single chunk per call, its session started by {@code videos.insert}; the documented failures are
 * {@code videos.insert}'s.
 */
class YouTubeTckTest extends ProviderTck<Publisher, Publication> {

    private static final int SIZE = 1000;
    private static final String RANGE = "bytes 0-999/1000";

    private static YouTubeMock youtube;

    @BeforeAll
    static void startYouTube() {
        youtube = new YouTubeMock();
    }

    @AfterAll
    static void stopYouTube() {
        youtube.close();
    }

    @Override
    protected Map<String, String> settings(Duration timeout) {
        return youtube.settings(Map.of("youtube.timeout", timeout.toString()));
    }

    /** The client secret and the tokens; {@code youtube.token-url} is named for a token, but is an address. */
    @Override
    protected Set<String> secrets() {
        return Set.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN);
    }

    @Override
    protected Publisher provider(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of("youtube", config);
        return new YouTubePublisher(YouTubeSettings.read(settings).orElseThrow(), settings, Clock.systemUTC());
    }

    @Override
    protected Publication call(Publisher provider, TestProviderCall call) throws Exception {
        URI video =
                call.storage().store("episodes/tck/video.mp4", Media.ofBytes("video.mp4", "video/mp4", new byte[SIZE]));
        ChannelBrief channel =
                new ChannelBrief("TCK", "testing", null, null, null, null, Map.of("platform", "youtube"));
        return provider.publish(
                new PublishRequest(
                        channel,
                        video,
                        "A test upload",
                        "",
                        List.of("test"),
                        "27",
                        Publisher.Privacy.PRIVATE,
                        null,
                        false,
                        true,
                        null,
                        null,
                        "en",
                        Map.of()),
                call);
    }

    @Override
    protected String stage() {
        return "upload";
    }

    @Override
    protected Usage usage(Publication result) {
        return result.usage();
    }

    @Override
    protected boolean stopsWhenCancelled() {
        return true;
    }

    @Override
    protected List<DocumentedFailure> documentedFailures() {
        return List.of(
                DocumentedFailure.retryable("403 quotaExceeded", Reason.QUOTA_EXHAUSTED),
                DocumentedFailure.retryable("403 dailyLimitExceeded", Reason.QUOTA_EXHAUSTED),
                DocumentedFailure.retryable("400 uploadLimitExceeded", Reason.QUOTA_EXHAUSTED),
                DocumentedFailure.retryable("403 rateLimitExceeded", Reason.RATE_LIMITED),
                DocumentedFailure.retryable("403 userRateLimitExceeded", Reason.RATE_LIMITED),
                DocumentedFailure.retryable("429 rateLimitExceeded", Reason.RATE_LIMITED),
                DocumentedFailure.permanent("403 forbidden", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("403 insufficientPermissions", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("403 youtubeSignupRequired", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("401 authError", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("400 invalidTitle", Reason.INVALID_REQUEST),
                DocumentedFailure.permanent("400 invalidDescription", Reason.INVALID_REQUEST),
                DocumentedFailure.permanent("400 invalidTags", Reason.INVALID_REQUEST),
                DocumentedFailure.permanent("400 invalidCategoryId", Reason.INVALID_REQUEST),
                DocumentedFailure.permanent("400 invalidPublishAt", Reason.INVALID_REQUEST),
                DocumentedFailure.retryable("500 backendError", Reason.SERVER_ERROR),
                DocumentedFailure.retryable("503 backendError", Reason.UNAVAILABLE),
                DocumentedFailure.permanent("token 400 invalid_grant", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("token 401 invalid_client", Reason.AUTHENTICATION),
                DocumentedFailure.retryable("token 503", Reason.UNAVAILABLE));
    }

    @Override
    protected void serviceSucceeds() {
        youtube.server.resetAll();
        youtube.grantsTokens();
        youtube.startsSession("up-tck");
        youtube.server.stubFor(YouTubeMock.chunk("up-tck", RANGE).willReturn(YouTubeMock.created("vid-tck")));
    }

    @Override
    protected void serviceFails(DocumentedFailure failure) {
        youtube.server.resetAll();
        String[] parts = failure.name().split(" ", -1);
        if (parts[0].equals("token")) {
            int status = Integer.parseInt(parts[1]);
            String body = parts.length > 2
                    ? "{\"error\":\"" + parts[2] + "\",\"error_description\":\"Refused.\"}"
                    : "{\"error\":\"backend_error\"}";
            youtube.server.stubFor(post(TOKEN).willReturn(YouTubeMock.json(status, body)));
            return;
        }
        youtube.grantsTokens();
        youtube.server.stubFor(YouTubeMock.sessionStart()
                .willReturn(YouTubeMock.error(Integer.parseInt(parts[0]), parts[1], "YouTube says no: " + parts[1])));
    }

    @Override
    protected void serviceRateLimits(Duration retryAfter) {
        youtube.server.resetAll();
        youtube.grantsTokens();
        youtube.server.stubFor(YouTubeMock.sessionStart()
                .willReturn(YouTubeMock.error(429, "rateLimitExceeded", "Rate Limit Exceeded")
                        .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))));
    }

    @Override
    protected void serviceStalls(Duration delay) {
        youtube.server.resetAll();
        youtube.grantsTokens();
        youtube.server.stubFor(YouTubeMock.sessionStart()
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Location", youtube.sessionUri("up-tck"))
                        .withFixedDelay((int) delay.toMillis())));
    }

    @Override
    protected void serviceAnswersMalformed() {
        youtube.server.resetAll();
        youtube.grantsTokens();
        youtube.startsSession("up-tck");
        youtube.server.stubFor(
                put(urlPathEqualTo(VIDEOS)).willReturn(YouTubeMock.json(201, "{\"kind\":\"youtube#video\",")));
    }

    @Override
    protected void serviceResetsConnection() {
        youtube.server.resetAll();
        youtube.grantsTokens();
        youtube.startsSession("up-tck");
        youtube.server.stubFor(put(urlPathEqualTo(VIDEOS))
                .willReturn(aResponse().withStatus(201).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    }

    @Override
    protected List<RecordedRequest> requests() {
        List<RecordedRequest> requests = new ArrayList<>();
        for (ServeEvent event : youtube.server.getAllServeEvents()) { // newest first
            LoggedRequest request = event.getRequest();
            Map<String, List<String>> headers = new HashMap<>();
            request.getHeaders().all().forEach(header -> headers.put(header.key(), header.values()));
            requests.add(0, new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers));
        }
        return requests;
    }
}
