package io.acog.providers.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.ProviderConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
final class S3Mock implements AutoCloseable {

    static final String BUCKET = "media";
    static final String ACCESS_KEY_ID = "AKIDACOGTEST0000";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYacogSECRETkey";
    static final String XML = "application/xml";

    private static final Pattern CHUNK_HEADER = Pattern.compile("([0-9a-fA-F]+);chunk-signature=([0-9a-f]{64})");

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    S3Mock() {
        server.start();
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
     * is signed and that the decoded length is the one the SDK declared), or as sent.
     */
    static byte[] body(LoggedRequest request) {
        byte[] raw = request.getBody();
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
            assertThat(chunk.matches())
                    .as("aws-chunked chunk header '%s'", header)
                    .isTrue();
            int size = Integer.parseInt(chunk.group(1), 16);
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            decoded.write(raw, at, size);
            at += size;
            assertThat(new String(raw, at, 2, StandardCharsets.US_ASCII)).isEqualTo("\r\n");
            at += 2;
        }
        byte[] bytes = decoded.toByteArray();
        assertThat(request.getHeader("x-amz-decoded-content-length")).isEqualTo(String.valueOf(bytes.length));
        return bytes;
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("aws-chunked body ends without CRLF after byte " + from);
    }

    @Override
    public void close() {
        server.stop();
    }
}
