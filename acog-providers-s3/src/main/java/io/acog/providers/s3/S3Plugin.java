package io.acog.providers.s3;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers an {@link io.acog.spi.AssetStorage} named {@code "s3"} that keeps assets in an S3
 * bucket, on AWS or any S3-compatible server (MinIO, Cloudflare R2, Wasabi, Ceph), and gives
 * providers presigned GET URLs of them. Found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.acog.spi.ProviderPlugin}.
 *
 * <p>It registers nothing when {@code s3.bucket} is not set. Settings, read through {@link
 * ProviderConfig} ({@code ACOG_S3_BUCKET} and so on with {@link ProviderConfig#fromEnvironment()}):
 *
 * <ul>
 *   <li>{@code s3.bucket}: the bucket; required.
 *   <li>{@code s3.region}: the region, default {@code us-east-1}.
 *   <li>{@code s3.endpoint}: an S3-compatible server's URL, e.g. {@code http://localhost:9000};
 *       default AWS's endpoint of the region.
 *   <li>{@code s3.access-key-id} and {@code s3.secret-access-key}: a static key pair, both or
 *       neither; without them the AWS SDK's default credentials chain (environment, system
 *       properties, profile files, web identity, container and instance roles).
 *   <li>{@code s3.path-style}: {@code true} puts the bucket in the path rather than the host name,
 *       as most S3-compatible servers want; default {@code false}.
 *   <li>{@code s3.prefix}: what every object key starts with, used verbatim (end it with {@code /}
 *       for a folder, e.g. {@code acog/}); default none.
 *   <li>{@code s3.multipart-threshold}: media of known size from this size on is uploaded in parts;
 *       default 16 MiB, at most 5 GiB (bytes, or with KiB, MiB, GiB).
 *   <li>{@code s3.part-size}: the size of each part, held in memory while it is sent; default
 *       8 MiB, from 5 MiB (S3's smallest part) to 1 GiB.
 *   <li>{@code s3.timeout}: the limit on each HTTP attempt of one S3 call (one part, one small
 *       object); default 5 minutes. A call and its retries together are limited to about {@code
 *       timeout} times {@code max-attempts}.
 *   <li>{@code s3.connect-timeout}: the limit on opening a connection; default 10 seconds.
 *   <li>{@code s3.max-attempts}: how often one call is tried on S3's transient failures (503
 *       SlowDown, 500, a reset, a timed-out attempt), with the AWS SDK's standard backoff; default
 *       3, from 1 to 10.
 *   <li>{@code s3.presign-max}: the longest a presigned URL is valid; default and most 7 days.
 * </ul>
 *
 * <p>A value that cannot be used fails {@link #register} with an {@link IllegalArgumentException}
 * naming the setting, the value (never the secret key's) and what it must be.
 *
 * <p>The storage's S3 client and its connection pool live as long as the JVM: {@link
 * io.acog.spi.AssetStorage} has no close. So that building many pipelines does not build many
 * pools, the plugin registers one storage for each distinct set of settings, shared by every
 * pipeline built with them. Thread-safe.
 */
public final class S3Plugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(S3Plugin.class);

    private static final ConcurrentMap<S3Settings, S3Storage> STORAGES = new ConcurrentHashMap<>();

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public S3Plugin() {}

    /**
     * Returns {@code "s3"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return S3Settings.NAME;
    }

    /**
     * Registers the S3 storage when {@code s3.bucket} is set, and nothing otherwise. It makes no
     * call to S3: a wrong bucket or wrong credentials show at the first store, as an {@link
     * java.io.IOException} that says which setting to check.
     *
     * @param config the host's settings ({@code s3.*}, listed above)
     * @param registry where to put the storage
     * @throws IllegalArgumentException naming the setting when a value cannot be used
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        Optional<S3Settings> read = S3Settings.read(config);
        if (read.isEmpty()) {
            LOG.debug("S3 storage not registered: {}.bucket is not set", S3Settings.NAME);
            return;
        }
        S3Settings settings = read.get();
        S3Storage storage = STORAGES.computeIfAbsent(settings, S3Storage::new);
        registry.assetStorage(storage);
        LOG.info(
                "ACOG stores assets in s3://{}/{} (region {}, {}{})",
                settings.bucket(),
                settings.prefix(),
                settings.region(),
                settings.endpoint()
                        .map(endpoint -> "endpoint " + endpoint.getScheme() + "://" + endpoint.getHost()
                                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()))
                        .orElse("AWS endpoint"),
                settings.credentials().isPresent() ? ", static credentials" : ", default credentials chain");
    }
}
