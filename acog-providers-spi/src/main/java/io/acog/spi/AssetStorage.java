package io.acog.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Where produced files go: local disk by default, S3 or the like in production. Thread-safe.
 */
public interface AssetStorage {

    String name();

    /**
     * Stores the media under {@code key} (a relative path such as
     * {@code episodes/<id>/audio/voice.wav}), replacing what was there, and returns its URI
     * ({@code file:}, {@code s3://} or {@code https://}).
     */
    URI store(String key, Media media) throws IOException;

    /** Opens a stored file for reading. */
    InputStream open(URI uri) throws IOException;
}
