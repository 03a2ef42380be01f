package io.acog.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter gets from {@link ProviderHttp}: the whole answer within the timeout, statuses
 * and transport failures classified, Retry-After read, secrets scrubbed. Downloads are {@link
 * ProviderHttpDownloadTest}'s.
 */
class ProviderHttpTest {

    private static final Secret KEY = new Secret("sk-test-abcdefghijklmnop");

    private HttpServer server;
    private String base;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/half", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            OutputStream body = exchange.getResponseBody();
            body.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
            body.flush();
            try {
                release.await(30, TimeUnit.SECONDS); // stalls mid-body until the test is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/limited", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            byte[] body = ("{\"error\":\"slow down, " + KEY.reveal() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/ok", exchange -> {
            byte[] body = "{\"fine\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private ProviderHttp http(Duration timeout) {
        return ProviderHttp.builder("test").requestTimeout(timeout).secrets(KEY).build();
    }

    @Test
    void anAnswerThatStallsMidBodyTimesOutWithinTheRequestTimeout() {
        ProviderHttp http = http(Duration.ofSeconds(1));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> http.exchange(http.request(URI.create(base + "/half")).build(), "reading"));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("reading failed", "/half", "no whole answer within PT1S");
    }

    @Test
    void aWholeAnswerIsReturnedWithItsStatusAndHeaders() {
        ProviderHttp http = http(Duration.ofSeconds(30));

        var response = http.exchange(http.request(URI.create(base + "/ok")).build(), "reading");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ProviderHttp.text(response.body())).isEqualTo("{\"fine\":true}");
        assertThat(response.headers().firstValue("content-length")).contains("13");
    }

    @Test
    void aRateLimitCarriesItsRetryAfterAndTheProvidersWordsWithoutTheSecret() {
        ProviderHttp http = http(Duration.ofSeconds(30));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> http.exchange(
                        http.request(URI.create(base + "/limited?key=" + KEY.reveal()))
                                .build(),
                        "asking"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("HTTP 429", "slow down").doesNotContain(KEY.reveal());
    }

    @Test
    void anAnswerIsReturnedWholeWhateverItsStatusForTheAdapterToClassify() {
        ProviderHttp http = http(Duration.ofSeconds(30));

        var response = http.receive(http.request(URI.create(base + "/limited")).build(), "asking");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).contains("7");
        assertThat(ProviderHttp.text(response.body())).startsWith("{\"error\":\"slow down");
    }

    @Test
    void anAnswerOfAnyStatusThatStallsMidBodyTimesOutToo() {
        ProviderHttp http = http(Duration.ofSeconds(1));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> http.receive(http.request(URI.create(base + "/half")).build(), "reading"));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(ProviderHttp.retryAfter("2.5", now)).contains(Duration.ofMillis(2500));
        assertThat(ProviderHttp.retryAfter("Sun, 06 Dec 2026 10:01:00 GMT", now))
                .contains(Duration.ofMinutes(1));
        assertThat(ProviderHttp.retryAfter("Sun, 06 Dec 2026 09:00:00 GMT", now))
                .contains(Duration.ZERO);
        assertThat(ProviderHttp.retryAfter("soon", now)).isEmpty();
    }

    @Test
    void aServerThatIsNotThereIsUnavailableAndRetryable() {
        ProviderHttp http = http(Duration.ofSeconds(30));
        server.stop(0);

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> http.exchange(http.request(URI.create(base + "/ok")).build(), "reading"));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }
}
