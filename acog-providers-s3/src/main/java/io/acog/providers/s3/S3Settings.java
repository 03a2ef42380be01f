package io.acog.providers.s3;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 storage's settings ({@code s3.*}, listed in {@link S3Plugin}), read and checked once. A value
 * that cannot be used fails with a message naming the setting, the value (never the secret key's)
 * and what it must be. Its {@code toString} shows the secret key as {@code Secret[***]}.
 *
 * @param bucket the bucket assets go to
 * @param region the signing region, e.g. {@code us-east-1}
 * @param endpoint the S3-compatible server, or empty for AWS's own endpoint of the region
 * @param credentials static credentials, or empty for the AWS SDK's default chain
 * @param pathStyle whether the bucket goes in the path ({@code host/bucket/key}) rather than the host
 * @param prefix what every key starts with, used verbatim (may be empty)
 * @param multipartThreshold the size from which media of known size is uploaded in parts
 * @param partSize the size of each uploaded part, held in memory while it is sent
 * @param timeout the limit on each HTTP attempt of one S3 call
 * @param connectTimeout the limit on opening a connection
 * @param maxAttempts how many times one S3 call is tried, the first included
 * @param presignMax the longest a presigned URL is valid
 */
record S3Settings(
        String bucket,
        String region,
        Optional<URI> endpoint,
        Optional<Credentials> credentials,
        boolean pathStyle,
        String prefix,
        long multipartThreshold,
        long partSize,
        Duration timeout,
        Duration connectTimeout,
        int maxAttempts,
        Duration presignMax) {

    /** The settings' prefix and the storage's name. */
    static final String NAME = "s3";

    static final long MIB = 1024L * 1024L;
    static final long GIB = 1024L * MIB;

    /** S3's smallest part (all but the last part of a multipart upload). */
    static final long MIN_PART_SIZE = 5 * MIB;

    /** Parts are buffered in a byte array, so at most this (S3 itself allows 5 GiB). */
    static final long MAX_PART_SIZE = GIB;

    /** S3's largest single PutObject. */
    static final long MAX_PUT_SIZE = 5 * GIB;

    /** Signature Version 4 presigned URLs live at most a week. */
    static final Duration MAX_PRESIGN = Duration.ofDays(7);

    static final long DEFAULT_MULTIPART_THRESHOLD = 16 * MIB;
    static final long DEFAULT_PART_SIZE = 8 * MIB;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(|B|KIB|MIB|GIB|K|M|G)");

    /** A static key pair; the secret half is a {@link Secret}, so it never shows in a message. */
    record Credentials(String accessKeyId, Secret secretAccessKey) {
        Credentials {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }
    }

    S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(presignMax, "presignMax");
    }

    /**
     * Reads the settings, or returns empty when {@code s3.bucket} is not set: then there is no S3
     * storage to offer.
     *
     * @param config the host's settings
     * @return the settings, or empty without a bucket
     * @throws IllegalArgumentException naming the setting when a value cannot be used
     */
    static Optional<S3Settings> read(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of(NAME, config);
        Optional<String> bucket = settings.get("bucket");
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        if (!BUCKET.matcher(bucket.get()).matches()) {
            throw invalid(
                    settings,
                    "bucket",
                    bucket.get(),
                    "a bucket name: 3 to 255 letters, digits, dots, hyphens or underscores, starting and"
                            + " ending with a letter or digit");
        }
        String region = settings.text("region", DEFAULT_REGION);
        if (!REGION.matcher(region).matches()) {
            throw invalid(settings, "region", region, "a region name such as us-east-1 (lower case)");
        }
        Optional<URI> endpoint = settings.get("endpoint").map(value -> settings.url("endpoint", value));
        String prefix = settings.text("prefix", "");
        if (prefix.startsWith("/")) {
            throw invalid(settings, "prefix", prefix, "a key prefix without a leading '/', e.g. acog/");
        }
        long threshold = size(settings, "multipart-threshold", DEFAULT_MULTIPART_THRESHOLD, 1, MAX_PUT_SIZE);
        long partSize = size(settings, "part-size", DEFAULT_PART_SIZE, MIN_PART_SIZE, MAX_PART_SIZE);
        Duration presignMax = settings.duration("presign-max", MAX_PRESIGN);
        if (presignMax.compareTo(MAX_PRESIGN) > 0) {
            throw invalid(
                    settings,
                    "presign-max",
                    settings.text("presign-max", ""),
                    "at most 7 days (PT168H): S3 refuses presigned URLs valid longer");
        }
        return Optional.of(new S3Settings(
                bucket.get(),
                region,
                endpoint,
                credentials(settings),
                settings.flag("path-style", false),
                prefix,
                threshold,
                partSize,
                settings.duration("timeout", DEFAULT_TIMEOUT),
                settings.duration("connect-timeout", DEFAULT_CONNECT_TIMEOUT),
                settings.integer("max-attempts", DEFAULT_MAX_ATTEMPTS, 1, 10),
                presignMax));
    }

    /**
     * Returns the limit on one whole S3 call, its retries included: every attempt may use {@link
     * #timeout()}, and the SDK's standard strategy waits at most 20 s between attempts.
     *
     * @return the limit on one call
     */
    Duration callTimeout() {
        return timeout.multipliedBy(maxAttempts).plus(Duration.ofSeconds(20).multipliedBy(maxAttempts - 1L));
    }

    /**
     * Returns how long reading a stream may stall: an object opened for reading is read after the
     * call returned, so only this bounds a server that stops sending.
     *
     * @return the socket read timeout
     */
    Duration readTimeout() {
        Duration minute = Duration.ofMinutes(1);
        return timeout.compareTo(minute) < 0 ? timeout : minute;
    }

    private static Optional<Credentials> credentials(AdapterSettings settings) {
        Optional<String> id = settings.get("access-key-id");
        Optional<Secret> secret = settings.secret("secret-access-key");
        if (id.isPresent() != secret.isPresent()) {
            String set = id.isPresent() ? "access-key-id" : "secret-access-key";
            String unset = id.isPresent() ? "secret-access-key" : "access-key-id";
            throw new IllegalArgumentException("provider settings '" + settings.key("access-key-id") + "' and '"
                    + settings.key("secret-access-key") + "' go together: '" + settings.key(set) + "' is set but '"
                    + settings.key(unset) + "' is not; set both, or neither to use the AWS SDK's default"
                    + " credentials chain");
        }
        return id.map(value -> new Credentials(value, secret.orElseThrow()));
    }

    /** Reads a byte count: a number of bytes, or a number with KiB, MiB or GiB (K, M, G alike). */
    private static long size(AdapterSettings settings, String key, long fallback, long min, long max) {
        Optional<String> value = settings.get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String must = "a size from " + describe(min) + " to " + describe(max)
                + ", in bytes or with KiB, MiB or GiB (e.g. 8MiB)";
        Matcher matcher = SIZE.matcher(value.get().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(settings, key, value.get(), must);
        }
        long unit = switch (matcher.group(2)) {
            case "K", "KIB" -> 1024L;
            case "M", "MIB" -> MIB;
            case "G", "GIB" -> GIB;
            default -> 1L;
        };
        long parsed;
        try {
            parsed = Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(settings, key, value.get(), must);
        }
        if (parsed < min || parsed > max) {
            throw invalid(settings, key, value.get(), must);
        }
        return parsed;
    }

    static String describe(long bytes) {
        if (bytes % GIB == 0) {
            return bytes / GIB + " GiB";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }

    private static IllegalArgumentException invalid(AdapterSettings settings, String key, String value, String must) {
        return new IllegalArgumentException(
                "provider setting '" + settings.key(key) + "' is '" + value + "'; it must be " + must);
    }
}
