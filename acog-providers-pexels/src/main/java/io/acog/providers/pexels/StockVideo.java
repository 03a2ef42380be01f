package io.acog.providers.pexels;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One video of Pexels' library, as its search and {@code /videos/videos/{id}} describe it: its
 * size, length, page and author (for attribution), and the files it is offered in. Immutable.
 *
 * @param id Pexels' id of the video
 * @param width the video's width in pixels; 0 when not given
 * @param height the video's height in pixels; 0 when not given
 * @param durationMs how long it runs, in milliseconds (Pexels gives whole seconds); 0 when not given
 * @param pageUrl the video's page on pexels.com ({@code url}); null when not given
 * @param author the author's name ({@code user.name}); null when not given
 * @param authorUrl the author's page ({@code user.url}); null when not given
 * @param files the files offered ({@code video_files}), usable or not
 */
record StockVideo(
        long id,
        int width,
        int height,
        long durationMs,
        String pageUrl,
        String author,
        String authorUrl,
        List<VideoFile> files) {

    StockVideo {
        files = List.copyOf(files);
    }

    /**
     * One file a video is offered in. Its link is a signed URL, a secret while it lives: {@link
     * #toString()} leaves it out.
     *
     * @param id Pexels' id of the file
     * @param quality Pexels' label ({@code sd}, {@code hd}, {@code uhd}, {@code hls}); null when not
     *     given
     * @param fileType the MIME type ({@code file_type}); null when not given
     * @param width the width in pixels; 0 when not given
     * @param height the height in pixels; 0 when not given
     * @param link where to download it ({@code link}); null when not given
     */
    record VideoFile(long id, String quality, String fileType, int width, int height, String link) {

        /**
         * Tells whether the file can be downloaded and used as a clip: an MP4 (not an HLS
         * playlist) of a known size, with an http(s) link.
         *
         * @return whether it is usable
         */
        boolean usable() {
            if (width <= 0 || height <= 0 || link == null || fileType == null) {
                return false;
            }
            if (!fileType.toLowerCase(Locale.ROOT).equals("video/mp4") || "hls".equalsIgnoreCase(quality)) {
                return false;
            }
            try {
                URI uri = URI.create(link);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https"))
                        && uri.getHost() != null
                        && !path.endsWith(".m3u8");
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /**
         * Returns the shorter side: the "1080" of 1080p, either way up.
         *
         * @return the smaller of width and height
         */
        int shortSide() {
            return Math.min(width, height);
        }

        /** Leaves the signed link out. */
        @Override
        public String toString() {
            return "VideoFile[" + id + ", " + quality + ", " + fileType + ", " + width + "x" + height + "]";
        }
    }

    /**
     * Returns the file of id {@code fileId}.
     *
     * @param fileId Pexels' id of the file
     * @return the file, or empty when the video offers none of that id
     */
    Optional<VideoFile> file(long fileId) {
        return files.stream().filter(file -> file.id() == fileId).findFirst();
    }

    /**
     * Reads a video of Pexels' JSON. Fields that are missing or of the wrong type read as unknown;
     * only the id is required.
     *
     * @param node one element of {@code videos}, or the answer of {@code /videos/videos/{id}}
     * @return the video, or empty when the node has no numeric {@code id}
     */
    static Optional<StockVideo> parse(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("id").canConvertToLong()) {
            return Optional.empty();
        }
        List<VideoFile> files = new ArrayList<>();
        for (JsonNode file : node.path("video_files")) {
            if (file.path("id").canConvertToLong()) {
                files.add(new VideoFile(
                        file.path("id").asLong(),
                        text(file, "quality"),
                        text(file, "file_type"),
                        file.path("width").asInt(0),
                        file.path("height").asInt(0),
                        text(file, "link")));
            }
        }
        JsonNode user = node.path("user");
        return Optional.of(new StockVideo(
                node.path("id").asLong(),
                node.path("width").asInt(0),
                node.path("height").asInt(0),
                Math.max(0, Math.round(node.path("duration").asDouble(0) * 1000)),
                text(node, "url"),
                text(user, "name"),
                text(user, "url"),
                files));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
