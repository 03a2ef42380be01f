package io.acog.providers.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.ProviderConfig;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local S3 REST API on WireMock, as the AWS SDK speaks it to an S3-compatible server in path
 * style over plain HTTP: object keys under {@code /media/}, multipart uploads ({@code POST
 * ?uploads}, {@code PUT ?partNumber&uploadId}, {@code POST ?uploadId}, {@code DELETE ?uploadId}),
 * S3's XML errors. Over plain HTTP the SDK signs the payload too, so bodies arrive {@code
 * aws-chunked} with a signature per chunk ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}); {@link
 * #body} decodes them as S3 does.
 *
 * <p>A test either stubs the answers it wants (the mock then keeps nothing), or calls {@link
 * #keepObjects()} to make it a bucket that keeps what is put in it, answering as S3 documents:
 * {@code PutObject} replaces an object whole and only once its whole body arrived ({@code 400
 * IncompleteBody} otherwise); a multipart upload's object appears only when it is completed, its
 * parts listed in ascending order with their ETags, each but the last at least 5 MiB ({@code
 * EntityTooSmall}); an aborted upload leaves nothing; {@code GetObject} of a missing key is {@code
 * 404 NoSuchKey}; {@code DeleteObject} answers {@code 204} whether or not the key exists; a request
 * signed in a header must name {@link #ACCESS_KEY_ID} ({@code 403 InvalidAccessKeyId}); a
 * presigned GET is checked as S3 checks it (Signature Version 4 with {@link #SECRET}, {@code 403
 * SignatureDoesNotMatch}; its {@code X-Amz-Expires} passed, {@code 403 AccessDenied}); and an
 * unsigned request is refused ({@code 403 AccessDenied}), the bucket being private. Stubs a test
 * adds (at a higher priority, as {@link #fail} does) answer before the bucket.
 */
final class S3Mock implements AutoCloseable {

    static final String BUCKET = "media";
    static final String ACCESS_KEY_ID = "AKIDACOGTEST0000";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYacogSECRETkey";
    static final String XML = "application/xml";

    private static final Pattern CHUNK_HEADER = Pattern.compile("([0-9a-fA-F]+);chunk-signature=([0-9a-f]{64})");

    /** S3's smallest part, but for the last of an upload. */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    final WireMockServer server;

    /** A mock whose journal keeps every request, for a test to read. */
    S3Mock() {
        this(true);
    }

    /**
     * A mock.
     *
     * @param journal whether to keep the requests (and their bodies) for {@link #served()}
     */
    S3Mock(boolean journal) {
        var config = wireMockConfig().dynamicPort().containerThreads(32).extensions(new Bucket());
        server = new WireMockServer(journal ? config : config.disableRequestJournal());
        server.start();
    }

    /** Makes the mock a bucket that keeps what is put in it, as S3 does (see the class's comment). */
    void keepObjects() {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(Bucket.NAME)));
    }

    /** Makes every request get {@code answer}, before the bucket: a failing S3. */
    void fail(ResponseDefinitionBuilder answer) {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(answer));
    }

    /** An object the bucket keeps, by its full key (prefix included). */
    Optional<byte[]> object(String key) {
        return Optional.ofNullable(objects.get(key))
                .map(object -> object.bytes().clone());
    }

    /** Multipart uploads started and neither completed nor aborted. */
    int uploadsInProgress() {
        return uploads.size();
    }

    /** Settings for a storage on this server, with static test credentials; {@code extra} overrides. */
    Map<String, String> settings(String... extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "s3.bucket",
                BUCKET,
                "s3.endpoint",
                server.baseUrl(),
                "s3.path-style",
                "true",
                "s3.access-key-id",
                ACCESS_KEY_ID,
                "s3.secret-access-key",
                SECRET,
                "s3.prefix",
                "acog/"));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    S3Storage storage(String... extra) {
        return new S3Storage(S3Settings.read(ProviderConfig.of(settings(extra))).orElseThrow());
    }

    /** Stubs what a successful upload of any key meets: PutObject, a whole multipart upload, deletes. */
    void acceptUploads() {
        server.stubFor(put(urlPathMatching("/media/.+"))
                .withQueryParam("partNumber", absent())
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"put-etag\"")));
        server.stubFor(post(urlPathMatching("/media/.+"))
                .withQueryParam("uploads", matching(".*"))
                .willReturn(xml(
                        200,
                        "<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                                + "<Bucket>media</Bucket><Key>{{request.path}}</Key>"
                                + "<UploadId>upload-{{randomValue length=16 type='ALPHANUMERIC'}}</UploadId>"
                                + "</InitiateMultipartUploadResult>")));
        server.stubFor(put(urlPathMatching("/media/.+"))
                .withQueryParam("partNumber", matching("\\d+"))
                .withQueryParam("uploadId", matching(".+"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "\"etag-{{request.query.partNumber}}\"")
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathMatching("/media/.+"))
                .withQueryParam("uploadId", matching(".+"))
                .willReturn(xml(
                        200,
                        "<CompleteMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                                + "<Location>http://localhost/media/key</Location><Bucket>media</Bucket>"
                                + "<Key>key</Key><ETag>\"done-2\"</ETag></CompleteMultipartUploadResult>")));
        server.stubFor(
                delete(urlPathMatching("/media/.+")).willReturn(aResponse().withStatus(204)));
    }

    /** A response with an XML body, templated. */
    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", XML)
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body)
                .withTransformers("response-template");
    }

    /** S3's error document. */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", XML)
                .withHeader("x-amz-request-id", "4442587FB7D0A2F9")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><Resource>/media/acog/x</Resource>"
                        + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>host-id</HostId></Error>");
    }

    /**
     * S3's refusal of a request signed with a wrong secret access key (one rotated, say): its error
     * document holds the access key id, the string to sign and the canonical request, none of which
     * an exception message may quote whole.
     */
    static ResponseDefinitionBuilder signatureDoesNotMatch() {
        String stringToSign = "AWS4-HMAC-SHA256\n20250101T000000Z\n20250101/us-east-1/s3/aws4_request\n"
                + "4f0e7b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a";
        return aResponse()
                .withStatus(403)
                .withHeader("Content-Type", XML)
                .withHeader("x-amz-request-id", "4442587FB7D0A2F9")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>"
                        + "<Message>The request signature we calculated does not match the signature you provided."
                        + " Check your key and signing method.</Message><AWSAccessKeyId>" + ACCESS_KEY_ID
                        + "</AWSAccessKeyId><StringToSign>" + stringToSign + "</StringToSign><SignatureProvided>"
                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef</SignatureProvided>"
                        + "<CanonicalRequest>PUT\n/media/acog/x\n\nhost:localhost\n\nhost\nUNSIGNED-PAYLOAD"
                        + "</CanonicalRequest><RequestId>4442587FB7D0A2F9</RequestId><HostId>host-id</HostId></Error>");
    }

    /** What the server received and answered, oldest first (WireMock's journal lists the newest first). */
    List<ServeEvent> served() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    /** The requests received, oldest first, that match. */
    List<LoggedRequest> requests(RequestMethod method, Predicate<LoggedRequest> which) {
        return served().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> request.getMethod().equals(method) && which.test(request))
                .toList();
    }

    /** The upload ids this server gave, in order. */
    List<String> uploadIds() {
        Pattern id = Pattern.compile("<UploadId>([^<]+)</UploadId>");
        return served().stream()
                .filter(event ->
                        event.getRequest().getMethod().equals(RequestMethod.POST) && has(event.getRequest(), "uploads"))
                .map(event -> id.matcher(event.getResponse().getBodyAsString()))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .toList();
    }

    static boolean has(LoggedRequest request, String queryParam) {
        return request.getUrl().matches(".*[?&]" + Pattern.quote(queryParam) + "(=.*|&.*|$)");
    }

    static String query(LoggedRequest request, String param) {
        Matcher matcher =
                Pattern.compile("[?&]" + Pattern.quote(param) + "=([^&]*)").matcher(request.getUrl());
        assertThat(matcher.find()).as("%s in %s", param, request.getUrl()).isTrue();
        return matcher.group(1);
    }

    /**
     * Returns the payload of a request: decoded from {@code aws-chunked} (checking that each chunk
     * is signed, that the body is whole and that the decoded length is the one the SDK declared),
     * or as sent.
     *
     * @throws IllegalArgumentException saying where the body breaks, as S3 would refuse it
     */
    static byte[] body(Request request) {
        byte[] raw = request.getBody() == null ? new byte[0] : request.getBody();
        String encoding = request.getHeader("Content-Encoding");
        if (encoding == null || !encoding.contains("aws-chunked")) {
            return raw;
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(raw, at);
            String header = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
            Matcher chunk = CHUNK_HEADER.matcher(header);
            if (!chunk.matches()) {
                throw new IllegalArgumentException("aws-chunked chunk header '" + header + "' is not signed");
            }
            int size = Integer.parseInt(chunk.group(1), 16);
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (at + size + 2 > raw.length) {
                throw new IllegalArgumentException(
                        "aws-chunked chunk of " + size + " bytes at byte " + at + " runs past the body's end");
            }
            decoded.write(raw, at, size);
            at += size;
            if (raw[at] != '\r' || raw[at + 1] != '\n') {
                throw new IllegalArgumentException("aws-chunked chunk at byte " + at + " does not end with CRLF");
            }
            at += 2;
        }
        byte[] bytes = decoded.toByteArray();
        String declared = request.getHeader("x-amz-decoded-content-length");
        if (!String.valueOf(bytes.length).equals(declared)) {
            throw new IllegalArgumentException(
                    "the body carries " + bytes.length + " bytes, but x-amz-decoded-content-length says " + declared);
        }
        return bytes;
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("aws-chunked body ends without CRLF after byte " + from);
    }

    /** An object in the bucket. */
    private record StoredObject(byte[] bytes, String contentType, String etag) {}

    /** A multipart upload in progress: its parts by number, with their ETags. */
    private record Upload(String key, String contentType, Map<Integer, StoredObject> parts) {}

    /** Answers as a bucket that keeps objects, by each request's method, path and query. */
    private final class Bucket implements ResponseDefinitionTransformerV2 {

        static final String NAME = "s3-bucket";

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
            String path = request.getUrl().split("\\?", 2)[0];
            Map<String, String> query = queryOf(request.getUrl());
            String resource = decode(path);
            String[] parts = resource.substring(1).split("/", 2);
            String key = parts.length > 1 ? parts[1] : "";
            Optional<ResponseDefinition> refused = BucketAccess.refusal(request, query, SECRET, ACCESS_KEY_ID);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!BUCKET.equals(parts[0])) {
                return answer(error(404, "NoSuchBucket", "The specified bucket does not exist"));
            }
            if (key.isEmpty()) {
                return answer(error(501, "NotImplemented", "The mock does not list or change buckets."));
            }
            RequestMethod method = request.getMethod();
            byte[] body;
            try {
                body = body(request);
            } catch (IllegalArgumentException e) {
                return answer(error(
                        400,
                        "IncompleteBody",
                        "You did not provide the number of bytes specified by the Content-Length HTTP header."));
            }
            String uploadId = query.get("uploadId");
            if (method.equals(RequestMethod.POST) && query.containsKey("uploads")) {
                String id = "upload-" + UUID.randomUUID();
                uploads.put(id, new Upload(key, contentType(request), new ConcurrentSkipListMap<>()));
                return answer(xml(
                        200,
                        "<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                                + "<Bucket>" + BUCKET + "</Bucket><Key>" + escape(key) + "</Key><UploadId>" + id
                                + "</UploadId></InitiateMultipartUploadResult>"));
            }
            if (uploadId != null) {
                Upload upload = uploads.get(uploadId);
                if (upload == null || !upload.key().equals(key)) {
                    return answer(error(
                            404,
                            "NoSuchUpload",
                            "The specified upload does not exist. The upload ID may be invalid, or the upload may"
                                    + " have been aborted or completed."));
                }
                if (method.equals(RequestMethod.PUT)) {
                    int number = Integer.parseInt(query.getOrDefault("partNumber", "0"));
                    StoredObject part = new StoredObject(body, upload.contentType(), etag(body));
                    upload.parts().put(number, part);
                    return aResponse()
                            .withStatus(200)
                            .withHeader("ETag", part.etag())
                            .build();
                }
                if (method.equals(RequestMethod.POST)) {
                    return complete(uploadId, upload, new String(body, StandardCharsets.UTF_8));
                }
                if (method.equals(RequestMethod.DELETE)) {
                    uploads.remove(uploadId);
                    return aResponse().withStatus(204).build();
                }
            }
            if (method.equals(RequestMethod.PUT)) {
                objects.put(key, new StoredObject(body, contentType(request), etag(body)));
                return aResponse()
                        .withStatus(200)
                        .withHeader("ETag", etag(body))
                        .build();
            }
            if (method.equals(RequestMethod.GET) || method.equals(RequestMethod.HEAD)) {
                StoredObject stored = objects.get(key);
                if (stored == null) {
                    return method.equals(RequestMethod.GET)
                            ? answer(error(404, "NoSuchKey", "The specified key does not exist."))
                            : aResponse().withStatus(404).build();
                }
                var found = aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", stored.contentType())
                        .withHeader("ETag", stored.etag());
                return method.equals(RequestMethod.GET)
                        ? found.withBody(stored.bytes()).build()
                        : found.withHeader("Content-Length", String.valueOf(stored.bytes().length))
                                .build();
            }
            if (method.equals(RequestMethod.DELETE)) {
                objects.remove(key);
                return aResponse().withStatus(204).build();
            }
            return answer(error(501, "NotImplemented", "The mock does not " + method + " an object."));
        }

        private ResponseDefinition complete(String uploadId, Upload upload, String listing) {
            Matcher listed = Pattern.compile(
                            "<Part>\\s*<ETag>([^<]*)</ETag>\\s*<PartNumber>(\\d+)</PartNumber>\\s*</Part>")
                    .matcher(listing.replace("&quot;", "\""));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<Integer> numbers = new ArrayList<>();
            while (listed.find()) {
                int number = Integer.parseInt(listed.group(2));
                StoredObject part = upload.parts().get(number);
                if (part == null || !part.etag().equals(listed.group(1))) {
                    return answer(error(
                            400,
                            "InvalidPart",
                            "One or more of the specified parts could not be found. The part may not have been"
                                    + " uploaded, or the specified entity tag may not match the part's entity tag."));
                }
                if (!numbers.isEmpty() && number <= numbers.get(numbers.size() - 1)) {
                    return answer(error(400, "InvalidPartOrder", "The list of parts was not in ascending order."));
                }
                numbers.add(number);
                bytes.writeBytes(part.bytes());
            }
            if (numbers.isEmpty()) {
                return answer(error(400, "MalformedXML", "The XML you provided was not well-formed."));
            }
            for (int i = 0; i < numbers.size() - 1; i++) {
                if (upload.parts().get(numbers.get(i)).bytes().length < MIN_PART_SIZE) {
                    return answer(error(
                            400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"));
                }
            }
            byte[] whole = bytes.toByteArray();
            String etag = "\"" + HexFormat.of().formatHex(md5(whole)) + "-" + numbers.size() + "\"";
            objects.put(upload.key(), new StoredObject(whole, upload.contentType(), etag));
            uploads.remove(uploadId);
            return answer(xml(
                    200,
                    "<CompleteMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                            + "<Bucket>" + BUCKET + "</Bucket><Key>" + escape(upload.key()) + "</Key><ETag>"
                            + escape(etag) + "</ETag></CompleteMultipartUploadResult>"));
        }
    }

    /** A template-free answer: the bucket's bodies hold keys, which must not be read as templates. */
    private static ResponseDefinition answer(ResponseDefinitionBuilder builder) {
        return builder.withTransformers().build();
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> query = new HashMap<>();
        int mark = url.indexOf('?');
        if (mark < 0) {
            return query;
        }
        for (String pair : url.substring(mark + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            query.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return query;
    }

    /** Percent-decodes, a {@code +} kept as itself (the SDK encodes a space as %20). */
    static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String contentType(Request request) {
        String type = request.getHeader("Content-Type");
        return type == null || type.isBlank() ? "binary/octet-stream" : type;
    }

    private static String etag(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(md5(bytes)) + "\"";
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop();
    }
}
