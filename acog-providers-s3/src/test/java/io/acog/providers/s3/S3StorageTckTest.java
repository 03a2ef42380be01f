package io.acog.providers.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.spi.AssetStorage;
import io.acog.testkit.providers.AssetStorageTck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The S3 storage passes the storage kit against {@link S3Mock} keeping objects as S3 does, with its
 * default multipart threshold and part size (the kit's large file, 17 MiB, goes up in three parts),
 * and fails as S3 and the network do: 500s, throttling, a refused signature, connections reset,
 * answers cut off (a write's before its status, a read's mid-body), an endpoint that no longer
 * listens.
 */
class S3StorageTckTest extends AssetStorageTck {

    private final List<S3Mock> mocks = new ArrayList<>();
    private final List<S3Storage> storages = new ArrayList<>();

    /** A fresh bucket for every storage the kit asks for, since some failures stop the server. */
    @Override
    protected AssetStorage storage() {
        S3Mock s3 = new S3Mock(false);
        s3.keepObjects();
        mocks.add(s3);
        S3Storage storage = s3.storage("s3.timeout", "60");
        storages.add(storage);
        return storage;
    }

    /** The settings that hold the storage's credentials: the kit keeps their values out of messages and logs. */
    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "s3.bucket", S3Mock.BUCKET,
                "s3.access-key-id", S3Mock.ACCESS_KEY_ID,
                "s3.secret-access-key", S3Mock.SECRET);
    }

    @Override
    protected List<String> backendFailures() {
        return List.of(
                "500 InternalError",
                "503 SlowDown",
                "403 SignatureDoesNotMatch",
                "connection reset",
                "answers cut off",
                "unreachable");
    }

    @Override
    protected void backendFails(String failure) {
        S3Mock s3 = last();
        switch (failure) {
            case "500 InternalError" ->
                s3.fail(S3Mock.error(500, "InternalError", "We encountered an internal error. Please try again."));
            case "503 SlowDown" -> s3.fail(S3Mock.error(503, "SlowDown", "Please reduce your request rate."));
            case "403 SignatureDoesNotMatch" -> s3.fail(S3Mock.signatureDoesNotMatch());
            case "connection reset" -> s3.fail(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            case "answers cut off" -> {
                // a 200 status is S3's word that a write is done, so writes are cut before it, reads after
                s3.fail(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
                s3.server.stubFor(
                        get(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
            }
            case "unreachable" -> s3.close();
            default -> throw new IllegalArgumentException(failure);
        }
    }

    @AfterEach
    void stop() {
        storages.forEach(S3Storage::close);
        mocks.forEach(S3Mock::close);
    }

    private S3Mock last() {
        return mocks.get(mocks.size() - 1);
    }
}
