package io.acog.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirects: followed by default, returned as they are when turned off (Google's 308). */
class ProviderHttpRedirectsTest {

    private HttpServer server;
    private String base;
    private URI resumeIncomplete;

    @BeforeEach
    void serveA308WithoutLocation() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/upload", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Range", "bytes=0-99");
            exchange.sendResponseHeaders(308, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/target");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        resumeIncomplete = URI.create(base + "/upload");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aClientThatFollowsNoRedirectsReturnsA308AsItIs() {
        ProviderHttp http = ProviderHttp.builder("test")
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<byte[]> response = http.send(
                http.request(resumeIncomplete)
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray(),
                "a status query");

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Range")).hasValue("bytes=0-99");
    }

    @Test
    void byDefaultRedirectsAreFollowed() {
        ProviderHttp http = ProviderHttp.builder("test").build();

        HttpResponse<byte[]> response = http.send(
                http.request(URI.create(base + "/moved")).build(), HttpResponse.BodyHandlers.ofByteArray(), "a GET");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.uri().getPath()).isEqualTo("/target");
    }

    @Test
    void aClientThatFollowsNoRedirectsReturnsTheRedirect() {
        ProviderHttp http = ProviderHttp.builder("test")
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<byte[]> response = http.send(
                http.request(URI.create(base + "/moved")).build(), HttpResponse.BodyHandlers.ofByteArray(), "a GET");

        assertThat(response.statusCode()).isEqualTo(302);
    }
}
