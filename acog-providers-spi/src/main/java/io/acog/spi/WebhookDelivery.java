package io.acog.spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One POST a provider sent to a host's webhook endpoint, as received: its headers and its raw body.
 * Signatures are made over the exact bytes sent, so hand over the body before any JSON parsing.
 *
 * @param headers the request's headers; names are matched ignoring case
 * @param body the raw request body
 */
public record WebhookDelivery(Map<String, List<String>> headers, byte[] body) {

    /**
     * Copies the headers (keyed by lower-case name) and the body.
     *
     * @param headers the request's headers; null becomes none
     * @param body the raw request body
     * @throws NullPointerException when {@code body} is null
     */
    public WebhookDelivery {
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                            .addAll(values.stream().filter(Objects::nonNull).toList());
                }
            });
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /**
     * Makes a delivery of single-valued headers and a UTF-8 body, as tests and mocks build them.
     *
     * @param headers the headers, one value each
     * @param body the body
     * @return the delivery
     */
    public static WebhookDelivery of(Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new TreeMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new WebhookDelivery(multi, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header's name, in any case
     * @return its first value, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns a copy of the raw body.
     *
     * @return the body's bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Returns the body as UTF-8 text.
     *
     * @return the body
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Names the headers and the body's length only: signatures are not for logs. */
    @Override
    public String toString() {
        return "WebhookDelivery[headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookDelivery that
                && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * headers.hashCode() + java.util.Arrays.hashCode(body);
    }
}
