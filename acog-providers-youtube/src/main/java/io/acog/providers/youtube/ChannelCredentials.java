package io.acog.providers.youtube;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ChannelBrief;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.util.regex.Pattern;

/**
 * Which credentials a channel uploads with. A channel whose {@code
 * platform_config.oauth_credential_ref} is {@code acme} uses {@code
 * youtube.credentials.acme.refresh-token} (and {@code youtube.credentials.acme.client-id} and
 * {@code client-secret} when set, else the default client's); a channel without one uses the
 * default {@code youtube.refresh-token}. Read at each upload, so a host may add channels' settings
 * without restarting. Thread-safe.
 */
final class ChannelCredentials {

    /** The key of {@code platform_config} naming a channel's credentials. */
    static final String REF = "oauth_credential_ref";

    /** Refs become parts of setting keys (and of environment variables' names). */
    private static final Pattern REF_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final AdapterSettings settings;
    private final Credential defaults;

    ChannelCredentials(AdapterSettings settings, Credential defaults) {
        this.settings = settings;
        this.defaults = defaults;
    }

    /**
     * Returns the credentials {@code channel} uploads with.
     *
     * @param channel the channel
     * @return its credentials
     * @throws ProviderException (permanent) when the channel's ref is malformed, or names
     *     credentials whose refresh token is not configured; the message names the missing setting
     */
    Credential forChannel(ChannelBrief channel) {
        Object value = channel.platformConfig().get(REF);
        String ref = value == null ? "" : value.toString().trim();
        if (ref.isEmpty()) {
            return defaults;
        }
        if (!REF_FORMAT.matcher(ref).matches()) {
            throw ProviderException.permanent(
                    YouTubeSettings.NAME,
                    Reason.INVALID_REQUEST,
                    "channel '" + channel.name() + "' has platform_config." + REF + " '" + ref
                            + "'; it must be 1 to 100 letters, digits, '-' or '_', as it names the settings "
                            + settings.key("credentials.<ref>.refresh-token"));
        }
        String prefix = "credentials." + ref + ".";
        String refreshTokenKey = prefix + YouTubeSettings.REFRESH_TOKEN;
        Secret refreshToken = settings.secret(refreshTokenKey)
                .orElseThrow(() -> ProviderException.permanent(
                        YouTubeSettings.NAME,
                        Reason.AUTHENTICATION,
                        "channel '" + channel.name() + "' uploads with the credentials '" + ref
                                + "' (platform_config." + REF + "), but provider setting '"
                                + settings.key(refreshTokenKey)
                                + "' is not configured: set it to the refresh token the channel's owner granted"));
        String clientIdKey = prefix + YouTubeSettings.CLIENT_ID;
        String clientSecretKey = prefix + YouTubeSettings.CLIENT_SECRET;
        boolean ownId = settings.get(clientIdKey).isPresent();
        boolean ownSecret = settings.secret(clientSecretKey).isPresent();
        return new Credential(
                ownId ? settings.get(clientIdKey).orElseThrow() : defaults.clientId(),
                ownSecret ? settings.secret(clientSecretKey).orElseThrow() : defaults.clientSecret(),
                refreshToken,
                ownId ? settings.key(clientIdKey) : defaults.clientIdKey(),
                ownSecret ? settings.key(clientSecretKey) : defaults.clientSecretKey(),
                settings.key(refreshTokenKey));
    }
}
