package io.acog.providers.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * What YouTube's and Google's OAuth errors mean for the pipeline. The Data API answers {@code
 * {"error": {"code", "message", "errors": [{"reason", "domain", "message"}]}}}; the reason decides
 * before the status:
 *
 * <ul>
 *   <li>{@code quotaExceeded}, {@code dailyLimitExceeded}: the project's daily quota is spent; the
 *       job waits until midnight Pacific time, when it resets, without spending an attempt;
 *   <li>{@code uploadLimitExceeded}: the channel uploaded as many videos as YouTube allows in 24
 *       hours; the job waits 24 hours (YouTube's advice), without spending an attempt;
 *   <li>{@code rateLimitExceeded}, {@code userRateLimitExceeded}, HTTP 429: retryable {@link
 *       Reason#RATE_LIMITED}, after the {@code Retry-After} if one is given;
 *   <li>other 401 and 403 ({@code forbidden}, {@code insufficientPermissions}, {@code
 *       youtubeSignupRequired}, ...): permanent {@link Reason#AUTHENTICATION};
 *   <li>400 ({@code invalidTitle}, {@code invalidDescription}, {@code invalidTags}, {@code
 *       invalidCategoryId}, {@code invalidPublishAt}, ...): permanent {@link Reason#INVALID_REQUEST};
 *   <li>404 ({@code videoNotFound}): permanent {@link Reason#NOT_FOUND};
 *   <li>5xx and the rest: retryable, as {@link ProviderHttp#failure} classifies them.
 * </ul>
 *
 * <p>Every message names the reason and YouTube's message, scrubbed of the call's secrets (the
 * client secret, the refresh token and the access token). Thread-safe.
 */
final class YouTubeErrors {

    /** YouTube's quota day begins at midnight Pacific time. */
    static final ZoneId QUOTA_DAY = ZoneId.of("America/Los_Angeles");

    private static final Set<String> DAILY_QUOTA = Set.of("quotaExceeded", "dailyLimitExceeded");
    private static final String UPLOAD_LIMIT = "uploadLimitExceeded";
    private static final Duration UPLOAD_LIMIT_WINDOW = Duration.ofHours(24);
    private static final Set<String> RATE_LIMIT = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    private final ProviderHttp http;
    private final Clock clock;

    YouTubeErrors(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * Classifies a Data API response that is not a success.
     *
     * @param response the response
     * @param what what the call did, e.g. {@code "videos.insert"}
     * @param credential the credentials the call used, scrubbed from the message
     * @param accessToken the access token the call used, scrubbed from the message
     * @return the exception, to throw
     */
    ProviderException apiFailure(
            HttpResponse<byte[]> response, String what, Credential credential, Secret accessToken) {
        int status = response.statusCode();
        ApiError error = ApiError.parse(response.body());
        String detail = credential.scrub(error.describe(http), accessToken);
        String message = http.message(response.request(), what, "HTTP " + status, detail);
        String reason = error.reason();
        if (DAILY_QUOTA.contains(reason)) {
            Instant reset = nextQuotaDay();
            return ProviderException.quotaExhaustedUntil(
                    YouTubeSettings.NAME,
                    message + "; YouTube's daily quota is spent until it resets at midnight Pacific time (" + reset
                            + ")",
                    reset);
        }
        if (UPLOAD_LIMIT.equals(reason)) {
            Instant later = clock.instant().plus(UPLOAD_LIMIT_WINDOW);
            return ProviderException.quotaExhaustedUntil(
                    YouTubeSettings.NAME,
                    message + "; the channel uploaded as many videos as YouTube allows in 24 hours: trying again at "
                            + later,
                    later);
        }
        if (RATE_LIMIT.contains(reason) || status == 429) {
            return ProviderException.retryable(
                    YouTubeSettings.NAME,
                    Reason.RATE_LIMITED,
                    message,
                    http.retryAfter(response.headers()).orElse(null));
        }
        return switch (status) {
            case 401 ->
                ProviderException.permanent(
                        YouTubeSettings.NAME,
                        Reason.AUTHENTICATION,
                        message + "; YouTube refused a freshly refreshed access token for "
                                + credential.refreshTokenKey()
                                + ": re-authorise the channel with the youtube.upload scope");
            case 403 ->
                ProviderException.permanent(
                        YouTubeSettings.NAME,
                        Reason.AUTHENTICATION,
                        message + "; the account of " + credential.refreshTokenKey()
                                + " may not do this (a channel that exists, the youtube.upload scope)");
            case 400 -> ProviderException.permanent(YouTubeSettings.NAME, Reason.INVALID_REQUEST, message);
            case 404 -> ProviderException.permanent(YouTubeSettings.NAME, Reason.NOT_FOUND, message);
            default -> http.failure(response, what, detail);
        };
    }

    /**
     * Classifies a token endpoint's response that is not a success ({@code {"error",
     * "error_description"}}, RFC 6749): {@code invalid_grant} (the refresh token is expired or
     * revoked) and {@code invalid_client} or {@code unauthorized_client} (the OAuth client is
     * wrong) are permanent {@link Reason#AUTHENTICATION} failures naming the settings to fix;
     * other 4xx permanent, 408, 429 and 5xx retryable.
     *
     * @param response the token endpoint's response
     * @param credential the credentials refreshed
     * @return the exception, to throw
     */
    ProviderException tokenFailure(HttpResponse<byte[]> response, Credential credential) {
        String what = "the OAuth token refresh";
        int status = response.statusCode();
        TokenError error = TokenError.parse(response.body());
        String detail = credential.scrub(error.describe(http));
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            String message = http.message(response.request(), what, "HTTP " + status, detail);
            if ("invalid_grant".equals(error.error())) {
                return ProviderException.permanent(
                        YouTubeSettings.NAME,
                        Reason.AUTHENTICATION,
                        message + "; the refresh token in provider setting '" + credential.refreshTokenKey()
                                + "' is expired or revoked: re-authorise the channel (Google's consent screen,"
                                + " scope youtube.upload) and set the new refresh token there. Refresh tokens of"
                                + " an OAuth app in \"Testing\" status expire after 7 days.");
            }
            if ("invalid_client".equals(error.error()) || "unauthorized_client".equals(error.error())) {
                return ProviderException.permanent(
                        YouTubeSettings.NAME,
                        Reason.AUTHENTICATION,
                        message + "; Google does not accept the OAuth client: check provider settings '"
                                + credential.clientIdKey() + "' and '" + credential.clientSecretKey()
                                + "' (the refresh token must have been granted to that client)");
            }
            return ProviderException.permanent(YouTubeSettings.NAME, Reason.AUTHENTICATION, message);
        }
        return http.failure(response, what, detail);
    }

    /**
     * Returns when YouTube's quota resets next: the coming midnight in Pacific time.
     *
     * @return the instant of the next midnight in {@code America/Los_Angeles}
     */
    Instant nextQuotaDay() {
        LocalDate today = LocalDate.now(clock.withZone(QUOTA_DAY));
        return today.plusDays(1).atStartOfDay(QUOTA_DAY).toInstant();
    }

    /** The Data API's error: its first reason and its message; both empty when the body has none. */
    record ApiError(String reason, String message, String body) {

        static ApiError parse(byte[] body) {
            JsonNode error = readTree(body).path("error");
            String reason = error.path("errors").path(0).path("reason").asText("");
            String message = error.path("message").asText("");
            if (message.isEmpty()) {
                message = error.path("errors").path(0).path("message").asText("");
            }
            return new ApiError(reason, message, ProviderHttp.text(body));
        }

        /** {@code reason: message}, or an excerpt of the body when it is not the documented JSON. */
        String describe(ProviderHttp http) {
            if (reason.isEmpty() && message.isEmpty()) {
                return http.excerpt(body);
            }
            return reason.isEmpty() ? message : message.isEmpty() ? reason : reason + ": " + message;
        }
    }

    /** An OAuth error: {@code error} and {@code error_description}. */
    record TokenError(String error, String description, String body) {

        static TokenError parse(byte[] body) {
            JsonNode node = readTree(body);
            return new TokenError(
                    node.path("error").isTextual() ? node.path("error").asText() : "",
                    node.path("error_description").asText(""),
                    ProviderHttp.text(body));
        }

        String describe(ProviderHttp http) {
            if (error.isEmpty()) {
                return http.excerpt(body);
            }
            return description.isEmpty() ? error : error + ": " + description;
        }
    }

    private static JsonNode readTree(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
