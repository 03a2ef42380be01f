package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's OAuth token endpoint and YouTube's upload endpoints, served locally and keeping what
 * they are sent:
 *
 * <ul>
 *   <li>{@code POST /token} with {@code grant_type=refresh_token} and the mock's client id, client
 *       secret and refresh token grants an access token for an hour; other credentials get 400
 *       {@code invalid_grant} or 401 {@code invalid_client}, as Google answers them;
 *   <li>{@code POST /upload/youtube/v3/videos?uploadType=resumable} with the video resource starts a
 *       session ({@code 200}, its URI in {@code Location});
 *   <li>{@code PUT} of a session with {@code Content-Range: bytes a-b/total} appends the chunk and
 *       answers {@code 308} with {@code Range: bytes=0-n} until the last byte is in, then {@code 201}
 *       with the video resource and its new id; {@code Content-Range: bytes *}{@code /total} asks
 *       how far it got. A chunk that does not start where the session stands is not taken: the
 *       {@code 308} says where to go on from;
 *   <li>{@code POST /upload/youtube/v3/thumbnails/set?videoId=} and {@code POST
 *       /upload/youtube/v3/captions} (a {@code multipart/related} body naming the video) are taken
 *       for a video the mock holds.
 * </ul>
 *
 * <p>Every API call needs a token the mock granted ({@code Authorization: Bearer …}), else 401.
 * Videos, thumbnails and captions are kept in memory and can be read back ({@link #video}).
 * Thread-safe.
 */
public final class YouTubeMock implements AutoCloseable {

    /** The OAuth client id the mock accepts: a dummy. */
    public static final String CLIENT_ID = "mock-client-id.apps.googleusercontent.com";

    /** The OAuth client secret the mock accepts: a dummy. */
    public static final String CLIENT_SECRET = "mock-client-secret";

    /** The refresh token the mock accepts: a dummy. */
    public static final String REFRESH_TOKEN = "mock-refresh-token";

    /** Where a published video is watched; the id is the mock's. */
    public static final String WATCH_URL = "https://www.youtube.com/watch?v=";

    private static final String TOKEN = "/token";
    private static final String VIDEOS = "/upload/youtube/v3/videos";
    private static final String THUMBNAILS = "/upload/youtube/v3/thumbnails/set";
    private static final String CAPTIONS = "/upload/youtube/v3/captions";
    private static final Pattern CHUNK_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern STATUS_RANGE = Pattern.compile("bytes \\*/(\\d+)");
    private static final Pattern VIDEO_ID = Pattern.compile("\"videoId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final WireMockServer server;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong tokensGranted = new AtomicLong();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<String> sessionIds = new CopyOnWriteArrayList<>();
    private final Map<String, Video> videos = new ConcurrentHashMap<>();

    private YouTubeMock(Listen listen) {
        this.server = MockHttp.start(listen, new Google());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Google.NAME)));
    }

    /**
     * Starts the mock.
     *
     * @param listen where it listens
     * @return the running mock
     */
    public static YouTubeMock start(Listen listen) {
        return new YouTubeMock(listen);
    }

    /**
     * Returns the settings that point the YouTube adapter at this mock: the OAuth client, the
     * refresh token, the token endpoint and the API's roots.
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of(
                "youtube.client-id",
                CLIENT_ID,
                "youtube.client-secret",
                CLIENT_SECRET,
                "youtube.refresh-token",
                REFRESH_TOKEN,
                "youtube.token-url",
                baseUrl + TOKEN,
                "youtube.base-url",
                baseUrl,
                "youtube.upload-base-url",
                baseUrl);
    }

    /**
     * Returns the upload sessions started, oldest first.
     *
     * @return their ids
     */
    public List<String> sessions() {
        return List.copyOf(sessionIds);
    }

    /**
     * Returns a video the mock holds.
     *
     * @param videoId the id the mock gave it
     * @return the video, or empty when there is none of that id
     */
    public Optional<Video> video(String videoId) {
        return Optional.ofNullable(videos.get(videoId));
    }

    /**
     * Returns the ids of the videos uploaded, completely.
     *
     * @return the ids
     */
    public Set<String> videoIds() {
        return Set.copyOf(videos.keySet());
    }

    /**
     * Returns where the mock is reached, e.g. {@code http://127.0.0.1:8080}.
     *
     * @return the URL, without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the WireMock server, for a test to read its journal.
     *
     * @return the server
     */
    public WireMockServer server() {
        return server;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    /**
     * A video uploaded to the mock, with the thumbnail and captions set on it. Immutable: its
     * accessors return copies.
     */
    public static final class Video {

        private final String id;
        private final JsonNode resource;
        private final String contentType;
        private final byte[] bytes;
        private final byte[] thumbnail;
        private final List<byte[]> captions;

        private Video(
                String id,
                JsonNode resource,
                String contentType,
                byte[] bytes,
                byte[] thumbnail,
                List<byte[]> captions) {
            this.id = id;
            this.resource = resource;
            this.contentType = contentType;
            this.bytes = bytes;
            this.thumbnail = thumbnail;
            this.captions = List.copyOf(captions);
        }

        /**
         * Returns the id the mock gave the video.
         *
         * @return the id
         */
        public String id() {
            return id;
        }

        /**
         * Returns the video resource its upload session started with ({@code snippet}, {@code status}).
         *
         * @return a copy of the resource
         */
        public JsonNode resource() {
            return resource.deepCopy();
        }

        /**
         * Returns the type its session announced ({@code X-Upload-Content-Type}).
         *
         * @return the MIME type
         */
        public String contentType() {
            return contentType;
        }

        /**
         * Returns the file uploaded.
         *
         * @return a copy of its bytes
         */
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * Returns the thumbnail set on the video.
         *
         * @return a copy of the image, or empty when none was set
         */
        public Optional<byte[]> thumbnail() {
            return Optional.ofNullable(thumbnail).map(byte[]::clone);
        }

        /**
         * Returns the caption tracks added to the video, oldest first.
         *
         * @return each request's whole {@code multipart/related} body (the snippet, then the file)
         */
        public List<String> captions() {
            return captions.stream()
                    .map(track -> new String(track, StandardCharsets.UTF_8))
                    .toList();
        }

        Video withThumbnail(byte[] image) {
            return new Video(id, resource, contentType, bytes, image, captions);
        }

        Video withCaptions(byte[] track) {
            List<byte[]> all = new ArrayList<>(captions);
            all.add(track);
            return new Video(id, resource, contentType, bytes, thumbnail, all);
        }
    }

    /** A resumable upload in progress. */
    private static final class Session {
        final JsonNode resource;
        final long total;
        final String contentType;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        String videoId;

        Session(JsonNode resource, long total, String contentType) {
            this.resource = resource;
            this.total = total;
            this.contentType = contentType;
        }
    }

    /** Answers every request by its path. */
    private final class Google implements ResponseDefinitionTransformerV2 {

        static final String NAME = "youtube";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = MockHttp.path(request.getUrl());
            RequestMethod method = request.getMethod();
            if (path.equals(TOKEN) && method.equals(RequestMethod.POST)) {
                return token(request);
            }
            boolean known = path.equals(VIDEOS) || path.equals(THUMBNAILS) || path.equals(CAPTIONS);
            if (!known) {
                return error(
                        404,
                        "notFound",
                        "The mock serves " + TOKEN + ", " + VIDEOS + ", " + THUMBNAILS + " and " + CAPTIONS + ", not "
                                + method + " " + path);
            }
            String authorization = request.getHeader("Authorization");
            if (authorization == null
                    || !authorization.startsWith("Bearer ")
                    || !accessTokens.contains(authorization.substring("Bearer ".length()))) {
                return error(401, "authError", "Request had invalid authentication credentials.");
            }
            Map<String, String> query = MockHttp.query(request.getUrl());
            if (path.equals(VIDEOS) && method.equals(RequestMethod.POST)) {
                return startSession(request, query);
            }
            if (path.equals(VIDEOS) && method.equals(RequestMethod.PUT)) {
                return chunk(request, query);
            }
            if (path.equals(THUMBNAILS) && method.equals(RequestMethod.POST)) {
                return thumbnail(request, query);
            }
            if (path.equals(CAPTIONS) && method.equals(RequestMethod.POST)) {
                return captions(request);
            }
            return error(405, "methodNotAllowed", method + " is not served on " + path);
        }

        private ResponseDefinition token(Request request) {
            Map<String, String> form = MockHttp.form(request.getBodyAsString());
            if (!"refresh_token".equals(form.get("grant_type"))) {
                return oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
            }
            if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
                return oauthError(401, "invalid_client", "The OAuth client was not found.");
            }
            if (!REFRESH_TOKEN.equals(form.get("refresh_token"))) {
                return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
            }
            String token = "mock-access-token-" + tokensGranted.incrementAndGet();
            accessTokens.add(token);
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("access_token", token)
                    .put("expires_in", 3599)
                    .put("scope", "https://www.googleapis.com/auth/youtube.upload")
                    .put("token_type", "Bearer");
            return MockHttp.json(200, json);
        }

        private ResponseDefinition startSession(Request request, Map<String, String> query) {
            if (!"resumable".equals(query.get("uploadType"))) {
                return error(400, "badRequest", "The mock takes resumable uploads only (uploadType=resumable)");
            }
            JsonNode resource = MockHttp.readJson(request.getBody());
            if (resource == null
                    || resource.path("snippet").path("title").asText("").isBlank()) {
                return error(400, "invalidTitle", "The request metadata specifies an invalid or empty video title.");
            }
            String length = request.getHeader("X-Upload-Content-Length");
            long total;
            try {
                total = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return error(400, "badRequest", "X-Upload-Content-Length is not a number: " + length);
            }
            String type = request.getHeader("X-Upload-Content-Type");
            String id = "mock-upload-" + randomId(16);
            sessions.put(id, new Session(resource, total, type == null ? "video/*" : type));
            sessionIds.add(id);
            return aResponse()
                    .withStatus(200)
                    .withHeader(
                            "Location", baseUrl + VIDEOS + "?uploadType=resumable&part=snippet,status&upload_id=" + id)
                    .withHeader("X-GUploader-UploadID", id)
                    .build();
        }

        private ResponseDefinition chunk(Request request, Map<String, String> query) {
            Session session = sessions.get(query.getOrDefault("upload_id", ""));
            if (session == null) {
                return error(404, "notFound", "No upload session " + query.get("upload_id"));
            }
            synchronized (session) {
                String range = request.getHeader("Content-Range");
                byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
                if (range != null && STATUS_RANGE.matcher(range.trim()).matches()) {
                    return session.videoId != null ? created(200, videos.get(session.videoId)) : incomplete(session);
                }
                long first;
                long total;
                if (range == null) {
                    first = 0;
                    total = body.length;
                } else {
                    Matcher matcher = CHUNK_RANGE.matcher(range.trim());
                    if (!matcher.matches()) {
                        return error(400, "badRequest", "Content-Range is not bytes a-b/total: " + range);
                    }
                    first = Long.parseLong(matcher.group(1));
                    total = Long.parseLong(matcher.group(3));
                    if (Long.parseLong(matcher.group(2)) - first + 1 != body.length) {
                        return error(400, "badRequest", "Content-Range " + range + " but " + body.length + " bytes");
                    }
                }
                if (session.total >= 0 && total != session.total) {
                    return error(400, "badRequest", "The upload is " + session.total + " bytes, not " + total);
                }
                if (session.videoId != null) {
                    return created(200, videos.get(session.videoId));
                }
                if (first != session.received.size()) {
                    return incomplete(session); // says where to go on from
                }
                session.received.writeBytes(body);
                if (session.received.size() < total) {
                    return incomplete(session);
                }
                Video video = new Video(
                        randomId(11),
                        session.resource,
                        session.contentType,
                        session.received.toByteArray(),
                        null,
                        List.of());
                videos.put(video.id(), video);
                session.videoId = video.id();
                return created(201, video);
            }
        }

        private ResponseDefinition thumbnail(Request request, Map<String, String> query) {
            String videoId = query.getOrDefault("videoId", "");
            byte[] image = request.getBody();
            if (image == null || image.length == 0) {
                return error(400, "mediaBodyRequired", "The request does not include the image content.");
            }
            if (videos.computeIfPresent(videoId, (id, video) -> video.withThumbnail(image)) == null) {
                return error(404, "videoNotFound", "The video that you are trying to update cannot be found.");
            }
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("kind", "youtube#thumbnailSetResponse").put("etag", "mock-etag");
            json.putArray("items")
                    .addObject()
                    .putObject("default")
                    .put("url", "https://i.ytimg.com/vi/" + videoId + "/default.jpg")
                    .put("width", 120)
                    .put("height", 90);
            return MockHttp.json(200, json);
        }

        private ResponseDefinition captions(Request request) {
            byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
            Matcher videoId = VIDEO_ID.matcher(new String(body, StandardCharsets.UTF_8));
            if (!videoId.find()) {
                return error(400, "invalidMetadata", "The caption's snippet names no videoId.");
            }
            String id = videoId.group(1);
            if (videos.computeIfPresent(id, (key, video) -> video.withCaptions(body)) == null) {
                return error(404, "videoNotFound", "The video that you are trying to add captions to cannot be found.");
            }
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("kind", "youtube#caption").put("etag", "mock-etag").put("id", "mock-caption-" + randomId(8));
            json.putObject("snippet").put("videoId", id).put("status", "serving");
            return MockHttp.json(200, json);
        }

        /** 308 Resume Incomplete, with the bytes received so far, if any. */
        private ResponseDefinition incomplete(Session session) {
            var answer = aResponse().withStatus(308);
            if (session.received.size() > 0) {
                answer.withHeader("Range", "bytes=0-" + (session.received.size() - 1));
            }
            return answer.build();
        }

        private ResponseDefinition created(int status, Video video) {
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("kind", "youtube#video").put("etag", "mock-etag").put("id", video.id());
            json.set("snippet", video.resource().path("snippet").deepCopy());
            ObjectNode videoStatus = json.putObject("status");
            videoStatus.put("uploadStatus", "uploaded");
            videoStatus.put(
                    "privacyStatus",
                    video.resource().path("status").path("privacyStatus").asText("private"));
            return MockHttp.json(status, json);
        }
    }

    private String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    /** Google's API error document. */
    private static ResponseDefinition error(int status, String reason, String message) {
        ObjectNode json = MockHttp.MAPPER.createObjectNode();
        ObjectNode error = json.putObject("error");
        error.put("code", status).put("message", message);
        error.putArray("errors")
                .addObject()
                .put("message", message)
                .put("domain", "youtube.mock")
                .put("reason", reason);
        return MockHttp.json(status, json);
    }

    /** Google's OAuth error document. */
    private static ResponseDefinition oauthError(int status, String error, String description) {
        ObjectNode json = MockHttp.MAPPER.createObjectNode();
        json.put("error", error).put("error_description", description);
        return MockHttp.json(status, json);
    }
}
