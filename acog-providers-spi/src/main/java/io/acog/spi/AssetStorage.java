package io.acog.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

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
}
