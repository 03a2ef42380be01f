package io.acog.providers.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from refresh tokens, Google's OAuth 2.0 way: {@code POST token-url} with the form
 * {@code grant_type=refresh_token&refresh_token&client_id&client_secret}, answered by {@code
 * {access_token, expires_in, token_type}}. A token is kept per credential and used until 60 s
 * before it expires; concurrent callers that find it stale refresh it once between them.
 * Thread-safe.
 */
final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    /** A token is refreshed this long before it expires, so no request carries one about to die. */
    static final Duration EARLY = Duration.ofSeconds(60);

    /** Google's access tokens live an hour; assumed when a response does not say. */
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private static final String WHAT = "the OAuth token refresh";

    private final ProviderHttp http;
    private final YouTubeErrors errors;
    private final URI tokenUrl;
    private final Clock clock;
    private final ConcurrentMap<Key, Slot> slots = new ConcurrentHashMap<>();

    AccessTokens(ProviderHttp http, YouTubeErrors errors, URI tokenUrl, Clock clock) {
        this.http = http;
        this.errors = errors;
        this.tokenUrl = tokenUrl;
        this.clock = clock;
    }

    /** An access token and when to stop using it. Its {@code toString} shows no secret. */
    record AccessToken(Secret value, Instant refreshAfter) {}

    /** Tokens are kept per OAuth client and refresh token. */
    private record Key(String clientId, Secret clientSecret, Secret refreshToken) {}

    /**
     * Returns a usable access token for {@code credential}: the kept one, or a fresh one when it
     * is about to expire.
     *
     * @param credential the credentials
     * @return the token
     * @throws ProviderException when the refresh fails (see {@link YouTubeErrors#tokenFailure})
     */
    AccessToken current(Credential credential) {
        return slot(credential).current();
    }

    /**
     * Returns a token other than {@code rejected}, which the API refused (HTTP 401): refreshed,
     * unless another caller has refreshed it meanwhile.
     *
     * @param credential the credentials
     * @param rejected the token the API refused
     * @return a fresh token
     * @throws ProviderException when the refresh fails
     */
    AccessToken replace(Credential credential, AccessToken rejected) {
        return slot(credential).replace(rejected);
    }

    private Slot slot(Credential credential) {
        return slots.computeIfAbsent(
                new Key(credential.clientId(), credential.clientSecret(), credential.refreshToken()),
                key -> new Slot(credential));
    }

    /** One credential's token; refreshing holds its lock, so waiting callers take the result. */
    private final class Slot {

        private final Credential credential;
        private AccessToken token;

        Slot(Credential credential) {
            this.credential = credential;
        }

        synchronized AccessToken current() {
            if (token == null || !clock.instant().isBefore(token.refreshAfter())) {
                token = refresh(credential);
            }
            return token;
        }

        synchronized AccessToken replace(AccessToken rejected) {
            if (token == null || token.equals(rejected) || !clock.instant().isBefore(token.refreshAfter())) {
                token = refresh(credential);
            }
            return token;
        }
    }

    private AccessToken refresh(Credential credential) {
        String form = "grant_type=refresh_token"
                + "&refresh_token=" + encode(credential.refreshToken().reveal())
                + "&client_id=" + encode(credential.clientId())
                + "&client_secret=" + encode(credential.clientSecret().reveal());
        HttpRequest request = http.request(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray(), WHAT);
        if (response.statusCode() / 100 != 2) {
            throw errors.tokenFailure(response, credential);
        }
        AccessToken token = parse(response.body());
        LOG.debug("YouTube access token refreshed for {}", credential.refreshTokenKey());
        return token;
    }

    /** Reads the token; a body that cannot be read is never quoted, as it may hold the token. */
    private AccessToken parse(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw malformed("it is not a JSON object (" + (body == null ? 0 : body.length) + " bytes)");
        }
        String value = node.path("access_token").asText("");
        if (!node.path("access_token").isTextual() || value.isBlank()) {
            throw malformed("it has no access_token");
        }
        JsonNode expiresIn = node.path("expires_in");
        long lifetime = expiresIn.isNumber() || expiresIn.isTextual()
                ? expiresIn.asLong(DEFAULT_LIFETIME_SECONDS)
                : DEFAULT_LIFETIME_SECONDS;
        Instant refreshAfter = clock.instant().plusSeconds(lifetime).minus(EARLY);
        return new AccessToken(new Secret(value), refreshAfter);
    }

    private ProviderException malformed(String problem) {
        return ProviderException.retryable(
                YouTubeSettings.NAME, Reason.SERVER_ERROR, "the OAuth token response is malformed: " + problem, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
