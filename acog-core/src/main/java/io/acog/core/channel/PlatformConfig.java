package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Where and how the channel publishes, and how its episodes go through the pipeline ({@code
 * channels.platform_config}). Never put secrets here: store a reference ({@link
 * #oauthCredentialRef()}) that the host resolves. Unknown keys are kept in {@link #extra()}. Every
 * component but {@code extra} is nullable.
 *
 * @param platform where it publishes, e.g. {@code "youtube"}; chooses among the pipeline's
 *     publishers
 * @param youtubeChannelId the YouTube channel's id
 * @param oauthCredentialRef a reference to the upload credentials, which the host resolves; never
 *     the credentials
 * @param defaultPrivacy e.g. {@code "public"}, {@code "unlisted"} or {@code "private"}
 * @param scriptReview {@code "auto"} (the writer reviews its own script; the default) or {@code
 *     "manual"} (scripts wait in {@code script_review} for a person's approval)
 * @param autoPublish whether a ready episode is uploaded at once (default) or waits for an explicit
 *     publish
 * @param monthlyBudgetUsd the most the channel may spend on providers per calendar month (UTC);
 *     stages do not start once it is reached. Null for no limit.
 * @param extra keys beyond these, kept as they are
 */
public record PlatformConfig(
        String platform,
        String youtubeChannelId,
        String oauthCredentialRef,
        String defaultPrivacy,
        String scriptReview,
        Boolean autoPublish,
        BigDecimal monthlyBudgetUsd,
        Map<String, Object> extra) {

    /**
     * Creates a configuration, copying {@code extra} (null becomes empty).
     *
     * @param platform where it publishes, e.g. {@code "youtube"}; chooses among the pipeline's
     *     publishers
     * @param youtubeChannelId the YouTube channel's id
     * @param oauthCredentialRef a reference to the upload credentials, which the host resolves;
     *     never the credentials
     * @param defaultPrivacy e.g. {@code "public"}, {@code "unlisted"} or {@code "private"}
     * @param scriptReview {@code "auto"} (the writer reviews its own script; the default) or {@code
     *     "manual"} (scripts wait in {@code script_review} for a person's approval)
     * @param autoPublish whether a ready episode is uploaded at once (default) or waits for an
     *     explicit publish
     * @param monthlyBudgetUsd the most the channel may spend on providers per calendar month (UTC);
     *     stages do not start once it is reached. Null for no limit.
     * @param extra keys beyond these, kept as they are
     */
    public PlatformConfig {
        extra = Copies.map(extra);
    }

    /**
     * Returns a configuration with nothing set: automatic review and publishing, no budget.
     *
     * @return the empty configuration
     */
    public static PlatformConfig empty() {
        return new PlatformConfig(null, null, null, null, null, null, null, null);
    }

    /**
     * Tells whether scripts wait for a person's approval.
     *
     * @return whether {@link #scriptReview()} is {@code "manual"}, ignoring case
     */
    public boolean manualScriptReview() {
        return "manual".equalsIgnoreCase(scriptReview);
    }

    /**
     * Tells whether ready episodes are published without being told to.
     *
     * @return whether {@link #autoPublish()} is true or unset
     */
    public boolean publishesAutomatically() {
        return autoPublish == null || autoPublish;
    }

    /**
     * Returns a copy with another script review.
     *
     * @param scriptReview {@code "auto"} or {@code "manual"}
     * @return the changed copy
     */
    public PlatformConfig withScriptReview(String scriptReview) {
        return new PlatformConfig(
                platform,
                youtubeChannelId,
                oauthCredentialRef,
                defaultPrivacy,
                scriptReview,
                autoPublish,
                monthlyBudgetUsd,
                extra);
    }

    /**
     * Returns a copy that publishes ready episodes at once, or not.
     *
     * @param autoPublish whether to publish without being told to
     * @return the changed copy
     */
    public PlatformConfig withAutoPublish(boolean autoPublish) {
        return new PlatformConfig(
                platform,
                youtubeChannelId,
                oauthCredentialRef,
                defaultPrivacy,
                scriptReview,
                autoPublish,
                monthlyBudgetUsd,
                extra);
    }

    /**
     * Returns a copy with another monthly budget.
     *
     * @param monthlyBudgetUsd the budget in US dollars; null for no limit
     * @return the changed copy
     */
    public PlatformConfig withMonthlyBudgetUsd(BigDecimal monthlyBudgetUsd) {
        return new PlatformConfig(
                platform,
                youtubeChannelId,
                oauthCredentialRef,
                defaultPrivacy,
                scriptReview,
                autoPublish,
                monthlyBudgetUsd,
                extra);
    }

    /**
     * Returns a copy with the host application's own key, kept beside the seed's.
     *
     * @param key the JSON key
     * @param value a JSON-compatible value: string, number, boolean, list, map or null
     * @return the changed copy
     */
    public PlatformConfig withExtra(String key, Object value) {
        return new PlatformConfig(
                platform,
                youtubeChannelId,
                oauthCredentialRef,
                defaultPrivacy,
                scriptReview,
                autoPublish,
                monthlyBudgetUsd,
                Extra.with(extra, key, value));
    }
}
