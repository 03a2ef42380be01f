package io.acog.providers.youtube;

import io.acog.spi.Secret;
import java.util.Objects;

/**
 * The OAuth credentials one channel uploads with: an OAuth client and the refresh token the
 * channel's owner granted it, with the names of the settings they come from (messages name those,
 * never a value). Its {@code toString} shows no secret.
 *
 * @param clientId the OAuth client's id
 * @param clientSecret the OAuth client's secret
 * @param refreshToken the refresh token the channel's owner granted the client
 * @param clientIdKey the setting the client id comes from, e.g. {@code youtube.client-id}
 * @param clientSecretKey the setting the client secret comes from
 * @param refreshTokenKey the setting the refresh token comes from, e.g. {@code
 *     youtube.credentials.acme.refresh-token}
 */
record Credential(
        String clientId,
        Secret clientSecret,
        Secret refreshToken,
        String clientIdKey,
        String clientSecretKey,
        String refreshTokenKey) {

    Credential {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    /**
     * Replaces this credential's secrets, and {@code more}, by {@code ***}.
     *
     * @param text any text; null stays null
     * @param more other secrets, e.g. the access token of the call; nulls are skipped
     * @return the text without them
     */
    String scrub(String text, Secret... more) {
        if (text == null) {
            return null;
        }
        String scrubbed = text.replace(clientSecret.reveal(), "***").replace(refreshToken.reveal(), "***");
        for (Secret secret : more) {
            if (secret != null && !secret.reveal().isEmpty()) {
                scrubbed = scrubbed.replace(secret.reveal(), "***");
            }
        }
        return scrubbed;
    }
}
