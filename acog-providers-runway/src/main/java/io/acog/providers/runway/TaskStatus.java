package io.acog.providers.runway;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What {@code GET /v1/tasks/{id}} answered: {@code {id, createdAt, status, progress, output,
 * failure, failureCode}}, the fields of the status it is in.
 *
 * @param state where the task stands
 * @param progress how far along it is, from 0 to 1 (Runway reports it while RUNNING; 0 otherwise)
 * @param output the first URL of {@code output} when SUCCEEDED (signed, expiring in 24 to 48 hours:
 *     a secret while it lives); null otherwise
 * @param failure the reason in words when FAILED; null otherwise
 * @param failureCode the machine-readable code when FAILED, e.g. {@code SAFETY.INPUT.TEXT}; null
 *     when absent
 */
record TaskStatus(State state, double progress, URI output, String failure, String failureCode) {

    /** A task's {@code status}. */
    enum State {
        /** Queued at Runway. */
        PENDING,
        /** Over the account's concurrency: queued at Runway until a running task ends. */
        THROTTLED,
        /** Generating. */
        RUNNING,
        /** Done: its output is ready. */
        SUCCEEDED,
        /** Given up on; {@code failureCode} says why. */
        FAILED,
        /** Cancelled, or deleted. */
        CANCELLED;

        /** Whether the task has ended, and will not change again. */
        boolean ended() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * Reads a status answer.
     *
     * @param http for the name and secrets in messages
     * @param body the answer's body
     * @return the status
     * @throws io.acog.spi.ProviderException (retryable) when the answer is not the documented JSON,
     *     names a status Runway does not document, or succeeded without an output URL
     */
    static TaskStatus parse(ProviderHttp http, byte[] body) {
        JsonNode task = JsonBodies.object(http, body, RunwayClient.TASK_ANSWER);
        String status = task.path("status").asText("");
        State state;
        try {
            state = State.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonBodies.malformed(
                    http,
                    RunwayClient.TASK_ANSWER,
                    "its status is '" + http.excerpt(status) + "', which is none of "
                            + Arrays.toString(State.values()));
        }
        double progress =
                task.path("progress").isNumber() ? task.path("progress").asDouble() : 0;
        progress = Double.isNaN(progress) ? 0 : Math.max(0, Math.min(1, progress));
        URI output = state == State.SUCCEEDED ? output(http, task.get("output")) : null;
        return new TaskStatus(state, progress, output, text(task.get("failure")), text(task.get("failureCode")));
    }

    private static URI output(ProviderHttp http, JsonNode output) {
        JsonNode first = output != null && output.isArray() && !output.isEmpty() ? output.get(0) : null;
        if (first == null || !first.isTextual()) {
            throw JsonBodies.malformed(http, RunwayClient.TASK_ANSWER, "it SUCCEEDED without an output URL");
        }
        try {
            URI uri = new URI(first.asText());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, without quoting the URL: it is signed
        }
        throw JsonBodies.malformed(http, RunwayClient.TASK_ANSWER, "its output is not an http(s) URL");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /** Leaves the output URL out: it is signed. */
    @Override
    public String toString() {
        return "TaskStatus[" + state + ", progress " + progress + (output == null ? "" : ", output ready")
                + (failureCode == null ? "" : ", " + failureCode) + "]";
    }
}
