package io.acog.providers.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK's S3 client and presigner, built once from the settings and shared by every call:
 * both are thread-safe. Choices that differ from the SDK's defaults, and why:
 *
 * <ul>
 *   <li>The HTTP client is the SDK's Apache HttpClient 5 one (its default; the Apache 4 one is
 *       deprecated), given the connect timeout and a socket read timeout ({@link
 *       S3Settings#readTimeout()}), since an opened object is read after its call returned.
 *   <li>Each HTTP attempt is limited by {@code s3.timeout}, the whole call by {@link
 *       S3Settings#callTimeout()}.
 *   <li>Retries follow the SDK's standard strategy (throttling such as 503 SlowDown, 500s, resets,
 *       timed-out attempts), bounded by {@code s3.max-attempts}: storage calls cost nothing, so
 *       retrying a blip here is better than failing a stage, but a dead endpoint fails quickly.
 *   <li>Checksums are sent and checked only where S3 requires them ({@code WHEN_REQUIRED}). Since
 *       SDK 2.30 the default adds CRC32 checksums to every upload, sent as {@code aws-chunked}
 *       trailers, which several S3-compatible servers (older MinIO, Ceph, R2 and others at times)
 *       reject; over HTTPS the transport already guards the bytes.
 * </ul>
 *
 * <p>Closing releases the connection pool; a storage keeps its clients for the JVM's life.
 */
final class S3Clients implements AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final S3Client client;
    private final S3Presigner presigner;

    S3Clients(S3Settings settings) {
        this.credentials = settings.credentials()
                .<AwsCredentialsProvider>map(pair -> StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        pair.accessKeyId(), pair.secretAccessKey().reveal())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        Region region = Region.of(settings.region());
        this.http = Apache5HttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout())
                .build();
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(settings.timeout())
                .apiCallTimeout(settings.callTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .build())
                .build();
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(overrides)
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        var presignerBuilder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        settings.endpoint().ifPresent(presignerBuilder::endpointOverride);
        this.presigner = presignerBuilder.build();
    }

    S3Client client() {
        return client;
    }

    S3Presigner presigner() {
        return presigner;
    }

    /** Closes the clients and what the SDK leaves to its caller to close: the HTTP client and the credentials chain. */
    @Override
    public void close() {
        presigner.close();
        client.close();
        http.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
