package io.acog.providers.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;

/**
 * JSON for provider adapters: one configured mapper, and bodies parsed with a clean, retryable
 * error when a provider (or a proxy in front of it) answers with something that is not the JSON it
 * documents.
 */
public final class JsonBodies {

    /** A mapper that ignores fields it does not know, as providers add fields without notice. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonBodies() {}

    /**
     * Parses a body the provider documents as a JSON object.
     *
     * @param http the provider's HTTP support, for its name and secrets
     * @param body the body
     * @param what what answered, for the message, e.g. {@code "the with-timestamps response"}
     * @return the object
     * @throws ProviderException (retryable, {@link Reason#SERVER_ERROR}) when the body is not a JSON
     *     object
     */
    public static JsonNode object(ProviderHttp http, byte[] body, String what) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw malformed(http, what, "it is not JSON (" + http.excerpt(ProviderHttp.text(body)) + ")");
        }
        if (node == null || !node.isObject()) {
            throw malformed(http, what, "it is not a JSON object (" + http.excerpt(ProviderHttp.text(body)) + ")");
        }
        return node;
    }

    /**
     * Returns the failure for a body that is not what the provider documents.
     *
     * @param http the provider's HTTP support
     * @param what what answered
     * @param problem what is wrong with it
     * @return the exception (retryable: such answers are mostly a broken proxy or a cut connection)
     */
    public static ProviderException malformed(ProviderHttp http, String what, String problem) {
        return ProviderException.retryable(
                http.provider(), Reason.SERVER_ERROR, http.scrub(what + " is malformed: " + problem), null);
    }
}
