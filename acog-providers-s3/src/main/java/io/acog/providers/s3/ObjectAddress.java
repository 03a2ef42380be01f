package io.acog.providers.s3;

import io.acog.spi.AssetStorage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where an object is: its bucket and key, and the {@code s3://bucket/key} URI an asset records.
 * Keys are quoted in the URI where they hold characters a URI cannot (spaces, {@code %}), and read
 * back unquoted.
 *
 * @param bucket the bucket
 * @param key the object's full key, prefix included
 */
record ObjectAddress(String bucket, String key) {

    static final String SCHEME = "s3";

    /** S3's longest key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;

    ObjectAddress {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Returns the address a storage key goes to.
     *
     * @param bucket the storage's bucket
     * @param prefix the storage's key prefix, possibly empty
     * @param key the storage key, a relative path such as {@code episodes/1/audio/voice.wav}
     * @return the address
     * @throws IllegalArgumentException when the key is not a plain relative path ({@link
     *     AssetStorage#checkKey(String)}: blank, a leading, trailing or doubled {@code /}, a {@code .}
     *     or {@code ..} segment, a {@code \}), or is too long for S3
     */
    static ObjectAddress of(String bucket, String prefix, String key) {
        AssetStorage.checkKey(key);
        String full = prefix + key;
        if (full.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "storage key '" + full + "' is longer than S3's " + MAX_KEY_BYTES + " bytes (UTF-8)");
        }
        return new ObjectAddress(bucket, full);
    }

    /**
     * Reads a URI this storage gave, which must name {@code bucket}. Any key of the bucket is
     * accepted, so assets stored before {@code s3.prefix} changed stay readable.
     *
     * @param uri the URI, e.g. {@code s3://bucket/acog/episodes/1/voice.wav}
     * @param bucket the storage's bucket
     * @return the address
     * @throws IllegalArgumentException naming the URI when it is not an {@code s3:} URI of the bucket
     *     with a key
     */
    static ObjectAddress parse(URI uri, String bucket) {
        Objects.requireNonNull(uri, "uri");
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())
                || uri.isOpaque()
                || !bucket.equals(uri.getAuthority())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getPath() == null
                || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(
                    uri + " is not in this storage: it takes s3://" + bucket + "/<key> URIs that it gave");
        }
        return new ObjectAddress(bucket, uri.getPath().substring(1));
    }

    /**
     * Returns the URI an asset records.
     *
     * @return {@code s3://bucket/key}, the key quoted where needed
     */
    URI uri() {
        try {
            return new URI(SCHEME, bucket, "/" + key, null, null);
        } catch (URISyntaxException e) {
            // the bucket is checked when read (letters, digits, dots, hyphens, underscores) and the
            // multi-argument constructor quotes whatever the key holds
            throw new IllegalStateException("s3://" + bucket + "/" + key + " cannot be a URI", e);
        }
    }

    @Override
    public String toString() {
        return SCHEME + "://" + bucket + "/" + key;
    }
}
