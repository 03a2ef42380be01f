package io.acog.testkit.providers;

import com.sun.net.httpserver.HttpServer;
import io.acog.providers.http.AdapterSettings;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.providers.http.ReplayGuard;
import io.acog.providers.http.WebhookSignatures;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.Secret;
import io.acog.spi.Usage;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.spi.WebhookRejectedException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small content writer over HTTP, with a service double and a plugin, for testing the provider
 * kit: it plans by asking {@code POST /plan}. A {@link Flaw} makes it break one of the kit's rules.
 */
final class ToyWriter implements ContentWriter, RenderWebhooks {

    /** A rule the writer breaks. */
    enum Flaw {
        NONE,
        LEAKS_KEY,
        IGNORES_RETRY_AFTER,
        NO_TIMEOUT,
        CALLS_A_MALFORMED_ANSWER_PERMANENT,
        ACCEPTS_ANY_SIGNATURE,
        FORGETS_DELIVERIES,
        IGNORES_TIMESTAMPS
    }

    /** The flaw writers made from settings get; set by the test that runs the kit. */
    static volatile Flaw flaw = Flaw.NONE;

    private final ProviderHttp http;
    private final URI base;
    private final Secret key;
    private final Flaw mine;
    private final Secret webhookSecret;
    private final ReplayGuard replays;

    ToyWriter(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of("toy", config);
        this.webhookSecret = settings.secret("webhook-secret").orElse(null);
        this.replays = new ReplayGuard("toy", Duration.ofMinutes(5), java.time.Clock.systemUTC());
        this.key = settings.secret("api-key").orElseThrow();
        this.base = settings.url("base-url", "https://toy.invalid");
        this.mine = flaw;
        this.http = ProviderHttp.builder("toy")
                .requestTimeout(
                        mine == Flaw.NO_TIMEOUT
                                ? Duration.ofMinutes(10)
                                : settings.duration("timeout", Duration.ofSeconds(30)))
                .secrets(key)
                .build();
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public Plan plan(PlanRequest request, ProviderCall call) {
        HttpResponse<byte[]> response;
        try {
            response = http.exchange(
                    http.request(base.resolve(base.getPath() + "/plan"))
                            .header("Authorization", "Bearer " + key.reveal())
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    "planning");
        } catch (ProviderException e) {
            if (mine == Flaw.LEAKS_KEY) {
                throw ProviderException.permanent("toy", e.reason(), e.getMessage() + " with key " + key.reveal());
            }
            if (mine == Flaw.IGNORES_RETRY_AFTER && e.retryAfter().isPresent()) {
                throw ProviderException.retryable("toy", e.reason(), e.getMessage(), null);
            }
            throw e;
        }
        Map<String, Object> plan;
        try {
            plan = JsonBodies.MAPPER.convertValue(
                    JsonBodies.object(http, response.body(), "the plan"),
                    JsonBodies.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        } catch (ProviderException e) {
            if (mine == Flaw.CALLS_A_MALFORMED_ANSWER_PERMANENT) {
                throw ProviderException.permanent("toy", ProviderException.Reason.INVALID_REQUEST, e.getMessage());
            }
            throw e;
        }
        return new Plan(plan, "toy-1", Usage.cost(new BigDecimal("0.0100")).withTokens(10, 0, 20));
    }

    /**
     * The toy's webhooks: {@code toy-timestamp} (epoch seconds) and {@code toy-signature}, the hex
     * HMAC-SHA256 of {@code "<timestamp>.<body>"}; the body is the id of the render that ended.
     */
    @Override
    public java.util.Optional<WebhookEvent> receive(WebhookDelivery delivery) {
        if (webhookSecret == null) {
            throw new WebhookRejectedException("toy", WebhookRejectedException.Reason.NOT_CONFIGURED, "no secret");
        }
        String timestamp = delivery.header("toy-timestamp").orElse(null);
        String signature = delivery.header("toy-signature").orElse(null);
        if (timestamp == null || signature == null) {
            throw new WebhookRejectedException("toy", WebhookRejectedException.Reason.UNSIGNED, "no signature");
        }
        byte[] expected = WebhookSignatures.hmacSha256(
                webhookSecret.reveal().getBytes(StandardCharsets.UTF_8),
                WebhookSignatures.utf8(timestamp + "."),
                delivery.body());
        if (mine != Flaw.ACCEPTS_ANY_SIGNATURE && !WebhookSignatures.matchesHex(expected, signature)) {
            throw new WebhookRejectedException("toy", WebhookRejectedException.Reason.BAD_SIGNATURE, "no match");
        }
        if (mine != Flaw.FORGETS_DELIVERIES) {
            java.time.Instant sentAt = mine == Flaw.IGNORES_TIMESTAMPS
                    ? java.time.Instant.now()
                    : java.time.Instant.ofEpochSecond(Long.parseLong(timestamp));
            replays.admit(sentAt, signature);
        }
        return java.util.Optional.of(new WebhookEvent(delivery.bodyText(), "ended"));
    }

    /** Signs a delivery as the toy's service does. */
    static WebhookDelivery signed(String secret, String taskId, java.time.Instant sentAt) {
        String timestamp = String.valueOf(sentAt.getEpochSecond());
        String signature = java.util.HexFormat.of()
                .formatHex(WebhookSignatures.hmacSha256(
                        secret.getBytes(StandardCharsets.UTF_8),
                        WebhookSignatures.utf8(timestamp + "."),
                        WebhookSignatures.utf8(taskId)));
        return WebhookDelivery.of(Map.of("toy-timestamp", timestamp, "toy-signature", signature), taskId);
    }

    @Override
    public Script script(ScriptRequest request, ProviderCall call) {
        throw new UnsupportedOperationException("the toy only plans");
    }

    @Override
    public Review review(ReviewRequest request, ProviderCall call) {
        throw new UnsupportedOperationException("the toy only plans");
    }

    @Override
    public Metadata metadata(MetadataRequest request, ProviderCall call) {
        throw new UnsupportedOperationException("the toy only plans");
    }

    /** The toy's plugin: registers it when {@code toy.api-key} is set. */
    public static final class Plugin implements ProviderPlugin {

        @Override
        public String name() {
            return "toy";
        }

        @Override
        public void register(ProviderConfig config, ProviderRegistry registry) {
            if (config.get("toy.api-key").isPresent()) {
                registry.contentWriter(new ToyWriter(config));
            }
        }
    }

    /** The toy's service: answers {@code POST /plan} as told, recording the requests. */
    static final class Service implements AutoCloseable {

        private final HttpServer server;
        final List<ProviderTck.RecordedRequest> requests = new CopyOnWriteArrayList<>();
        private volatile Answer answer = new Answer(200, "{\"hook\":\"a hook\"}", Map.of(), Duration.ZERO, false);

        record Answer(int status, String body, Map<String, String> headers, Duration delay, boolean cut) {}

        Service() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/plan", exchange -> {
                requests.add(new ProviderTck.RecordedRequest(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders()));
                Answer now = answer;
                try {
                    Thread.sleep(now.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
                now.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(now.status(), now.cut() ? body.length + 1000 : body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body);
                out.flush();
                exchange.close(); // short of the length promised when the answer is cut
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void answer(Answer next) {
            requests.clear();
            answer = next;
        }

        List<ProviderTck.RecordedRequest> requests() {
            return new ArrayList<>(requests);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
