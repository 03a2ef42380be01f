package io.acog.providers.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's OAuth token endpoint and YouTube's upload endpoints, served by WireMock as the docs
 * describe them, with the credentials and settings a test publisher uses.
 */
final class YouTubeMock implements AutoCloseable {

    static final String CLIENT_ID = "1234-acog.apps.googleusercontent.com";
    static final String CLIENT_SECRET = "GOCSPX-client-SECRET-value";
    static final String REFRESH_TOKEN = "1//0refresh-TOKEN-secret";
    static final String ACCESS_TOKEN = "ya29.access-TOKEN-secret";
    static final List<String> SECRETS = List.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN);

    static final String VIDEOS = "/upload/youtube/v3/videos";
    static final String THUMBNAILS = "/upload/youtube/v3/thumbnails/set";
    static final String CAPTIONS = "/upload/youtube/v3/captions";
    static final String TOKEN = "/token";

    /** The smallest chunk YouTube takes, so a test video of a few hundred KB has several. */
    static final int CHUNK = 256 * 1024;

    final WireMockServer server;

    YouTubeMock() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    String url() {
        return server.baseUrl();
    }

    /** The settings of a publisher on this mock, with {@code overrides} (null values remove a key). */
    ProviderConfig config(Map<String, String> overrides) {
        return ProviderConfig.of(settings(overrides));
    }

    /** The settings of a publisher on this mock, with {@code overrides}, as a map. */
    Map<String, String> settings(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("youtube.client-id", CLIENT_ID);
        settings.put("youtube.client-secret", CLIENT_SECRET);
        settings.put("youtube.refresh-token", REFRESH_TOKEN);
        settings.put("youtube.token-url", url() + TOKEN);
        settings.put("youtube.base-url", url());
        settings.put("youtube.upload-base-url", url());
        settings.put("youtube.chunk-size", Integer.toString(CHUNK));
        settings.put("youtube.timeout", "10");
        overrides.forEach((key, value) -> {
            if (value == null) {
                settings.remove(key);
            } else {
                settings.put(key, value);
            }
        });
        return settings;
    }

    YouTubePublisher publisher(Map<String, String> overrides, Clock clock) {
        AdapterSettings settings = AdapterSettings.of("youtube", config(overrides));
        return new YouTubePublisher(YouTubeSettings.read(settings).orElseThrow(), settings, clock);
    }

    /** The token endpoint grants {@link #ACCESS_TOKEN} for an hour for the default refresh token. */
    void grantsTokens() {
        server.stubFor(post(TOKEN)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(token(ACCESS_TOKEN, 3599)));
    }

    static ResponseDefinitionBuilder token(String accessToken, int expiresIn) {
        return json(
                200,
                "{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn
                        + ",\"scope\":\"https://www.googleapis.com/auth/youtube.upload\",\"token_type\":\"Bearer\"}");
    }

    /** {@code POST videos?uploadType=resumable} starts session {@code uploadId}. */
    void startsSession(String uploadId) {
        server.stubFor(sessionStart()
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Location", sessionUri(uploadId))
                        .withHeader("X-GUploader-UploadID", uploadId)));
    }

    static MappingBuilder sessionStart() {
        return post(urlPathEqualTo(VIDEOS))
                .withQueryParam("uploadType", equalTo("resumable"))
                .withQueryParam("part", equalTo("snippet,status"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN));
    }

    String sessionUri(String uploadId) {
        return url() + VIDEOS + "?uploadType=resumable&part=snippet,status&upload_id=" + uploadId;
    }

    /** A {@code PUT} to session {@code uploadId} with this {@code Content-Range}. */
    static MappingBuilder chunk(String uploadId, String contentRange) {
        return put(urlPathEqualTo(VIDEOS))
                .withQueryParam("upload_id", equalTo(uploadId))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Range", equalTo(contentRange));
    }

    /**
     * Session {@code uploadId} takes a video of {@code size} bytes in chunks of {@link #CHUNK}:
     * 308 with the Range received after each chunk but the last, 201 with the video after it.
     */
    void takesChunks(String uploadId, int size, String videoId) {
        for (int first = 0; first < size; first += CHUNK) {
            int last = Math.min(first + CHUNK, size) - 1;
            String range = "bytes " + first + "-" + last + "/" + size;
            server.stubFor(
                    chunk(uploadId, range).willReturn(last == size - 1 ? created(videoId) : resumeIncomplete(last)));
        }
    }

    static ResponseDefinitionBuilder resumeIncomplete(long lastByte) {
        return aResponse().withStatus(308).withHeader("Range", "bytes=0-" + lastByte);
    }

    static ResponseDefinitionBuilder created(String videoId) {
        return json(
                201,
                "{\"kind\":\"youtube#video\",\"etag\":\"e\",\"id\":\"" + videoId
                        + "\",\"snippet\":{\"title\":\"t\"},\"status\":{\"uploadStatus\":\"uploaded\","
                        + "\"privacyStatus\":\"private\"}}");
    }

    void setsThumbnails(String videoId) {
        server.stubFor(post(urlPathEqualTo(THUMBNAILS))
                .withQueryParam("videoId", equalTo(videoId))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(json(
                        200,
                        "{\"kind\":\"youtube#thumbnailSetResponse\",\"etag\":\"e\",\"items\":[{\"default\":"
                                + "{\"url\":\"https://i.ytimg.com/vi/" + videoId + "/default.jpg\",\"width\":120,"
                                + "\"height\":90}}]}")));
    }

    void insertsCaptions(String videoId) {
        server.stubFor(post(urlPathEqualTo(CAPTIONS))
                .withQueryParam("part", equalTo("snippet"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(containing("\"videoId\":\"" + videoId + "\""))
                .willReturn(json(
                        200,
                        "{\"kind\":\"youtube#caption\",\"etag\":\"e\",\"id\":\"cap-1\",\"snippet\":{\"videoId\":\""
                                + videoId + "\",\"language\":\"en\",\"name\":\"English\",\"status\":\"serving\"}}")));
    }

    /** YouTube's error document. */
    static ResponseDefinitionBuilder error(int status, String reason, String message) {
        String domain = reason.endsWith("Exceeded") ? "youtube.quota" : "youtube.video";
        return json(
                status,
                "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\""
                        + message + "\",\"domain\":\"" + domain + "\",\"reason\":\"" + reason + "\"}]}}");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    List<LoggedRequest> requests(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        return server.findAll(pattern);
    }

    @Override
    public void close() {
        server.stop();
    }
}
