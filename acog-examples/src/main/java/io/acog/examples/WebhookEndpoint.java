package io.acog.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.acog.core.ValidationException;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint a host exposes for render providers, as small as it can be: {@code POST
 * /webhooks/{provider}} hands the headers and the raw body to {@link EpisodePipeline#webhook} and
 * answers 204, or the rejection's status (401 unsigned, forged or stale; 409 replayed; 400
 * unreadable), or 404 for a provider the pipeline has no webhooks for. The JDK's HTTP server keeps
 * the demo free of a web framework; in a Spring or Jakarta application the same few lines go in a
 * controller. The body is read whole and never parsed first: the signature covers its exact bytes.
 */
final class WebhookEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);
    /** More than any render event; a larger body is refused unread. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    static final String PATH = "/webhooks/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<EpisodePipeline> pipeline = new AtomicReference<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    private WebhookEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts listening; deliveries are answered 503 until {@link #serve} names the pipeline (the
     * pipeline needs the endpoint's URL before it is built).
     */
    static WebhookEndpoint start(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "acog-demo-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        WebhookEndpoint endpoint = new WebhookEndpoint(server, executor);
        server.createContext(PATH, endpoint::handle);
        server.start();
        return endpoint;
    }

    /** The URL providers call for {@code provider}'s renders, on the address it listens on. */
    URI localUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return URI.create("http://" + host + ":" + address.getPort() + PATH);
    }

    /** From now on, deliveries go to {@code pipeline}. */
    void serve(EpisodePipeline pipeline) {
        this.pipeline.set(Objects.requireNonNull(pipeline, "pipeline"));
    }

    /** How many deliveries were accepted (genuine, whether or not a job waited). */
    int accepted() {
        return accepted.get();
    }

    /** How many deliveries were rejected. */
    int rejected() {
        return rejected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String provider = exchange.getRequestURI().getPath().substring(PATH.length());
            EpisodePipeline target = pipeline.get();
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "POST only");
                return;
            }
            if (target == null) {
                answer(exchange, 503, "not ready");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                answer(exchange, 413, "too large");
                return;
            }
            try {
                boolean woke = target.webhook(provider, new WebhookDelivery(exchange.getRequestHeaders(), body));
                accepted.incrementAndGet();
                LOG.debug("{} webhook accepted; {}", provider, woke ? "a render is checked now" : "no render waited");
                answer(exchange, 204, null);
            } catch (WebhookRejectedException e) {
                rejected.incrementAndGet();
                LOG.warn("{}", e.getMessage());
                answer(exchange, e.reason().httpStatus(), e.reason().name());
            } catch (ValidationException e) {
                rejected.incrementAndGet();
                answer(exchange, 404, "no webhooks for " + provider);
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook delivery failed: {}", e.toString());
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        if (text == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
