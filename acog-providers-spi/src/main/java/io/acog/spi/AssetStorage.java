package io.acog.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where produced files go: local disk by default, S3 or the like in production. Thread-safe.
 *
 * <p>{@code io.acog.testkit.providers.AssetStorageTck} (in {@code acog-testkit}) checks an
 * implementation against this contract.
 */
public interface AssetStorage {

    /**
     * Returns the storage's name, e.g. {@code "local"}; error messages name the storage by it.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Stores the media under {@code key} (a relative path such as {@code
     * episodes/<id>/audio/voice.wav}), replacing what was there, and returns its URI ({@code
     * file:}, {@code s3://} or {@code https://}). The pipeline calls it with the media a provider
     * produced; a failure fails the stage as retryable.
     *
     * <p>A key names one place: storing under it again returns the same URI, which then opens to
     * the new bytes only. Replacing is all or nothing: a store that fails (the media cannot be read
     * to its end, the backend refuses or cannot be reached) leaves what the key held before, or
     * nothing when it held nothing, never part of the new media. A key that {@link
     * #checkKey(String)} refuses is refused before the media is opened.
     *
     * @param key where to store it, relative to the storage's root: a plain relative path, as
     *     {@link #checkKey(String)} checks
     * @param media the file to store, read once from {@link Media#open()} (an implementation may
     *     open it again to retry)
     * @return the URI the asset records, readable later with {@link #open(URI)}
     * @throws IllegalArgumentException when the key is not a plain relative path; nothing is
     *     written
     * @throws IOException when the media cannot be read or written
     */
    URI store(String key, Media media) throws IOException;

    /**
     * Opens a stored file for reading; the caller closes the stream.
     *
     * @param uri a URI that {@link #store(String, Media)} of this storage returned
     * @return the file's bytes, from the start
     * @throws IOException when the file is missing or cannot be read
     */
    InputStream open(URI uri) throws IOException;

    /**
     * Deletes a stored file; a file already gone is not an error.
     *
     * @param uri a URI that {@link #store(String, Media)} of this storage returned
     * @throws IOException when the file exists but cannot be deleted
     */
    void delete(URI uri) throws IOException;

    /**
     * Returns a URL of a stored file that a provider's servers can fetch for a while without
     * credentials (an S3 presigned GET URL): HeyGen and Runway fetch their inputs so. Such a URL is
     * a secret while it lives; never log it. Storage that cannot give one (local disk) returns
     * empty, the default, and providers upload the bytes instead.
     *
     * @param uri a URI that {@link #store(String, Media)} of this storage returned
     * @param validFor how long the URL must work
     * @return the URL, or empty when this storage cannot give one
     * @throws IOException when the storage cannot sign it
     */
    default Optional<URI> shareableUrl(URI uri, Duration validFor) throws IOException {
        return Optional.empty();
    }

    /**
     * Checks a storage key as every storage does before it writes anything, so that a key means
     * the same on local disk as in a bucket: not blank, and a plain relative path whose segments,
     * separated by single {@code /}, are neither empty nor {@code .} nor {@code ..} (no leading,
     * trailing or doubled {@code /}, no way out of the storage's root), with no {@code \} (a
     * separator on Windows, a plain character in S3). A storage may refuse more, S3 a key longer
     * than 1024 bytes for one.
     *
     * @param key the key, e.g. {@code episodes/<id>/audio/voice.wav}
     * @return the key
     * @throws NullPointerException when the key is null
     * @throws IllegalArgumentException naming the key when it is blank or not a plain relative path
     */
    static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("storage key '" + key + "' is blank");
        }
        boolean plain = key.indexOf('\\') < 0;
        for (String segment : key.split("/", -1)) {
            plain &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
        }
        if (!plain) {
            throw new IllegalArgumentException("storage key '" + key
                    + "' must be a relative path such as episodes/1/voice.wav: no leading, trailing or doubled"
                    + " '/', no '.' or '..' segment, no '\\'");
        }
        return key;
    }
}
