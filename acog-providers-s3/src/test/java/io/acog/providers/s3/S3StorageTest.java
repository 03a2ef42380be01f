package io.acog.providers.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.acog.providers.s3.S3Mock.body;
import static io.acog.providers.s3.S3Mock.has;
import static io.acog.providers.s3.S3Mock.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.Media;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The storage against a local S3 REST API: what goes on the wire, and how S3's answers come out. */
class S3StorageTest {

    private static final int MIB = 1024 * 1024;

    private final S3Mock s3 = new S3Mock();
    private final List<S3Storage> storages = new ArrayList<>();

    @AfterEach
    void stop() {
        storages.forEach(S3Storage::close);
        s3.close();
    }

    private S3Storage storage(String... extra) {
        S3Storage storage = s3.storage(extra);
        storages.add(storage);
        return storage;
    }

    @Test
    void smallMediaOfKnownSizeGoesUpInOnePutObjectSignedWithItsTypeAndLength() throws IOException {
        s3.acceptUploads();
        byte[] bytes = "RIFF....WAVEfmt voice".getBytes(StandardCharsets.US_ASCII);

        URI uri = storage().store("episodes/7/audio/voice.wav", Media.ofBytes("voice.wav", "audio/wav", bytes));

        assertThat(uri).isEqualTo(URI.create("s3://media/acog/episodes/7/audio/voice.wav"));
        List<LoggedRequest> puts = s3.requests(RequestMethod.PUT, request -> true);
        assertThat(puts).hasSize(1);
        LoggedRequest put = puts.get(0);
        assertThat(put.getUrl()).isEqualTo("/media/acog/episodes/7/audio/voice.wav");
        assertThat(put.getHeader("Content-Type")).isEqualTo("audio/wav");
        assertThat(put.getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=" + S3Mock.ACCESS_KEY_ID + "/")
                .contains("/us-east-1/s3/aws4_request")
                .doesNotContain(S3Mock.SECRET);
        // over plain HTTP the SDK streams a signed aws-chunked payload and declares its real length
        assertThat(put.getHeader("x-amz-decoded-content-length")).isEqualTo(String.valueOf(bytes.length));
        assertThat(Long.parseLong(put.getHeader("Content-Length"))).isEqualTo(put.getBody().length);
        assertThat(body(put)).isEqualTo(bytes);
        // checksums only where S3 requires them: no CRC32 header or aws-chunked trailer that an
        // S3-compatible server might reject
        assertThat(put.getHeaders().keys())
                .noneMatch(header -> header.toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-checksum"));
        assertThat(put.getHeader("x-amz-trailer")).isNull();
        assertThat(put.getHeader("x-amz-content-sha256")).isEqualTo("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        assertThat(s3.requests(RequestMethod.POST, request -> true)).isEmpty();
    }

    @Test
    void keysWithSpacesAndPercentSignsSurviveTheUriAndTheWire() throws IOException {
        s3.acceptUploads();

        URI uri = storage().store("episodes/7/my clip 100%.mp4", Media.ofBytes("c.mp4", "video/mp4", new byte[] {1}));

        assertThat(uri.getPath()).isEqualTo("/acog/episodes/7/my clip 100%.mp4");
        assertThat(uri.getRawPath()).isEqualTo("/acog/episodes/7/my%20clip%20100%25.mp4");
        LoggedRequest put = s3.requests(RequestMethod.PUT, request -> true).get(0);
        assertThat(URLDecoder.decode(put.getUrl().replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo("/media/acog/episodes/7/my clip 100%.mp4");
    }

    @Test
    void largeMediaGoesUpInPartsOfPartSizeInOrderThenCompletes() throws IOException {
        s3.acceptUploads();
        byte[] bytes = random(11 * MIB + 123);
        S3Storage storage = storage("s3.multipart-threshold", "5MiB", "s3.part-size", "5MiB");

        URI uri = storage.store("episodes/7/final.mp4", Media.ofBytes("final.mp4", "video/mp4", bytes));

        assertThat(uri).isEqualTo(URI.create("s3://media/acog/episodes/7/final.mp4"));
        assertMultipart("/media/acog/episodes/7/final.mp4", "video/mp4", bytes, 5 * MIB, 5 * MIB, MIB + 123);
    }

    @Test
    void mediaOfUnknownSizeGoesUpInPartsAsItIsRead() throws IOException {
        s3.acceptUploads();
        byte[] bytes = random(10 * MIB + 5);
        S3Storage storage = storage("s3.part-size", "5MiB");

        storage.store("episodes/7/render.mp4", unknownSize("render.mp4", "video/mp4", bytes));

        assertMultipart("/media/acog/episodes/7/render.mp4", "video/mp4", bytes, 5 * MIB, 5 * MIB, 5);
    }

    @Test
    void mediaOfUnknownSizeThatEndsWithinOnePartGoesUpInOnePutObject() throws IOException {
        s3.acceptUploads();
        byte[] bytes = random(3 * MIB);

        storage().store("episodes/7/thumb.png", unknownSize("thumb.png", "image/png", bytes));

        assertThat(s3.requests(RequestMethod.POST, request -> true)).isEmpty();
        LoggedRequest put = s3.requests(RequestMethod.PUT, request -> true).get(0);
        assertThat(put.getHeader("Content-Type")).isEqualTo("image/png");
        assertThat(body(put)).isEqualTo(bytes);
    }

    @Test
    void aFailedPartAbortsTheUploadSoNoPartsStayBilled() {
        s3.acceptUploads();
        s3.server.stubFor(put(urlPathMatching("/media/.+"))
                .withQueryParam("partNumber", equalTo("2"))
                .atPriority(1)
                .willReturn(S3Mock.error(500, "InternalError", "We encountered an internal error.")));
        S3Storage storage = storage("s3.multipart-threshold", "5MiB", "s3.part-size", "5MiB");

        Throwable thrown = catchThrowable(
                () -> storage.store("episodes/7/final.mp4", Media.ofBytes("f.mp4", "video/mp4", random(11 * MIB))));

        assertThat(thrown)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("upload part 2 of s3://media/acog/episodes/7/final.mp4")
                .hasMessageContaining("InternalError (HTTP 500)");
        assertNoSecret(thrown);
        String uploadId = uploadIdOf(s3.requests(RequestMethod.POST, request -> has(request, "uploads")));
        // part 2 tried s3.max-attempts (3) times, part 3 never sent, nothing completed
        assertThat(s3.requests(RequestMethod.PUT, request -> has(request, "partNumber")).stream()
                        .map(request -> query(request, "partNumber")))
                .containsExactly("1", "2", "2", "2");
        assertThat(s3.requests(RequestMethod.POST, request -> has(request, "uploadId")))
                .isEmpty();
        List<LoggedRequest> aborts = s3.requests(RequestMethod.DELETE, request -> true);
        assertThat(aborts).hasSize(1);
        assertThat(aborts.get(0).getUrl()).startsWith("/media/acog/episodes/7/final.mp4?");
        assertThat(query(aborts.get(0), "uploadId")).isEqualTo(uploadId);
    }

    @Test
    void mediaThatFailsToReadMidwayAbortsTheUploadAndSaysSo() {
        s3.acceptUploads();
        byte[] bytes = random(6 * MIB);
        Media breaking = new Media() {
            @Override
            public String fileName() {
                return "render.mp4";
            }

            @Override
            public String mimeType() {
                return "video/mp4";
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                    private int read;

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        if (read >= 5 * MIB + 10) {
                            throw new IOException("disk went away");
                        }
                        int n = super.read(buffer, offset, Math.min(length, 64 * 1024));
                        read += Math.max(n, 0);
                        return n;
                    }
                };
            }
        };

        assertThatThrownBy(() -> storage("s3.part-size", "5MiB").store("episodes/7/render.mp4", breaking))
                .isInstanceOf(IOException.class)
                .hasMessage("disk went away");

        assertThat(s3.requests(RequestMethod.PUT, request -> has(request, "partNumber")))
                .hasSize(1);
        assertThat(s3.requests(RequestMethod.POST, request -> has(request, "uploadId")))
                .isEmpty();
        assertThat(s3.requests(RequestMethod.DELETE, request -> has(request, "uploadId")))
                .hasSize(1);
    }

    @Test
    void mediaThatCannotBeOpenedFailsTheStoreSayingSo() {
        s3.acceptUploads();
        Media unreadable = new Media() {
            @Override
            public String fileName() {
                return "voice.wav";
            }

            @Override
            public String mimeType() {
                return "audio/wav";
            }

            @Override
            public long size() {
                return 100;
            }

            @Override
            public InputStream open() throws IOException {
                throw new IOException("voice.wav was closed: its file is let go of");
            }
        };

        Throwable thrown = catchThrowable(() -> storage().store("episodes/7/voice.wav", unreadable));

        assertThat(thrown)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not store s3://media/acog/episodes/7/voice.wav")
                .hasMessageContaining("reading the media failed: voice.wav was closed");
        assertThat(thrown.getCause()).hasMessage("voice.wav was closed: its file is let go of");
        assertThat(s3.requests(RequestMethod.PUT, request -> true)).isEmpty();
    }

    @Test
    void mediaThatFailsWhileSentInOnePutObjectFailsTheStoreSayingSo() {
        s3.acceptUploads();
        Media failing = new Media() {
            @Override
            public String fileName() {
                return "voice.wav";
            }

            @Override
            public String mimeType() {
                return "audio/wav";
            }

            @Override
            public long size() {
                return 200_000;
            }

            @Override
            public InputStream open() {
                // 150,000 of its 200,000 bytes, then a failure
                return new FilterInputStream(new ByteArrayInputStream(new byte[150_000])) {
                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int read = super.read(buffer, offset, length);
                        if (read < 0) {
                            throw new IOException("voice.wav: read error on the scratch disk");
                        }
                        return read;
                    }

                    @Override
                    public int read() throws IOException {
                        int read = super.read();
                        if (read < 0) {
                            throw new IOException("voice.wav: read error on the scratch disk");
                        }
                        return read;
                    }
                };
            }
        };

        Throwable thrown = catchThrowable(() -> storage().store("episodes/7/voice.wav", failing));

        assertThat(thrown)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not store s3://media/acog/episodes/7/voice.wav")
                .hasMessageContaining("reading the media failed: voice.wav: read error on the scratch disk");
        assertNoSecret(thrown);
    }

    @Test
    void aFailedCompletionAbortsTheUpload() {
        s3.acceptUploads();
        s3.server.stubFor(post(urlPathMatching("/media/.+"))
                .withQueryParam("uploadId", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
                .atPriority(1)
                .willReturn(
                        S3Mock.error(400, "InvalidPart", "One or more of the specified parts could not be found.")));

        assertThatThrownBy(() -> storage("s3.multipart-threshold", "5MiB", "s3.part-size", "5MiB")
                        .store("a.bin", Media.ofBytes("a.bin", "application/octet-stream", random(5 * MIB + 1))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("complete the multipart upload of s3://media/acog/a.bin")
                .hasMessageContaining("InvalidPart (HTTP 400)");

        assertThat(s3.requests(RequestMethod.DELETE, request -> has(request, "uploadId")))
                .hasSize(1);
    }

    @Test
    void aMalformedInitiateAnswerFailsWithoutSendingParts() {
        s3.acceptUploads();
        s3.server.stubFor(post(urlPathMatching("/media/.+"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", S3Mock.XML)
                        .withBody("<InitiateMultipartUploadResult><UploadId>")));

        Throwable thrown = catchThrowable(() -> storage("s3.multipart-threshold", "5MiB", "s3.part-size", "5MiB")
                .store("a.bin", Media.ofBytes("a.bin", "application/octet-stream", random(5 * MIB + 1))));

        assertThat(thrown)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("start a multipart upload of s3://media/acog/a.bin");
        assertNoSecret(thrown);
        assertThat(s3.requests(RequestMethod.PUT, request -> true)).isEmpty();
    }

    @Test
    void storedBytesReadBack() throws IOException {
        s3.acceptUploads();
        byte[] bytes = random(300_000);
        S3Storage storage = storage();
        URI uri = storage.store("episodes/7/voice.wav", Media.ofBytes("voice.wav", "audio/wav", bytes));
        // the mock keeps nothing: serve back what the PutObject carried
        byte[] received = body(s3.requests(RequestMethod.PUT, request -> true).get(0));
        s3.server.stubFor(get(urlPathEqualTo("/media/acog/episodes/7/voice.wav"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/wav")
                        .withHeader("ETag", "\"abc\"")
                        .withBody(received)));

        try (InputStream in = storage.open(uri)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        LoggedRequest get = s3.requests(RequestMethod.GET, request -> true).get(0);
        assertThat(get.getUrl()).isEqualTo("/media/acog/episodes/7/voice.wav");
        assertThat(get.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
    }

    @Test
    void anObjectReadOnlyInPartCanBeClosed() throws IOException {
        s3.server.stubFor(get(urlPathEqualTo("/media/acog/big.mp4"))
                .willReturn(aResponse().withStatus(200).withBody(random(4 * MIB))));
        S3Storage storage = storage();

        try (InputStream in = storage.open(URI.create("s3://media/acog/big.mp4"))) {
            assertThat(in.readNBytes(1000)).hasSize(1000);
        }
        // the client is still usable after the aborted download
        try (InputStream in = storage.open(URI.create("s3://media/acog/big.mp4"))) {
            assertThat(in.readAllBytes()).hasSize(4 * MIB);
        }
    }

    @Test
    void aMissingKeyIsFileNotFoundNamingTheUri() {
        s3.server.stubFor(
                get(anyUrl()).willReturn(S3Mock.error(404, "NoSuchKey", "The specified key does not exist.")));

        Throwable thrown = catchThrowable(() -> storage().open(URI.create("s3://media/acog/gone.wav")));

        assertThat(thrown)
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("s3://media/acog/gone.wav")
                .hasMessageContaining("NoSuchKey (HTTP 404)");
        assertNoSecret(thrown);
        assertThat(s3.requests(RequestMethod.GET, request -> true)).hasSize(1);
    }

    @Test
    void aMissingBucketNamesTheSettingsToCheck() {
        s3.server.stubFor(
                get(anyUrl()).willReturn(S3Mock.error(404, "NoSuchBucket", "The specified bucket does not exist")));

        assertThatThrownBy(() -> storage().open(URI.create("s3://media/acog/x.wav")))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("bucket 'media' does not exist")
                .hasMessageContaining("s3.bucket");
    }

    @Test
    void accessDeniedIsAnIOExceptionThatNamesTheCredentialSettingsButNoSecret() {
        s3.server.stubFor(any(anyUrl()).willReturn(S3Mock.error(403, "AccessDenied", "Access Denied")));
        S3Storage storage = storage();

        for (Throwable thrown : List.of(
                catchThrowable(() -> storage.open(URI.create("s3://media/acog/x.wav"))),
                catchThrowable(() -> storage.store("x.wav", Media.ofBytes("x.wav", "audio/wav", new byte[10]))),
                catchThrowable(() -> storage.delete(URI.create("s3://media/acog/x.wav"))))) {
            assertThat(thrown)
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(FileNotFoundException.class)
                    .hasMessageContaining("s3://media/acog/x.wav")
                    .hasMessageContaining("AccessDenied (HTTP 403): Access Denied")
                    .hasMessageContaining("s3.access-key-id");
            assertNoSecret(thrown);
        }
        // refusals are not retried
        assertThat(s3.server.getAllServeEvents()).hasSize(3);
    }

    @Test
    void signatureMismatchIsRefusedWithoutEchoingTheSignature() {
        s3.server.stubFor(any(anyUrl())
                .willReturn(S3Mock.error(
                        403,
                        "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided."
                                + " Signature=0123456789abcdef0123456789abcdef")));

        Throwable thrown = catchThrowable(() -> storage().open(URI.create("s3://media/acog/x.wav")));

        assertThat(thrown).isInstanceOf(IOException.class).hasMessageContaining("SignatureDoesNotMatch");
        assertThat(thrown.getMessage()).doesNotContain("0123456789abcdef");
        assertNoSecret(thrown);
    }

    @Test
    void slowDownIsRetriedByTheSdkUntilItSucceeds() throws IOException {
        s3.server.stubFor(put(anyUrl())
                .inScenario("throttled")
                .whenScenarioStateIs(STARTED)
                .willReturn(S3Mock.error(503, "SlowDown", "Please reduce your request rate."))
                .willSetStateTo("once"));
        s3.server.stubFor(put(anyUrl())
                .inScenario("throttled")
                .whenScenarioStateIs("once")
                .willReturn(S3Mock.error(503, "SlowDown", "Please reduce your request rate."))
                .willSetStateTo("twice"));
        s3.server.stubFor(put(anyUrl())
                .inScenario("throttled")
                .whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"ok\"")));
        byte[] bytes = random(1000);

        storage().store("x.wav", Media.ofBytes("x.wav", "audio/wav", bytes));

        List<LoggedRequest> puts = s3.requests(RequestMethod.PUT, request -> true);
        assertThat(puts).hasSize(3);
        // each attempt re-sends the whole body (the media is opened again)
        assertThat(puts).allSatisfy(put -> assertThat(body(put)).isEqualTo(bytes));
        assertThat(puts.get(2).getHeader("amz-sdk-request")).startsWith("attempt=3");
    }

    @Test
    void slowDownThatLastsFailsAfterMaxAttempts() {
        s3.server.stubFor(put(anyUrl()).willReturn(S3Mock.error(503, "SlowDown", "Please reduce your request rate.")));

        Throwable thrown = catchThrowable(() ->
                storage("s3.max-attempts", "2").store("x.wav", Media.ofBytes("x.wav", "audio/wav", new byte[10])));

        assertThat(thrown)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not store s3://media/acog/x.wav")
                .hasMessageContaining("SlowDown (HTTP 503)");
        assertThat(s3.requests(RequestMethod.PUT, request -> true)).hasSize(2);
    }

    @Test
    void aSlowAnswerTimesOutAfterTheAttemptTimeout() {
        s3.server.stubFor(get(anyUrl())
                .willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(5_000)));

        Throwable thrown = catchThrowable(
                () -> storage("s3.timeout", "1", "s3.max-attempts", "2").open(URI.create("s3://media/acog/x.wav")));

        assertThat(thrown)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not read s3://media/acog/x.wav")
                .hasMessageContaining("timed out")
                .hasMessageContaining("s3.timeout");
        assertNoSecret(thrown);
    }

    @Test
    void aConnectionResetIsRetriedThenFails() {
        s3.server.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Throwable thrown = catchThrowable(() -> storage().open(URI.create("s3://media/acog/x.wav")));

        assertThat(thrown).isInstanceOf(IOException.class).hasMessageContaining("could not read s3://media/acog/x.wav");
        assertNoSecret(thrown);
        assertThat(s3.requests(RequestMethod.GET, request -> true)).hasSize(3);
    }

    @Test
    void aBodyBrokenMidwayFailsTheRead() throws IOException {
        s3.server.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(() -> {
                    try (InputStream in = storage().open(URI.create("s3://media/acog/x.wav"))) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void deleteSendsDeleteObjectAndAMissingKeyIsNoError() throws IOException {
        s3.server.stubFor(delete(urlPathEqualTo("/media/acog/episodes/7/voice.wav"))
                .willReturn(aResponse().withStatus(204)));
        s3.server.stubFor(delete(urlPathEqualTo("/media/acog/gone.wav"))
                .willReturn(S3Mock.error(404, "NoSuchKey", "The specified key does not exist.")));
        S3Storage storage = storage();

        storage.delete(URI.create("s3://media/acog/episodes/7/voice.wav"));
        storage.delete(URI.create("s3://media/acog/gone.wav"));

        List<LoggedRequest> deletes = s3.requests(RequestMethod.DELETE, request -> true);
        assertThat(deletes)
                .extracting(LoggedRequest::getUrl)
                .containsExactly("/media/acog/episodes/7/voice.wav", "/media/acog/gone.wav");
        assertThat(deletes.get(0).getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
    }

    @Test
    void uriOfAnotherBucketOrSchemeIsRefusedNamingIt() {
        S3Storage storage = storage();

        assertThatThrownBy(() -> storage.open(URI.create("s3://other/acog/x.wav")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://other/acog/x.wav");
        assertThatThrownBy(() -> storage.delete(URI.create("file:/tmp/acog/x.wav")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file:/tmp/acog/x.wav");
        assertThatThrownBy(() -> storage.shareableUrl(URI.create("https://media/acog/x.wav"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://media/acog/x.wav");
        assertThat(s3.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void presignedUrlPointsAtTheObjectIsCappedAndWorksWithoutCredentials() throws Exception {
        s3.server.stubFor(get(urlPathEqualTo("/media/acog/episodes/7/voice.wav"))
                .willReturn(aResponse().withStatus(200).withBody("voice bytes")));
        S3Storage storage = storage("s3.presign-max", "PT2H");

        URI url = storage.shareableUrl(URI.create("s3://media/acog/episodes/7/voice.wav"), Duration.ofDays(3))
                .orElseThrow();
        URI shortUrl = storage.shareableUrl(URI.create("s3://media/acog/episodes/7/voice.wav"), Duration.ofMinutes(30))
                .orElseThrow();

        URI endpoint = URI.create(s3.server.baseUrl());
        assertThat(url.getHost()).isEqualTo(endpoint.getHost());
        assertThat(url.getPort()).isEqualTo(endpoint.getPort());
        assertThat(url.getPath()).isEqualTo("/media/acog/episodes/7/voice.wav");
        assertThat(url.getQuery())
                .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
                .contains("X-Amz-Credential=" + S3Mock.ACCESS_KEY_ID + "/")
                .contains("X-Amz-Signature=")
                .doesNotContain(S3Mock.SECRET);
        assertThat(expires(url)).isEqualTo(7200);
        assertThat(expires(shortUrl)).isEqualTo(1800);
        assertThat(s3.server.getAllServeEvents()).as("signing calls nobody").isEmpty();

        HttpResponse<String> fetched = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("voice bytes");
        LoggedRequest get = s3.requests(RequestMethod.GET, request -> true).get(0);
        assertThat(get.getHeader("Authorization")).isNull();
    }

    @Test
    void presignedUrlsLastAtMostSevenDaysByDefault() throws IOException {
        URI url = storage()
                .shareableUrl(URI.create("s3://media/acog/x.wav"), Duration.ofDays(30))
                .orElseThrow();

        assertThat(expires(url)).isEqualTo(Duration.ofDays(7).toSeconds());
        assertThatThrownBy(() -> storage().shareableUrl(URI.create("s3://media/acog/x.wav"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentStoresFromSeveralThreadsAllArriveWhole() throws Exception {
        s3.acceptUploads();
        S3Storage storage = storage("s3.multipart-threshold", "5MiB", "s3.part-size", "5MiB");
        int threads = 6;
        int perThread = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<URI>> stored = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    // one object in four goes up in parts
                    byte[] bytes = random(i == 0 ? 5 * MIB + t : 10_000 + t * 100 + i);
                    contents.add(bytes);
                    String key = "episodes/" + t + "/asset-" + i + ".bin";
                    stored.add(pool.submit(
                            () -> storage.store(key, Media.ofBytes("a.bin", "application/octet-stream", bytes))));
                }
            }
            for (int n = 0; n < stored.size(); n++) {
                int t = n / perThread;
                int i = n % perThread;
                assertThat(stored.get(n).get(2, TimeUnit.MINUTES))
                        .isEqualTo(URI.create("s3://media/acog/episodes/" + t + "/asset-" + i + ".bin"));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int n = 0; n < contents.size(); n++) {
            String path = "/media/acog/episodes/" + n / perThread + "/asset-" + n % perThread + ".bin";
            assertThat(uploaded(path)).as(path).isEqualTo(contents.get(n));
        }
    }

    /** The bytes a path received: one PutObject, or the parts of its completed multipart upload. */
    private byte[] uploaded(String path) throws IOException {
        List<LoggedRequest> puts = s3.requests(
                RequestMethod.PUT,
                request -> request.getUrl().equals(path) || request.getUrl().startsWith(path + "?"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (LoggedRequest put : puts) {
            out.write(body(put));
        }
        return out.toByteArray();
    }

    private void assertMultipart(String path, String contentType, byte[] bytes, int... partSizes) {
        List<LoggedRequest> initiates = s3.requests(RequestMethod.POST, request -> has(request, "uploads"));
        assertThat(initiates).hasSize(1);
        assertThat(initiates.get(0).getUrl()).startsWith(path + "?");
        assertThat(initiates.get(0).getHeader("Content-Type")).isEqualTo(contentType);
        String uploadId = uploadIdOf(initiates);

        List<LoggedRequest> parts = s3.requests(RequestMethod.PUT, request -> true);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.getUrl()).startsWith(path + "?");
            assertThat(query(part, "uploadId")).isEqualTo(uploadId);
            assertThat(part.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
        });
        assertThat(parts)
                .extracting(part -> query(part, "partNumber"))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, partSizes.length)
                        .mapToObj(String::valueOf)
                        .toList());
        int offset = 0;
        for (int i = 0; i < partSizes.length; i++) {
            byte[] part = body(parts.get(i));
            assertThat(part.length).as("part %d", i + 1).isEqualTo(partSizes[i]);
            assertThat(part).isEqualTo(Arrays.copyOfRange(bytes, offset, offset + partSizes[i]));
            offset += partSizes[i];
        }
        assertThat(offset).isEqualTo(bytes.length);

        List<LoggedRequest> completes = s3.requests(RequestMethod.POST, request -> has(request, "uploadId"));
        assertThat(completes).hasSize(1);
        assertThat(query(completes.get(0), "uploadId")).isEqualTo(uploadId);
        String xml = new String(body(completes.get(0)), StandardCharsets.UTF_8);
        Matcher listed = Pattern.compile(
                        "<Part><ETag>&quot;etag-(\\d+)&quot;</ETag><PartNumber>(\\d+)</PartNumber></Part>"
                                + "|<Part><ETag>\"etag-(\\d+)\"</ETag><PartNumber>(\\d+)</PartNumber></Part>")
                .matcher(xml);
        List<String> numbers = new ArrayList<>();
        while (listed.find()) {
            String etag = listed.group(1) != null ? listed.group(1) : listed.group(3);
            String number = listed.group(2) != null ? listed.group(2) : listed.group(4);
            assertThat(etag).isEqualTo(number);
            numbers.add(number);
        }
        assertThat(numbers).as(xml).hasSize(partSizes.length).isSorted();
        assertThat(s3.requests(RequestMethod.DELETE, request -> true))
                .as("no abort")
                .isEmpty();
    }

    private String uploadIdOf(List<LoggedRequest> initiates) {
        assertThat(initiates).hasSize(1);
        List<String> ids = s3.uploadIds();
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0)).startsWith("upload-").hasSize("upload-".length() + 16);
        return ids.get(0);
    }

    private static long expires(URI url) {
        Matcher matcher = Pattern.compile("X-Amz-Expires=(\\d+)").matcher(url.getQuery());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static Media unknownSize(String fileName, String mimeType, byte[] bytes) {
        return new Media() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public String mimeType() {
                return mimeType;
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                // a pipe-like stream: short reads, as from a process or a socket
                return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return super.read(buffer, offset, Math.min(length, 100_000));
                    }
                };
            }
        };
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static void assertNoSecret(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .doesNotContain(S3Mock.SECRET)
                .doesNotContainPattern("(?i)Signature=[0-9a-f]")
                .doesNotContainPattern("(?i)X-Amz-Credential=");
    }
}
