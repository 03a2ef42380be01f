package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the four mocks share: how a server is set up, JSON in and out, the journal read in order. */
final class MockHttp {

    /** Reads and writes the providers' JSON. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private MockHttp() {}

    /** Starts a WireMock server that logs only its errors, with the mock's extensions. */
    static WireMockServer start(Listen listen, Extension... extensions) {
        WireMockConfiguration config = wireMockConfig()
                .bindAddress(listen.host())
                .notifier(new ConsoleNotifier(false))
                .gzipDisabled(true)
                .extensions(extensions);
        if (listen.port() == 0) {
            config.dynamicPort();
        } else {
            config.port(listen.port());
        }
        if (listen.journalEntries() >= 0) {
            config.maxRequestJournalEntries(listen.journalEntries());
        }
        WireMockServer server = new WireMockServer(config);
        server.start();
        return server;
    }

    /**
     * The URL a client reaches a server by: its bound address (the local host for a wildcard), not
     * WireMock's {@code localhost}, which may resolve to an address the server does not listen on.
     */
    static String baseUrl(Listen listen, WireMockServer server) {
        String host = listen.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + server.port();
    }

    /** The requests a server received, oldest first (WireMock's journal lists the newest first). */
    static List<LoggedRequest> requests(WireMockServer server) {
        List<LoggedRequest> requests = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            requests.add(event.getRequest());
        }
        Collections.reverse(requests);
        return requests;
    }

    /** A JSON answer. */
    static ResponseDefinition json(int status, JsonNode body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString())
                .build();
    }

    /**
     * Reads a JSON body.
     *
     * @return the JSON, or null when the body is not JSON
     */
    static JsonNode readJson(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The path of a request's URL, without its query. */
    static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** A URL's query parameters; one without a value ({@code ?uploads}) maps to the empty string. */
    static Map<String, String> query(String url) {
        int at = url.indexOf('?');
        return at < 0 ? Map.of() : form(url.substring(at + 1));
    }

    /**
     * Reads {@code a=1&b=2}, percent-decoded; of a name given twice, the first value.
     *
     * @return the values by name, in order
     */
    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        int from = 0;
        while (from <= encoded.length()) {
            int end = encoded.indexOf('&', from);
            String pair = encoded.substring(from, end < 0 ? encoded.length() : end);
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            }
            if (end < 0) {
                break;
            }
            from = end + 1;
        }
        return values;
    }
}
