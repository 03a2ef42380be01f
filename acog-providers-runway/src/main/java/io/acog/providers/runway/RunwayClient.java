package io.acog.providers.runway;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Runway's task API over HTTP: create a text-to-video task, read a task's status, cancel (or
 * delete) a task, and download a finished task's output. Every API request carries {@code
 * Authorization: Bearer <key>} and {@code X-Runway-Version}; the download goes to the signed URL
 * Runway gave, with no credentials. Thread-safe: calls share only the HTTP client.
 */
final class RunwayClient {

    /** What the create call does, as messages name it. */
    static final String CREATE = "text-to-video";

    /** What the status call does. */
    static final String STATUS = "task status";

    /** What the cancel call does. */
    static final String CANCEL = "task cancel";

    /** What the download does. */
    static final String DOWNLOAD = "clip download";

    /** The answer to a status request, as messages name it. */
    static final String TASK_ANSWER = "the task status answer";

    private final ProviderHttp http;
    private final RunwaySettings settings;
    private final String baseUrl;

    RunwayClient(RunwaySettings settings) {
        this.settings = settings;
        this.baseUrl = settings.baseUrl().toString();
        this.http = ProviderHttp.builder(RunwaySettings.NAME)
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.timeout())
                .downloadTimeout(settings.downloadTimeout())
                .secrets(settings.apiKey())
                .build();
    }

    ProviderHttp http() {
        return http;
    }

    /**
     * Creates a task: {@code POST /v1/text_to_video}.
     *
     * @param body the clip's request
     * @return the new task's id
     * @throws ProviderException when Runway refuses, cannot be reached, or answers without an id
     */
    String create(TextToVideoBody body) {
        HttpRequest request = api("/v1/text_to_video")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.json()))
                .build();
        HttpResponse<byte[]> response = http.receive(request, CREATE);
        if (response.statusCode() / 100 != 2) {
            throw RunwayErrors.classify(http, response, CREATE, "the text-to-video endpoint");
        }
        JsonNode answer = JsonBodies.object(http, response.body(), "the text-to-video answer");
        JsonNode id = answer.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw JsonBodies.malformed(http, "the text-to-video answer", "it has no task id");
        }
        return id.asText();
    }

    /**
     * Reads a task's status: {@code GET /v1/tasks/{id}}.
     *
     * @param taskId the task
     * @return its status
     * @throws ProviderException when the request fails or the answer is not the documented JSON
     */
    TaskStatus status(String taskId) {
        HttpRequest request = api(task(taskId)).GET().build();
        HttpResponse<byte[]> response = http.receive(request, STATUS);
        if (response.statusCode() / 100 != 2) {
            throw RunwayErrors.classify(http, response, STATUS, "task " + taskId);
        }
        return TaskStatus.parse(http, response.body());
    }

    /**
     * Cancels a task that has not ended: {@code DELETE /v1/tasks/{id}}. (On a task that has ended,
     * the same request deletes it and its output: callers check its status first.)
     *
     * @param taskId the task
     * @return false when Runway has no such task (any more)
     * @throws ProviderException when the request fails otherwise
     */
    boolean cancel(String taskId) {
        HttpRequest request = api(task(taskId)).DELETE().build();
        HttpResponse<byte[]> response = http.receive(request, CANCEL);
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() / 100 != 2) {
            throw RunwayErrors.classify(http, response, CANCEL, "task " + taskId);
        }
        return true;
    }

    /**
     * Downloads a finished task's output into a temporary file, under {@code
     * runway.download-timeout}, as {@link ProviderHttp#downloadMp4} does: without credentials (the
     * URL is signed), checked to be an MP4. Every failure is retryable: the next poll asks Runway
     * for the task again, and so gets a fresh URL (a 403 or 404 from the CDN usually means the
     * signed URL expired).
     *
     * @param output the signed URL Runway gave; never named in a message beyond its path
     * @param fileName the clip's file name
     * @return the clip; closing it deletes the file
     * @throws ProviderException (retryable) when the download fails, stalls, times out or is not an
     *     MP4
     */
    FileMedia download(URI output, String fileName) {
        return http.downloadMp4(output, fileName, DOWNLOAD);
    }

    private HttpRequest.Builder api(String path) {
        return http.request(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + settings.apiKey().reveal())
                .header("X-Runway-Version", settings.apiVersion())
                .header("Accept", "application/json");
    }

    private static String task(String taskId) {
        return "/v1/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
