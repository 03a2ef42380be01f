package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.VideoMetadata;
import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import io.acog.spi.RenderProgress;
import io.acog.spi.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media a provider made, put into asset storage (and let go of), and the facts about it an asset
 * records.
 */
final class StoredMedia {

    private static final Logger LOG = LoggerFactory.getLogger(StoredMedia.class);

    private StoredMedia() {}

    /**
     * Media as stored: where, and its size as it was (the provider's temporary file is gone by
     * now).
     *
     * @param size in bytes; null when unknown
     */
    record Kept(URI uri, Long size) {}

    /**
     * Stores the media under {@code episodes/<id>/<name>}, then closes it (when {@link
     * AutoCloseable}).
     *
     * @throws StageFailedException (retryable) when the storage refuses
     */
    static Kept store(AssetStorage storage, String provider, UUID episodeId, String name, Media media) {
        String key = "episodes/" + episodeId + "/" + name;
        try {
            return new Kept(storage.store(key, media), size(media));
        } catch (IOException | RuntimeException e) {
            throw StageFailedException.retryable(storage.name() + " cannot store " + provider + "'s " + media.fileName()
                    + " as " + key + ": " + e.getMessage());
        } finally {
            close(media);
        }
    }

    /** Lets go of media a provider made in a temporary file (an {@link AutoCloseable} one). */
    static void close(Media media) {
        if (media instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Cannot clean up {} after storing it: {}", media.fileName(), e.getMessage());
            }
        }
    }

    static VideoMetadata video(long durationMs, Usage usage, Map<String, Object> extra) {
        return new VideoMetadata(seconds(durationMs), null, null, null, null, Usages.cents(usage), null, extra);
    }

    /**
     * The asset's extra metadata: what the provider said about the media (attribution, say), then
     * the pipeline's own facts, which win a clash of keys.
     */
    static Map<String, Object> extra(RenderProgress.Done done, Map<String, Object> ours) {
        Map<String, Object> extra = new java.util.LinkedHashMap<>(done.metadata());
        extra.putAll(ours);
        return extra;
    }

    static BigDecimal seconds(long durationMs) {
        return durationMs <= 0 ? null : BigDecimal.valueOf(durationMs, 3);
    }

    static Integer millis(long durationMs) {
        return durationMs <= 0 ? null : Math.toIntExact(Math.min(durationMs, Integer.MAX_VALUE));
    }

    static Long size(Media media) {
        return media.size() < 0 ? null : media.size();
    }

    /** The media's file name, safe for a storage key. */
    static String fileName(Media media) {
        String name = media.fileName();
        return name == null || name.isBlank() ? "output" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static String extension(Media media) {
        String name = fileName(media);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(dot + 1);
    }
}
