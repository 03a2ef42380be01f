package io.acog.core.channel;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.util.Map;

/**
 * Where and how the channel publishes ({@code channels.platform_config}). Never put secrets here:
 * store a reference ({@link #oauthCredentialRef()}) that the host resolves. Unknown keys are kept
 * in {@link #extra()}.
 */
public record PlatformConfig(
        String platform,
        String youtubeChannelId,
        String oauthCredentialRef,
        String defaultPrivacy,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PlatformConfig {
        extra = Values.map(extra);
    }

    public static PlatformConfig empty() {
        return new PlatformConfig(null, null, null, null, null);
    }

    public PlatformConfig withExtra(String key, Object value) {
        return new PlatformConfig(platform, youtubeChannelId, oauthCredentialRef, defaultPrivacy,
                Extra.with(extra, key, value));
    }
}
