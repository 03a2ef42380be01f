package io.acog.core.asset;

import java.util.UUID;

/**
 * What {@link AssetRepository#add(NewAsset)} needs: the episode, the type and the URI; the rest is
 * optional. The metadata, when given, must be the kind {@link AssetMetadata#typeFor} names for the
 * type. Build one with {@link #builder}.
 *
 * @param episodeId the episode it belongs to; required
 * @param type what kind of file it is; required
 * @param uri where the bytes are; required, see {@link #builder}
 * @param name a label; nullable
 * @param provider the provider that made it; nullable
 * @param providerJobId the provider's job or task id; nullable
 * @param metadata typed by {@code type}; null for empty metadata of the type's kind
 * @param mimeType the MIME type; nullable
 * @param fileSizeBytes the size in bytes, not negative; nullable
 * @param durationMs how long it plays, in milliseconds, not negative; nullable
 * @param primary whether it becomes the episode's primary asset of its type
 */
public record NewAsset(
        UUID episodeId,
        AssetType type,
        String uri,
        String name,
        String provider,
        String providerJobId,
        AssetMetadata metadata,
        String mimeType,
        Long fileSizeBytes,
        Integer durationMs,
        boolean primary) {

    /**
     * Starts building an asset. Nothing is checked until {@link AssetRepository#add(NewAsset)}.
     *
     * @param episodeId the episode it belongs to
     * @param type what kind of file it is
     * @param uri {@code s3://bucket/key}, {@code https://host/...} or {@code file:/absolute/path},
     *     at most 1000 characters
     * @return a new builder
     */
    public static Builder builder(UUID episodeId, AssetType type, String uri) {
        return new Builder(episodeId, type, uri);
    }

    /** Builds a {@link NewAsset}. */
    public static final class Builder {
        private final UUID episodeId;
        private final AssetType type;
        private final String uri;
        private String name;
        private String provider;
        private String providerJobId;
        private AssetMetadata metadata;
        private String mimeType;
        private Long fileSizeBytes;
        private Integer durationMs;
        private boolean primary;

        private Builder(UUID episodeId, AssetType type, String uri) {
            this.episodeId = episodeId;
            this.type = type;
            this.uri = uri;
        }

        /**
         * Sets a label, e.g. {@code "voice"}.
         *
         * @param name the label
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets who made it, e.g. {@code "elevenlabs"}, and the provider's job id.
         *
         * @param provider the provider's name
         * @param providerJobId the provider's job or task id; nullable
         * @return this builder
         */
        public Builder provider(String provider, String providerJobId) {
            this.provider = provider;
            this.providerJobId = providerJobId;
            return this;
        }

        /**
         * Sets the metadata; it must be the kind {@link AssetMetadata#typeFor} names for the type.
         *
         * @param metadata the metadata
         * @return this builder
         */
        public Builder metadata(AssetMetadata metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets the MIME type, e.g. {@code "video/mp4"}.
         *
         * @param mimeType the MIME type
         * @return this builder
         */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        /**
         * Sets the size.
         *
         * @param fileSizeBytes the size in bytes, not negative
         * @return this builder
         */
        public Builder fileSizeBytes(long fileSizeBytes) {
            this.fileSizeBytes = fileSizeBytes;
            return this;
        }

        /**
         * Sets how long it plays.
         *
         * @param durationMs the duration in milliseconds, not negative
         * @return this builder
         */
        public Builder durationMs(int durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        /**
         * Makes it the episode's primary asset of its type; the previous primary, if any, stops
         * being primary in the same transaction.
         *
         * @param primary whether it becomes primary; false by default
         * @return this builder
         */
        public Builder primary(boolean primary) {
            this.primary = primary;
            return this;
        }

        /**
         * Builds the asset description.
         *
         * @return the new asset, to pass to {@link AssetRepository#add(NewAsset)}
         */
        public NewAsset build() {
            return new NewAsset(
                    episodeId,
                    type,
                    uri,
                    name,
                    provider,
                    providerJobId,
                    metadata,
                    mimeType,
                    fileSizeBytes,
                    durationMs,
                    primary);
        }
    }
}
