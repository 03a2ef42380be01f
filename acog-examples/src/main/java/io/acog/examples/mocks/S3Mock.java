package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 bucket served locally in path style ({@code /bucket/key}) over plain HTTP, keeping what is
 * put in it so that it can be read back: {@code PutObject}, {@code GetObject}, {@code HeadObject},
 * {@code DeleteObject}, a listing ({@code GET /bucket?list-type=2&prefix=}) and multipart uploads
 * (create, upload part, complete, abort). Bodies the AWS SDK sends {@code aws-chunked} (it signs
 * the payload over plain HTTP) are decoded as S3 does, and objects get S3's ETags (the MD5 of the
 * bytes; of a multipart upload, the MD5 of its parts' MD5s and the number of parts).
 *
 * <p>One bucket, {@value #BUCKET}, exists; another answers {@code NoSuchBucket}. A signed request
 * (an {@code Authorization} header, or a presigned URL's {@code X-Amz-Credential}) must name the
 * access key id {@value #ACCESS_KEY_ID}, though its signature is not checked; an unsigned one may
 * only read, so that a person can {@code curl} a listing or an object. Errors come as S3's XML
 * documents. Objects are held in memory. Thread-safe.
 */
public final class S3Mock implements AutoCloseable {

    /** The one bucket there is. */
    public static final String BUCKET = "acog-mock";

    /** The access key id the mock accepts: a dummy. */
    public static final String ACCESS_KEY_ID = "AKIAMOCKACOG00000000";

    /** The secret access key to sign with: a dummy, and never checked. */
    public static final String SECRET_ACCESS_KEY = "mock-secret-access-key-not-checked";

    /** The region requests are signed for. */
    public static final String REGION = "us-east-1";

    private static final String XML = "application/xml";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern PART_NUMBER = Pattern.compile("<PartNumber>\\s*(\\d+)\\s*</PartNumber>");

    private final WireMockServer server;
    private final String baseUrl;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    private S3Mock(Listen listen) {
        this.server = MockHttp.start(listen, new Bucket());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Bucket.NAME)));
    }

    /**
     * Starts the mock, its bucket empty.
     *
     * @param listen where it listens
     * @return the running mock
     */
    public static S3Mock start(Listen listen) {
        return new S3Mock(listen);
    }

    /**
     * Returns the settings that point the S3 adapter at this mock: its bucket, endpoint, path
     * style, region and a dummy key pair.
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of(
                "s3.bucket", BUCKET,
                "s3.endpoint", baseUrl,
                "s3.path-style", "true",
                "s3.region", REGION,
                "s3.access-key-id", ACCESS_KEY_ID,
                "s3.secret-access-key", SECRET_ACCESS_KEY);
    }

    /**
     * Returns an object of the bucket.
     *
     * @param key its key, e.g. {@code episodes/…/final/video.mp4}
     * @return the object, or empty when there is none of that key
     */
    public Optional<StoredObject> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /**
     * Returns the keys of the bucket's objects.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return Set.copyOf(objects.keySet());
    }

    /**
     * Returns how many multipart uploads were started and neither completed nor aborted.
     *
     * @return the uploads in progress
     */
    public int uploadsInProgress() {
        return uploads.size();
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

    /** Stops the server; what it held is gone. */
    @Override
    public void close() {
        server.stop();
    }

    /** An object in the bucket. Immutable: {@link #bytes()} returns a copy. */
    public static final class StoredObject {

        private final byte[] bytes;
        private final String contentType;
        private final String etag;
        private final Instant lastModified;

        StoredObject(byte[] bytes, String contentType, String etag, Instant lastModified) {
            this.bytes = bytes;
            this.contentType = contentType;
            this.etag = etag;
            this.lastModified = lastModified;
        }

        /**
         * Returns the object's content.
         *
         * @return a copy of its bytes
         */
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * Returns its size.
         *
         * @return its length in bytes
         */
        public int size() {
            return bytes.length;
        }

        /**
         * Returns its {@code Content-Type}, as it was stored.
         *
         * @return the MIME type; {@code binary/octet-stream} when none was given
         */
        public String contentType() {
            return contentType;
        }

        /**
         * Returns its ETag, as S3 makes it.
         *
         * @return the ETag, quoted
         */
        public String etag() {
            return etag;
        }

        /**
         * Returns when it was stored.
         *
         * @return the time
         */
        public Instant lastModified() {
            return lastModified;
        }
    }

    /** A multipart upload in progress. */
    private record Upload(String key, String contentType, SortedMap<Integer, byte[]> parts) {}

    /** Answers every request by its method, path and query. */
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
            String url = request.getUrl();
            Map<String, String> query = MockHttp.query(url);
            String path = decode(MockHttp.path(url));
            String[] parts = path.substring(1).split("/", 2);
            String bucket = parts[0];
            String key = parts.length > 1 ? parts[1] : "";
            String resource = path;
            if (!signed(request, query)) {
                return error(
                        403,
                        "InvalidAccessKeyId",
                        "The AWS access key id you provided does not exist in our records (the mock takes "
                                + ACCESS_KEY_ID + ").",
                        resource);
            }
            if (!BUCKET.equals(bucket)) {
                return error(
                        404,
                        "NoSuchBucket",
                        "The specified bucket does not exist (the mock has " + BUCKET + ").",
                        resource);
            }
            RequestMethod method = request.getMethod();
            if (key.isEmpty()) {
                if (method.equals(RequestMethod.GET)) {
                    return list(query.getOrDefault("prefix", ""));
                }
                if (method.equals(RequestMethod.HEAD)) {
                    return aResponse().withStatus(200).build();
                }
                return error(501, "NotImplemented", "The mock does not " + method + " a bucket.", resource);
            }
            byte[] body;
            try {
                body = payload(request);
            } catch (IllegalArgumentException e) {
                return error(400, "IncompleteBody", e.getMessage(), resource);
            }
            String uploadId = query.get("uploadId");
            if (method.equals(RequestMethod.POST) && query.containsKey("uploads")) {
                String id = UUID.randomUUID().toString();
                uploads.put(id, new Upload(key, contentType(request), new ConcurrentSkipListMap<>()));
                return xml(
                        200,
                        "<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                                + "<Bucket>" + BUCKET + "</Bucket><Key>" + escape(key) + "</Key><UploadId>" + id
                                + "</UploadId></InitiateMultipartUploadResult>");
            }
            if (uploadId != null) {
                Upload upload = uploads.get(uploadId);
                if (upload == null || !upload.key().equals(key)) {
                    return error(404, "NoSuchUpload", "The specified multipart upload does not exist.", resource);
                }
                if (method.equals(RequestMethod.PUT)) {
                    int number;
                    try {
                        number = Integer.parseInt(query.getOrDefault("partNumber", ""));
                    } catch (NumberFormatException e) {
                        return error(400, "InvalidArgument", "partNumber is not a number.", resource);
                    }
                    upload.parts().put(number, body);
                    return aResponse()
                            .withStatus(200)
                            .withHeader("ETag", etag(body))
                            .build();
                }
                if (method.equals(RequestMethod.POST)) {
                    return complete(uploadId, upload, new String(body, StandardCharsets.UTF_8), resource);
                }
                if (method.equals(RequestMethod.DELETE)) {
                    uploads.remove(uploadId);
                    return aResponse().withStatus(204).build();
                }
            }
            if (method.equals(RequestMethod.PUT)) {
                if (request.getHeader("x-amz-copy-source") != null) {
                    return error(501, "NotImplemented", "The mock does not copy objects.", resource);
                }
                StoredObject stored = new StoredObject(body, contentType(request), etag(body), Instant.now());
                objects.put(key, stored);
                return aResponse()
                        .withStatus(200)
                        .withHeader("ETag", stored.etag())
                        .build();
            }
            if (method.equals(RequestMethod.GET) || method.equals(RequestMethod.HEAD)) {
                StoredObject stored = objects.get(key);
                if (stored == null) {
                    return error(404, "NoSuchKey", "The specified key does not exist.", resource);
                }
                var answer = aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", stored.contentType())
                        .withHeader("ETag", stored.etag())
                        .withHeader("Last-Modified", HTTP_DATE.format(stored.lastModified()))
                        .withHeader("Accept-Ranges", "bytes");
                return method.equals(RequestMethod.GET)
                        ? answer.withBody(stored.bytes).build()
                        : answer.withHeader("Content-Length", Integer.toString(stored.size()))
                                .build();
            }
            if (method.equals(RequestMethod.DELETE)) {
                objects.remove(key);
                return aResponse().withStatus(204).build();
            }
            return error(501, "NotImplemented", "The mock does not " + method + " an object.", resource);
        }

        private ResponseDefinition complete(String uploadId, Upload upload, String listing, String resource) {
            List<Integer> numbers = new ArrayList<>();
            Matcher number = PART_NUMBER.matcher(listing);
            while (number.find()) {
                numbers.add(Integer.parseInt(number.group(1)));
            }
            if (numbers.isEmpty()) {
                return error(400, "MalformedXML", "The completion lists no parts.", resource);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ByteArrayOutputStream digests = new ByteArrayOutputStream();
            int previous = 0;
            for (int part : numbers) {
                byte[] content = upload.parts().get(part);
                if (content == null || part <= previous) {
                    return error(
                            400,
                            "InvalidPart",
                            "Part " + part + " was not uploaded, or the parts are not in ascending order.",
                            resource);
                }
                previous = part;
                bytes.writeBytes(content);
                digests.writeBytes(md5(content));
            }
            String etag = "\"" + HexFormat.of().formatHex(md5(digests.toByteArray())) + "-" + numbers.size() + "\"";
            objects.put(upload.key(), new StoredObject(bytes.toByteArray(), upload.contentType(), etag, Instant.now()));
            uploads.remove(uploadId);
            return xml(
                    200,
                    "<CompleteMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                            + "<Location>" + baseUrl + "/" + BUCKET + "/" + escape(upload.key())
                            + "</Location>"
                            + "<Bucket>" + BUCKET + "</Bucket><Key>" + escape(upload.key()) + "</Key><ETag>"
                            + escape(etag) + "</ETag></CompleteMultipartUploadResult>");
        }

        private ResponseDefinition list(String prefix) {
            SortedMap<String, StoredObject> listed = new TreeMap<>();
            objects.forEach((key, object) -> {
                if (key.startsWith(prefix)) {
                    listed.put(key, object);
                }
            });
            StringBuilder xml = new StringBuilder("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<Name>" + BUCKET + "</Name><Prefix>" + escape(prefix) + "</Prefix><KeyCount>" + listed.size()
                    + "</KeyCount><MaxKeys>" + Math.max(1000, listed.size()) + "</MaxKeys>"
                    + "<IsTruncated>false</IsTruncated>");
            listed.forEach((key, object) -> xml.append("<Contents><Key>")
                    .append(escape(key))
                    .append("</Key><LastModified>")
                    .append(object.lastModified().truncatedTo(ChronoUnit.MILLIS))
                    .append("</LastModified><ETag>")
                    .append(escape(object.etag()))
                    .append("</ETag><Size>")
                    .append(object.size())
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>"));
            return xml(200, xml.append("</ListBucketResult>").toString());
        }
    }

    /**
     * Whether the request may go on: one signed (in a header or a presigned URL) must name the
     * mock's access key id; an unsigned one may only read, as from a public-read bucket.
     */
    private static boolean signed(Request request, Map<String, String> query) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/");
        }
        String credential = query.get("X-Amz-Credential");
        if (credential != null) {
            return credential.startsWith(ACCESS_KEY_ID + "/");
        }
        return request.getMethod().equals(RequestMethod.GET)
                || request.getMethod().equals(RequestMethod.HEAD);
    }

    /** The payload as S3 stores it: an {@code aws-chunked} body decoded. */
    private static byte[] payload(Request request) {
        byte[] raw = request.getBody() == null ? new byte[0] : request.getBody();
        return AwsChunked.applies(request.getHeader("Content-Encoding"), request.getHeader("x-amz-content-sha256"))
                ? AwsChunked.decode(raw)
                : raw;
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

    private static ResponseDefinition xml(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", XML)
                .withHeader("x-amz-request-id", "MOCK" + Long.toHexString(System.nanoTime()))
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body)
                .build();
    }

    /** S3's error document. */
    private static ResponseDefinition error(int status, String code, String message, String resource) {
        return xml(
                status,
                "<Error><Code>" + code + "</Code><Message>" + escape(message) + "</Message><Resource>"
                        + escape(resource) + "</Resource><RequestId>MOCK</RequestId></Error>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** A path percent-decoded, a {@code +} kept as itself (S3 keys' paths encode a space as %20). */
    private static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
