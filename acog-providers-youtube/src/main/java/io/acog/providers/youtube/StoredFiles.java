package io.acog.providers.youtube;

import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/** Small files (a thumbnail, captions) read from the pipeline's storage, with a size cap. */
final class StoredFiles {

    private StoredFiles() {}

    /**
     * Reads at most {@code limit} bytes, and one more to tell that the file is larger.
     *
     * @param storage the pipeline's storage
     * @param uri the file
     * @param limit the most bytes wanted
     * @param what what the file is, for the message
     * @return the bytes; longer than {@code limit} when the file is
     * @throws ProviderException (retryable, {@link Reason#UNAVAILABLE}) when it cannot be read
     */
    static byte[] read(AssetStorage storage, URI uri, int limit, String what) {
        try (InputStream in = storage.open(uri)) {
            return in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw unreadable(storage, what, e);
        }
    }

    /**
     * Returns the failure of a file that cannot be read from storage.
     *
     * @param storage the storage
     * @param what what the file is
     * @param e why
     * @return the exception (retryable: storage mostly fails for a while)
     */
    static ProviderException unreadable(AssetStorage storage, String what, IOException e) {
        return new ProviderException(
                YouTubeSettings.NAME,
                Reason.UNAVAILABLE,
                true,
                what + " cannot be read from the " + storage.name() + " storage: " + e.getMessage(),
                null,
                e);
    }

    /**
     * Returns an image's MIME type from its extension.
     *
     * @param uri the image
     * @return {@code image/png} or {@code image/jpeg}, else {@code application/octet-stream}
     */
    static String imageType(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
