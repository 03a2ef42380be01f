package io.acog.providers.youtube;

import io.acog.providers.http.ProviderHttp;
import io.acog.providers.youtube.AccessTokens.AccessToken;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Authorised calls to the Data API: each request carries the credential's access token, and a
 * {@code 401} (a token revoked or expired early) refreshes the token once and sends the request
 * again. Responses that are neither a success nor a status the caller handles are classified by
 * {@link YouTubeErrors}. Thread-safe.
 */
final class YouTubeClient {

    private final ProviderHttp http;
    private final AccessTokens tokens;
    private final YouTubeErrors errors;

    YouTubeClient(ProviderHttp http, AccessTokens tokens, YouTubeErrors errors) {
        this.http = http;
        this.tokens = tokens;
        this.errors = errors;
    }

    /**
     * Sends a request with the credential's access token.
     *
     * @param credential the credentials to call with
     * @param request makes the request, without its {@code Authorization}; called again for the
     *     second send after a 401, so its body can be read again
     * @param what what the call does, for messages, e.g. {@code "videos.insert"}
     * @param handled statuses besides 2xx the caller handles itself (a 308 of a resumable upload)
     * @return the response: 2xx, or a status {@code handled} accepts
     * @throws io.acog.spi.ProviderException when the call fails, classified by {@link YouTubeErrors}
     */
    HttpResponse<byte[]> send(
            Credential credential, Supplier<HttpRequest.Builder> request, String what, IntPredicate handled) {
        AccessToken token = tokens.current(credential);
        HttpResponse<byte[]> response = send(request, token, what);
        if (response.statusCode() == 401) {
            token = tokens.replace(credential, token);
            response = send(request, token, what);
        }
        int status = response.statusCode();
        if (status / 100 == 2 || handled.test(status)) {
            return response;
        }
        throw errors.apiFailure(response, what, credential, token.value());
    }

    /**
     * Sends a request, accepting only a 2xx answer.
     *
     * @param credential the credentials to call with
     * @param request makes the request, without its {@code Authorization}
     * @param what what the call does, for messages
     * @return the response, 2xx
     * @throws io.acog.spi.ProviderException when the call fails
     */
    HttpResponse<byte[]> send(Credential credential, Supplier<HttpRequest.Builder> request, String what) {
        return send(credential, request, what, status -> false);
    }

    /** The provider's HTTP support, for its request builder, JSON and messages. */
    ProviderHttp http() {
        return http;
    }

    private HttpResponse<byte[]> send(Supplier<HttpRequest.Builder> request, AccessToken token, String what) {
        HttpRequest built = request.get()
                .header("Authorization", "Bearer " + token.value().reveal())
                .build();
        return http.send(built, HttpResponse.BodyHandlers.ofByteArray(), what);
    }
}
