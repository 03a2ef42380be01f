package io.acog.providers.http;

import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider's HTTP calls on the JDK's {@link HttpClient}, with what every REST adapter needs
 * done once: a connect timeout and a timeout on every request, transport failures (timeouts,
 * refused or reset connections, a body cut short) turned into retryable {@link
 * ProviderException}s, statuses classified by their usual meaning, {@code Retry-After} read, the
 * adapter's secrets kept out of every message it makes, and a render's finished video downloaded
 * from its expiring link ({@link #downloadMp4}). Thread-safe; make one per adapter and keep it.
 *
 * <p>Messages name the call ({@code what}) and the request's path, never its query (signed URLs
 * carry credentials there) nor a header.
 */
public final class ProviderHttp {

    /** How much of an error body a message quotes, in characters. */
    public static final int EXCERPT = 300;

    private final String provider;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final List<String> secrets;
    private final Clock clock;
    private final MediaDownload download;

    private ProviderHttp(Builder builder) {
        this.provider = builder.provider;
        this.requestTimeout = builder.requestTimeout;
        this.secrets = List.copyOf(builder.secrets);
        this.clock = builder.clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(builder.redirects)
                .build();
        this.download = new MediaDownload(this, builder.downloadTimeout);
    }

    /**
     * Starts the HTTP support of the provider named {@code provider}.
     *
     * @param provider the provider's name, as its exceptions name it
     * @return a builder with a 10 s connect timeout, a 60 s request timeout and a 10 min download
     *     timeout
     */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /**
     * Returns the provider's name.
     *
     * @return the name its exceptions carry
     */
    public String provider() {
        return provider;
    }

    /**
     * Returns how long a request may take unless it sets its own timeout.
     *
     * @return the request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Starts a request to {@code uri} with the request timeout set; the caller adds its method,
     * headers and body.
     *
     * @param uri where the request goes
     * @return the request's builder
     */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    /**
     * Sends a request and returns its response, whatever its status.
     *
     * @param request the request
     * @param body how to read the response's body
     * @param what what the call does, for messages, e.g. {@code "text-to-speech"}
     * @param <T> the body's type
     * @return the response
     * @throws ProviderException (retryable) when the request times out, the server cannot be
     *     reached, or the connection fails before the whole body is read
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String what) {
        try {
            return client.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.retryable(
                    provider, Reason.UNAVAILABLE, what + " was interrupted (" + where(request) + ")", null);
        } catch (IOException e) {
            throw transportFailure(request, what, e);
        }
    }

    /**
     * Sends a request and returns its body as bytes when its status is 2xx. The whole answer, its
     * body read to the end, must come within the request's timeout (the JDK client's own timeout
     * stops once the headers arrive).
     *
     * @param request the request
     * @param what what the call does, for messages
     * @return the response, with a 2xx status
     * @throws ProviderException when it fails, classified by {@link #failure}
     */
    public HttpResponse<byte[]> exchange(HttpRequest request, String what) {
        HttpResponse<byte[]> response = receive(request, what);
        if (response.statusCode() / 100 != 2) {
            throw failure(response, what, text(response.body()));
        }
        return response;
    }

    /**
     * Sends a request and returns its response whatever its status, its body read to the end
     * within the request's timeout, as {@link #exchange} does. For an adapter that reads its
     * provider's error answers itself (a documented error code in the body, a quota header on a
     * 429) before falling back on {@link #failure}.
     *
     * @param request the request
     * @param what what the call does, for messages
     * @return the response, with any status
     * @throws ProviderException (retryable) when the request times out, headers or body, the server
     *     cannot be reached, or the connection fails before the whole body is read
     */
    public HttpResponse<byte[]> receive(HttpRequest request, String what) {
        Duration timeout = request.timeout().orElse(requestTimeout);
        long started = System.nanoTime();
        HttpResponse<InputStream> streamed = send(request, HttpResponse.BodyHandlers.ofInputStream(), what);
        // the client's timeout ends with the headers: the body is read under a deadline of its own
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        InputStream body = streamed.body();
        ReadDeadline deadline = ReadDeadline.arm(body, left.isNegative() ? Duration.ZERO : left);
        byte[] bytes;
        try (body;
                deadline) {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            if (deadline.fired()) {
                throw ProviderException.retryable(
                        provider,
                        Reason.TIMEOUT,
                        message(request, what, "no whole answer within " + timeout, null),
                        null);
            }
            throw transportFailure(request, what, e);
        }
        return new ReadResponse(streamed, bytes);
    }

    /**
     * Downloads a provider's finished video (a render's MP4, from a time-limited link on its CDN)
     * into a temporary file, streamed, never held in memory: the whole transfer, headers and body,
     * within the {@linkplain Builder#downloadTimeout download timeout}, not the request timeout. The
     * request is a GET made here with an {@code Accept} header only, so the link's host gets no API
     * key nor any other header of the provider's API. Redirects are followed as the client's policy says.
     *
     * <p>Every failure is retryable, since the provider hands out a fresh link when asked again: a
     * refused or expired link (any 4xx but 408 and 429) is {@link Reason#UNAVAILABLE}; 408 is
     * {@link Reason#TIMEOUT}, 429 {@link Reason#RATE_LIMITED}, 5xx as {@link #failure} says, each
     * with its {@code Retry-After}; a stall past the timeout is {@link Reason#TIMEOUT}; a cut
     * connection {@link Reason#UNAVAILABLE}; a file that does not begin with an MP4's {@code ftyp}
     * box (an HTML error page served with a 200, an empty body) {@link Reason#SERVER_ERROR}.
     * Messages name the link's host and path, never its query (where signed links carry their
     * credentials) nor what the CDN answered, but for the first eight bytes, printable ones only, of
     * a file that is not an MP4. The file is deleted when the download fails, and when the returned
     * media is closed; its name begins with {@code acog-<provider>-download-}.
     *
     * @param link the video's link, an absolute http(s) URL
     * @param fileName the media's file name, with its extension, e.g. {@code "clip.mp4"}
     * @param what what is downloaded, for messages, e.g. {@code "the download of video 42"}
     * @return the video in a temporary file, of type {@code video/mp4}; closing it deletes the file
     * @throws ProviderException (retryable) when the download fails or is not an MP4
     * @throws IllegalArgumentException when the link is not an http(s) URL
     * @throws java.io.UncheckedIOException when the temporary file cannot be written
     */
    public FileMedia downloadMp4(URI link, String fileName, String what) {
        return download.mp4(link, fileName, what);
    }

    /** A response whose body was read in full. */
    private record ReadResponse(HttpResponse<InputStream> streamed, byte[] body) implements HttpResponse<byte[]> {

        @Override
        public int statusCode() {
            return streamed.statusCode();
        }

        @Override
        public HttpRequest request() {
            return streamed.request();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return streamed.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return streamed.sslSession();
        }

        @Override
        public URI uri() {
            return streamed.uri();
        }

        @Override
        public HttpClient.Version version() {
            return streamed.version();
        }
    }

    /**
     * Classifies a response that is not a success by its status, the usual meaning: 400, 405, 409,
     * 413 and 422 an invalid request, 401 and 403 refused credentials, 402 exhausted credit, 404
     * not found (all permanent); 408 a timeout; 429 a rate limit (with its {@code Retry-After});
     * 5xx the provider's failure; others a server error. All but the permanent ones are retryable.
     * An adapter classifies its provider's documented error codes first and calls this for the
     * rest.
     *
     * @param response the response
     * @param what what the call did, for the message
     * @param detail what the provider said (its error's message or an excerpt of the body); scrubbed
     *     of secrets and cut to {@value #EXCERPT} characters
     * @return the exception, to throw
     */
    public ProviderException failure(HttpResponse<?> response, String what, String detail) {
        int status = response.statusCode();
        String message = message(response.request(), what, "HTTP " + status, detail);
        return switch (status) {
            case 400, 405, 409, 413, 415, 422 -> ProviderException.permanent(provider, Reason.INVALID_REQUEST, message);
            case 401, 403 -> ProviderException.permanent(provider, Reason.AUTHENTICATION, message);
            case 402 -> ProviderException.permanent(provider, Reason.QUOTA_EXHAUSTED, message);
            case 404, 410 -> ProviderException.permanent(provider, Reason.NOT_FOUND, message);
            case 408 ->
                ProviderException.retryable(
                        provider,
                        Reason.TIMEOUT,
                        message,
                        retryAfter(response.headers()).orElse(null));
            case 429 ->
                ProviderException.retryable(
                        provider,
                        Reason.RATE_LIMITED,
                        message,
                        retryAfter(response.headers()).orElse(null));
            case 502, 503, 504 ->
                ProviderException.retryable(
                        provider,
                        Reason.UNAVAILABLE,
                        message,
                        retryAfter(response.headers()).orElse(null));
            default ->
                ProviderException.retryable(
                        provider,
                        Reason.SERVER_ERROR,
                        message,
                        retryAfter(response.headers()).orElse(null));
        };
    }

    /**
     * Makes a message for a failed call: what it did, where, what went wrong and what the provider
     * said, scrubbed of secrets.
     *
     * @param request the request, whose method and path (not query) are named
     * @param what what the call did
     * @param problem what went wrong, e.g. {@code "HTTP 422"}
     * @param detail what the provider said; null or blank for nothing
     * @return the message
     */
    public String message(HttpRequest request, String what, String problem, String detail) {
        String said = detail == null || detail.isBlank() ? "" : ": " + excerpt(detail);
        return scrub(what + " failed (" + where(request) + "): " + problem + said);
    }

    /**
     * Reads how long the provider asks to wait: {@code retry-after-ms}, else {@code Retry-After}
     * in seconds (a fraction allowed) or as an HTTP date.
     *
     * @param headers the response's headers
     * @return the wait, or empty when none is given or it cannot be read
     */
    public Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(
                        Math.max(0, (long) Double.parseDouble(millis.get().trim()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return headers.firstValue("retry-after").flatMap(value -> retryAfter(value, clock.instant()));
    }

    /**
     * Reads a {@code Retry-After} value: seconds (a fraction allowed) or an HTTP date.
     *
     * @param value the header's value
     * @param now the time now, for a date
     * @return the wait, never negative, or empty when it cannot be read
     */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /**
     * Replaces every secret this adapter holds by {@code ***}.
     *
     * @param text any text; null stays null
     * @return the text without the secrets
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "***");
        }
        return scrubbed;
    }

    /**
     * Cuts a provider's text to {@value #EXCERPT} characters on one line, scrubbed of secrets.
     *
     * @param text the text
     * @return the excerpt
     */
    public String excerpt(String text) {
        String line = scrub(text).replaceAll("\\s+", " ").trim();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }

    /**
     * Decodes a body as UTF-8.
     *
     * @param body the body; null becomes empty
     * @return the text
     */
    public static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The request's method and URL without its query and fragment. */
    static String where(HttpRequest request) {
        URI uri = request.uri();
        return request.method() + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
    }

    /** A failure of the connection, classified: every one is retryable. */
    ProviderException transportFailure(HttpRequest request, String what, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return ProviderException.retryable(
                    provider,
                    Reason.UNAVAILABLE,
                    message(request, what, "no connection within the timeout", null),
                    null);
        }
        if (e instanceof HttpTimeoutException || e instanceof InterruptedIOException) {
            return ProviderException.retryable(
                    provider,
                    Reason.TIMEOUT,
                    message(
                            request,
                            what,
                            "no answer within " + request.timeout().orElse(requestTimeout),
                            null),
                    null);
        }
        if (e instanceof ConnectException) {
            return ProviderException.retryable(
                    provider, Reason.UNAVAILABLE, message(request, what, "cannot connect", null), null);
        }
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ProviderException.retryable(
                provider,
                Reason.UNAVAILABLE,
                message(request, what, "the connection failed (" + cause + ")", null),
                null);
    }

    /** Settings of a {@link ProviderHttp}. */
    public static final class Builder {

        private final String provider;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration downloadTimeout = Duration.ofMinutes(10);
        private final List<String> secrets = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private HttpClient.Redirect redirects = HttpClient.Redirect.NORMAL;

        private Builder(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /**
         * Sets how long connecting may take.
         *
         * @param timeout the connect timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets how long a request may take until its response's headers arrive, unless the
         * request sets its own.
         *
         * @param timeout the request timeout, positive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /**
         * Sets how long {@link ProviderHttp#downloadMp4} may take, from the request to the
         * video's last byte: a video of hundreds of MB takes far longer than an API call, and a
         * download that stalls must still end.
         *
         * @param timeout the download timeout, positive
         * @return this builder
         */
        public Builder downloadTimeout(Duration timeout) {
            this.downloadTimeout = positive("downloadTimeout", timeout);
            return this;
        }

        /**
         * Names secrets the adapter holds, to be kept out of every message.
         *
         * @param secrets the secrets; nulls are skipped
         * @return this builder
         */
        public Builder secrets(Secret... secrets) {
            for (Secret secret : secrets) {
                if (secret != null && !secret.reveal().isEmpty()) {
                    this.secrets.add(secret.reveal());
                }
            }
            return this;
        }

        /**
         * Sets the clock a {@code Retry-After} date is measured from.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets which redirects the client follows; by default {@link HttpClient.Redirect#NORMAL}
         * (all but HTTPS to HTTP). Set {@link HttpClient.Redirect#NEVER} for a protocol that gives
         * a 3xx a meaning of its own: Google's resumable uploads answer {@code 308} ("resume
         * incomplete") without a {@code Location}, which a following client fails as an invalid
         * redirection instead of returning it.
         *
         * @param policy the redirects to follow
         * @return this builder
         */
        public Builder followRedirects(HttpClient.Redirect policy) {
            this.redirects = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds it.
         *
         * @return the HTTP support
         */
        public ProviderHttp build() {
            return new ProviderHttp(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
            }
            return value;
        }
    }
}
