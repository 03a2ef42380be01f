package io.acog.core.asset;

import java.util.UUID;

/**
 * What {@link AssetRepository#add(NewAsset)} needs: the episode, the type and the URI; the rest is
 * optional. The metadata, when given, must be the kind {@link AssetMetadata#typeFor} names for the
 * type.
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
     * @param uri {@code s3://bucket/key}, {@code https://host/...} or {@code file:/absolute/path},
     *     at most 1000 characters
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

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Who made it, e.g. {@code "elevenlabs"}, and the provider's job id. */
        public Builder provider(String provider, String providerJobId) {
            this.provider = provider;
            this.providerJobId = providerJobId;
            return this;
        }

        public Builder metadata(AssetMetadata metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        public Builder fileSizeBytes(long fileSizeBytes) {
            this.fileSizeBytes = fileSizeBytes;
            return this;
        }

        public Builder durationMs(int durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        /**
         * Makes it the episode's primary asset of its type; the previous primary, if any, stops
         * being primary in the same transaction.
         */
        public Builder primary(boolean primary) {
            this.primary = primary;
            return this;
        }

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
