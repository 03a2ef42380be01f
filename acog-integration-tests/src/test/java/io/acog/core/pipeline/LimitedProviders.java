package io.acog.core.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.acog.core.Acog;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderLimits;
import io.acog.spi.Publisher;
import io.acog.spi.VoiceSynthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Providers with declared limits, for {@link ProviderLimitsTest}: a voice that asks a service over
 * HTTP before it speaks (the service counts the requests it holds at once), and a publisher limited
 * to a few uploads a day. Both delegate the real work to the offline providers.
 */
final class LimitedProviders {

    /** The voice's limit of calls in flight. */
    static final int VOICE_CALLS_IN_FLIGHT = 2;

    private LimitedProviders() {}

    /**
     * A pipeline whose voice, named {@code voiceName}, is limited to {@link #VOICE_CALLS_IN_FLIGHT}
     * calls in flight and asks {@code service} first, saying it is {@code caller}.
     */
    static EpisodePipeline pipeline(
            Acog acog, Path storage, String voiceName, URI service, String caller, Publisher publisher) {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline.Builder builder = EpisodePipeline.builder(acog)
                .voiceSynthesizer(new AskingVoice(voiceName, offline.voiceSynthesizer(), service, caller));
        if (publisher != null) {
            builder.publisher(publisher);
        }
        return offline.installInto(builder)
                .assetStorage(new LocalFileStorage(storage))
                .providerLimitWait(Duration.ofMillis(300))
                .build();
    }

    /** A voice limited to a few calls in flight, that asks an HTTP service before it speaks. */
    static final class AskingVoice implements VoiceSynthesizer {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final String name;
        private final VoiceSynthesizer delegate;
        private final URI service;
        private final String caller;

        AskingVoice(String name, VoiceSynthesizer delegate, URI service, String caller) {
            this.name = name;
            this.delegate = delegate;
            this.service = service;
            this.caller = caller;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ProviderLimits limits() {
            return ProviderLimits.none().withConcurrentRequests(VOICE_CALLS_IN_FLIGHT);
        }

        @Override
        public Speech synthesize(SpeechRequest request, ProviderCall call) {
            try {
                HttpResponse<String> answer = HTTP.send(
                        HttpRequest.newBuilder(service)
                                .header("X-Caller", caller)
                                .header("X-Episode", call.episodeId().toString())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw ProviderException.retryable(
                            name, ProviderException.Reason.SERVER_ERROR, "HTTP " + answer.statusCode(), null);
                }
            } catch (IOException e) {
                throw ProviderException.retryable(name, ProviderException.Reason.UNAVAILABLE, e.toString(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderException.retryable(name, ProviderException.Reason.UNAVAILABLE, "interrupted", null);
            }
            return delegate.synthesize(request, call);
        }
    }

    /** A publisher limited to a number of uploads a day. */
    static final class DailyPublisher implements Publisher {

        private final String name;
        private final Publisher delegate;
        private final ProviderLimits limits;

        DailyPublisher(String name, Publisher delegate, ProviderLimits limits) {
            this.name = name;
            this.delegate = delegate;
            this.limits = limits;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ProviderLimits limits() {
            return limits;
        }

        @Override
        public Publication publish(PublishRequest request, ProviderCall call) {
            return delegate.publish(request, call);
        }
    }

    /**
     * An HTTP service that counts the requests it holds at once: each is held until one more than
     * the limit is in flight (which a kept limit never lets happen) or a while has passed, so that
     * calls pile up here unless something keeps them apart.
     */
    static final class CountingService implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final Object lock = new Object();
        private final int limit;
        private final Duration hold;
        private int inFlight;
        private int most;
        final List<String> callers = new CopyOnWriteArrayList<>();
        final List<String> episodes = new CopyOnWriteArrayList<>();

        CountingService(int limit, Duration hold) {
            this.limit = limit;
            this.hold = hold;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(threads);
            server.createContext("/speak", exchange -> {
                callers.add(exchange.getRequestHeaders().getFirst("X-Caller"));
                episodes.add(exchange.getRequestHeaders().getFirst("X-Episode"));
                synchronized (lock) {
                    inFlight++;
                    most = Math.max(most, inFlight);
                    lock.notifyAll();
                    long deadline = System.nanoTime() + hold.toNanos();
                    try {
                        long left;
                        while (inFlight <= limit && (left = deadline - System.nanoTime()) > 0) {
                            TimeUnit.NANOSECONDS.timedWait(lock, left);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight--; // before answering: the caller's call is not over until it has the answer
                    }
                }
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/speak");
        }

        /** The most requests held at once. */
        int most() {
            synchronized (lock) {
                return most;
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
