package io.acog.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where produced files go: local disk by default, S3 or the like in production. Thread-safe.
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
     * @param key where to store it, relative to the storage's root; never blank
     * @param media the file to store, read once from {@link Media#open()}
     * @return the URI the asset records, readable later with {@link #open(URI)}
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
}
