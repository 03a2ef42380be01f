package io.acog.spi;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Uploads the finished video to the channel's platform: the {@code upload} stage. Thread-safe. */
public interface Publisher extends Provider {

    /**
     * Returns the provider's name, e.g. {@code "youtube"}.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Tells whether this provider serves channels that ask for {@code requested} (their {@code
     * platform_config.platform}); by default when it is its own {@link #name()}, ignoring case.
     * Test doubles may serve any. A publisher whose name matches is chosen before one that only
     * serves the name.
     *
     * @param requested the platform the channel names; never blank
     * @return whether this publisher publishes for such a channel
     */
    default boolean serves(String requested) {
        return name().equalsIgnoreCase(requested);
    }

    /**
     * Publishes the assembled video: the {@code upload} stage. The publication's URL becomes the
     * episode's {@code published_url}; a missing URL, or one longer than the column holds, fails
     * the stage as retryable.
     *
     * <p>An upload is long and may be cut short by a crash; the job then runs again on another
     * worker. Make it resume instead of publishing twice: save the upload's session with {@link
     * ProviderCall#saveCheckpoint} before sending the first byte (and the video's id once the
     * platform has it), and begin by reading {@link ProviderCall#checkpoint()}: with a session,
     * ask the platform how much it has and send the rest; with a video id, only finish what
     * follows (thumbnail, captions).
     *
     * @param request the channel, the video and what to publish it with
     * @param call the episode and stage it serves; its checkpoint survives crashes
     * @return where the video was published, never null
     * @throws ProviderException when the upload fails ({@link ProviderException#quotaExhaustedUntil}
     *     when the platform's daily quota is spent)
     */
    Publication publish(PublishRequest request, ProviderCall call);

    /** Who may watch a published video. */
    enum Privacy {
        /** Only the channel's owner. */
        PRIVATE,
        /** Anyone with the link. */
        UNLISTED,
        /** Everyone. */
        PUBLIC;

        /**
         * Returns the privacy as platforms and {@code platform_config.default_privacy} spell it,
         * e.g. {@code "unlisted"}.
         *
         * @return the lower-case name
         */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What to publish, and how.
     *
     * @param channel the channel, with its {@code platform_config}
     * @param video the assembled video, readable from {@link ProviderCall#storage()}
     * @param title the video's title
     * @param description the video's description
     * @param tags the video's tags
     * @param categoryId the platform's category, e.g. YouTube's {@code "27"} (Education); null for
     *     the platform's default
     * @param privacy who may watch it; the channel's {@code default_privacy}, else private
     * @param publishAt when a private video becomes public on its own (a scheduled release); null
     *     for none
     * @param madeForKids whether the channel declares its videos made for children ({@code
     *     platform_config.made_for_kids})
     * @param containsSyntheticMedia whether the video shows realistic synthetic people or voices, to
     *     declare to the platform; true for ACOG's avatar videos
     * @param thumbnail the thumbnail image, readable from the storage; null when there is none
     * @param captions the captions file (SRT), readable from the storage; null when there is none
     * @param language the spoken language, e.g. {@code "en"}; null when unknown
     * @param metadata the episode's whole metadata ({@code final_title, description, tags[], ...}),
     *     for what the fields above leave out
     */
    record PublishRequest(
            ChannelBrief channel,
            URI video,
            String title,
            String description,
            List<String> tags,
            String categoryId,
            Privacy privacy,
            Instant publishAt,
            boolean madeForKids,
            boolean containsSyntheticMedia,
            URI thumbnail,
            URI captions,
            String language,
            Map<String, Object> metadata) {
        /**
         * Makes unmodifiable copies of {@code tags} and {@code metadata} (null becomes empty) and
         * checks the required fields.
         *
         * @param channel the channel
         * @param video the assembled video
         * @param title the video's title
         * @param description the video's description
         * @param tags the video's tags
         * @param categoryId the platform's category, or null
         * @param privacy who may watch it
         * @param publishAt when it becomes public on its own, or null
         * @param madeForKids whether it is made for children
         * @param containsSyntheticMedia whether it shows synthetic people or voices
         * @param thumbnail the thumbnail image, or null
         * @param captions the captions file (SRT), or null
         * @param language the spoken language, or null
         * @param metadata the episode's whole metadata
         * @throws NullPointerException when {@code channel}, {@code video} or {@code privacy} is
         *     null
         */
        public PublishRequest {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(privacy, "privacy");
            title = title == null ? "" : title;
            description = description == null ? "" : description;
            tags = Copies.list(tags);
            metadata = Copies.map(metadata);
        }
    }

    /**
     * Where a video was published.
     *
     * @param url where viewers find it; never blank
     * @param externalId the platform's id of the video, for tracing; null if none
     * @param usage what the call cost; null counts as none
     */
    record Publication(String url, String externalId, Usage usage) {}
}
