package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Where and how the channel publishes, and how its episodes go through the pipeline
 * ({@code channels.platform_config}). Never put secrets here: store a reference
 * ({@link #oauthCredentialRef()}) that the host resolves. Unknown keys are kept in
 * {@link #extra()}.
 *
 * @param scriptReview {@code "auto"} (the writer reviews its own script; the default) or
 *     {@code "manual"} (scripts wait in {@code script_review} for a person's approval)
 * @param autoPublish whether a ready episode is uploaded at once (default) or waits for an
 *     explicit publish
 * @param monthlyBudgetUsd the most the channel may spend on providers per calendar month (UTC);
 *     stages do not start once it is reached. Null for no limit.
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

    public PlatformConfig {
        extra = Copies.map(extra);
    }

    public static PlatformConfig empty() {
        return new PlatformConfig(null, null, null, null, null, null, null, null);
    }

    /** Whether scripts wait for a person's approval. */
    public boolean manualScriptReview() {
        return "manual".equalsIgnoreCase(scriptReview);
    }

    /** Whether ready episodes are published without being told to. */
    public boolean publishesAutomatically() {
        return autoPublish == null || autoPublish;
    }

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
