package io.acog.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.Media;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mock bucket the storage kit runs against answers as S3 documents, refusals included: were it
 * to serve any presigned URL, or keep half a body, the kit's checks would prove nothing.
 */
class S3MockTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=" + S3Mock.ACCESS_KEY_ID
            + "/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0123";

    private final S3Mock s3 = new S3Mock();
    private S3Storage storage;

    @BeforeEach
    void start() {
        s3.keepObjects();
        storage = s3.storage();
    }

    @AfterEach
    void stop() {
        storage.close();
        s3.close();
    }

    @Test
    void aPresignedUrlServesTheObjectUntilItIsAlteredOrExpires() throws Exception {
        URI uri = storage.store("shared/voice.wav", Media.ofBytes("voice.wav", "audio/wav", bytes("voice")));
        URI url = storage.shareableUrl(uri, Duration.ofMinutes(5)).orElseThrow();

        assertThat(get(url, null).body()).isEqualTo("voice");

        URI otherKey = URI.create(url.toString().replace("/shared/voice.wav", "/shared/other.wav"));
        assertRefused(get(otherKey, null), 403, "SignatureDoesNotMatch");
        URI longer = URI.create(url.toString().replace("X-Amz-Expires=300", "X-Amz-Expires=600"));
        assertRefused(get(longer, null), 403, "SignatureDoesNotMatch");
        Matcher date = Pattern.compile("X-Amz-Date=(\\d{8})").matcher(url.toString());
        assertThat(date.find()).isTrue();
        URI old = URI.create(url.toString().replace("X-Amz-Date=" + date.group(1), "X-Amz-Date=20200101"));
        assertRefused(get(old, null), 403, "AccessDenied");
        URI stranger = URI.create(url.toString().replace(S3Mock.ACCESS_KEY_ID, "AKIDSOMEONEELSE0"));
        assertRefused(get(stranger, null), 403, "InvalidAccessKeyId");
        URI unsigned = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
        assertRefused(get(unsigned, null), 403, "AccessDenied");
    }

    @Test
    void aMissingObjectIsNoSuchKeyAndDeletingItIsNoError() throws Exception {
        URI object = URI.create(s3.server.baseUrl() + "/media/acog/gone.wav");

        assertRefused(get(object, SIGNED), 404, "NoSuchKey");
        HttpResponse<String> deleted = send(
                HttpRequest.newBuilder(object).header("Authorization", SIGNED).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    @Test
    void aMultipartUploadMakesNoObjectUntilCompletedAndAbortedLeavesNothing() throws Exception {
        String object = s3.server.baseUrl() + "/media/acog/parts.bin";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(object + "?uploads"))
                .header("Authorization", SIGNED)
                .POST(HttpRequest.BodyPublishers.noBody()));
        Matcher id = Pattern.compile("<UploadId>([^<]+)</UploadId>").matcher(created.body());
        assertThat(id.find()).as(created.body()).isTrue();
        String upload = object + "?uploadId=" + id.group(1);
        String first = etag(send(HttpRequest.newBuilder(URI.create(upload + "&partNumber=1"))
                .header("Authorization", SIGNED)
                .PUT(HttpRequest.BodyPublishers.ofString("small first part"))));
        String second = etag(send(HttpRequest.newBuilder(URI.create(upload + "&partNumber=2"))
                .header("Authorization", SIGNED)
                .PUT(HttpRequest.BodyPublishers.ofString("last part"))));

        assertRefused(get(URI.create(object), SIGNED), 404, "NoSuchKey");
        String listing = "<CompleteMultipartUpload><Part><ETag>" + first + "</ETag><PartNumber>1</PartNumber></Part>"
                + "<Part><ETag>" + second + "</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>";
        assertRefused(
                send(HttpRequest.newBuilder(URI.create(upload))
                        .header("Authorization", SIGNED)
                        .POST(HttpRequest.BodyPublishers.ofString(listing))),
                400,
                "EntityTooSmall");
        assertThat(send(HttpRequest.newBuilder(URI.create(upload))
                                .header("Authorization", SIGNED)
                                .DELETE())
                        .statusCode())
                .isEqualTo(204);

        assertThat(s3.uploadsInProgress()).isZero();
        assertThat(s3.object("acog/parts.bin")).isEmpty();
        assertRefused(
                send(HttpRequest.newBuilder(URI.create(upload + "&partNumber=3"))
                        .header("Authorization", SIGNED)
                        .PUT(HttpRequest.BodyPublishers.ofString("late"))),
                404,
                "NoSuchUpload");
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthStoresNothing() throws Exception {
        String chunk = Integer.toHexString(100) + ";chunk-signature=" + "0".repeat(64) + "\r\n" + "x".repeat(40);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(s3.server.baseUrl() + "/media/acog/cut.bin"))
                .header("Authorization", SIGNED)
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", "100")
                .PUT(HttpRequest.BodyPublishers.ofString(chunk)));

        assertRefused(put, 400, "IncompleteBody");
        assertThat(s3.object("acog/cut.bin")).isEmpty();
    }

    @Test
    void aRequestSignedByAnotherKeyIsRefused() throws Exception {
        assertRefused(
                get(
                        URI.create(s3.server.baseUrl() + "/media/acog/x.wav"),
                        SIGNED.replace(S3Mock.ACCESS_KEY_ID, "AKIDSOMEONEELSE0")),
                403,
                "InvalidAccessKeyId");
    }

    private static HttpResponse<String> get(URI url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String etag(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("<Code>" + code + "</Code>");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
