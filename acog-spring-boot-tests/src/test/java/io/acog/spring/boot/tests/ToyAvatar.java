package io.acog.spring.boot.tests;

import io.acog.spi.AvatarRenderer;
import io.acog.spi.Cancellation;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.spi.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An avatar renderer under another name, whose renders are the offline ones, with a toy webhook
 * scheme signed as real ones are: the header {@code X-Toy-Signature} holds the hex HMAC-SHA256 of
 * the raw body's bytes under the secret, and the body names the render ({@code "task":"..."}) and
 * the event ({@code "event":"ended"}, or another one ACOG does not follow).
 */
final class ToyAvatar implements AvatarRenderer, RenderWebhooks {

    private static final Pattern TASK = Pattern.compile("\"task\"\\s*:\\s*\"([^\"]+)\"");

    private final String name;
    private final AvatarRenderer renders;
    private final byte[] secret;

    ToyAvatar(String name, AvatarRenderer renders, String secret) {
        this.name = name;
        this.renders = renders;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** What a genuine sender puts in {@code X-Toy-Signature} for these bytes. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<WebhookEvent> receive(WebhookDelivery delivery) {
        String signature = delivery.header("x-toy-signature")
                .orElseThrow(() -> new WebhookRejectedException(
                        name, WebhookRejectedException.Reason.UNSIGNED, "no X-Toy-Signature header"));
        byte[] expected = sign(new String(secret, StandardCharsets.UTF_8), delivery.body())
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new WebhookRejectedException(
                    name, WebhookRejectedException.Reason.BAD_SIGNATURE, "the signature does not match the body");
        }
        String body = delivery.bodyText();
        Matcher task = TASK.matcher(body);
        if (!task.find()) {
            throw new WebhookRejectedException(name, WebhookRejectedException.Reason.MALFORMED, "no task in the body");
        }
        return body.contains("\"event\":\"ended\"")
                ? Optional.of(new WebhookEvent(task.group(1), "ended"))
                : Optional.empty();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Coverage coverage() {
        return renders.coverage();
    }

    @Override
    public RenderTask submit(AvatarRequest request, ProviderCall call) {
        return renders.submit(request, call);
    }

    @Override
    public RenderProgress poll(String taskId, ProviderCall call) {
        return renders.poll(taskId, call);
    }

    @Override
    public Cancellation cancel(String taskId, ProviderCall call) {
        return renders.cancel(taskId, call);
    }
}
