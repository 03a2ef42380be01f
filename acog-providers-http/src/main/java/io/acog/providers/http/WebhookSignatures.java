package io.acog.providers.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of signed webhooks, shared by the render adapters: HMAC-SHA256 over the exact
 * bytes a provider signed, and a comparison that takes the same time wherever the first differing
 * byte is, so a caller cannot find a valid signature one byte at a time by timing rejections.
 */
public final class WebhookSignatures {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private WebhookSignatures() {}

    /**
     * Computes HMAC-SHA256 of {@code parts}, concatenated, under {@code key}.
     *
     * @param key the secret's bytes
     * @param parts what was signed, in order (e.g. a timestamp, a {@code "."}, the raw body)
     * @return the 32-byte MAC
     * @throws IllegalArgumentException when the key is empty
     */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret cannot be empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("this JVM cannot compute HMAC-SHA256", e);
        }
    }

    /**
     * Returns the UTF-8 bytes of {@code text}, for the text parts of what was signed.
     *
     * @param text a timestamp, an id, a separator
     * @return its bytes
     */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Tells whether a signature sent as lower- or upper-case hex is {@code expected}, in constant
     * time. A value that is not hex of the right length is simply not equal.
     *
     * @param expected the MAC computed here
     * @param givenHex the signature the delivery carries
     * @return whether they are the same
     */
    public static boolean matchesHex(byte[] expected, String givenHex) {
        return MessageDigest.isEqual(
                utf8(HexFormat.of().formatHex(expected)),
                utf8(givenHex == null ? "" : givenHex.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Tells whether a signature sent as base64 is {@code expected}, in constant time.
     *
     * @param expected the MAC computed here
     * @param givenBase64 the signature the delivery carries
     * @return whether they are the same
     */
    public static boolean matchesBase64(byte[] expected, String givenBase64) {
        return MessageDigest.isEqual(
                utf8(java.util.Base64.getEncoder().encodeToString(expected)),
                utf8(givenBase64 == null ? "" : givenBase64.trim()));
    }
}
