package io.acog.providers.heygen;

import io.acog.spi.AvatarRenderer;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Timeline;
import io.acog.spi.WebhookDelivery;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the tests build renderers, requests and webhook deliveries from. */
final class Renders {

    /** A few bytes standing for the episode's MP3. */
    static final byte[] AUDIO = "ID3 the episode's narration".getBytes(StandardCharsets.UTF_8);

    static final Map<String, Object> PROFILE = Map.of("provider", "heygen", "avatar_id", FakeHeyGen.AVATAR_ID);

    private Renders() {}

    /** The renderer the plugin registers with these settings (and the key and URL of the fake). */
    static HeyGenRenderer renderer(FakeHeyGen fake, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put("heygen.api-key", FakeHeyGen.API_KEY);
        all.put("heygen.base-url", fake.baseUrl());
        all.put("heygen.webhook-secret", FakeHeyGen.WEBHOOK_SECRET);
        all.put("heygen.poll-interval", "0.05");
        all.putAll(settings);
        return (HeyGenRenderer)
                OfferedProviders.of("heygen", ProviderConfig.of(all)).the(AvatarRenderer.class);
    }

    static HeyGenRenderer renderer(FakeHeyGen fake) {
        return renderer(fake, Map.of());
    }

    static ChannelBrief channel(Map<String, Object> avatarProfile) {
        return new ChannelBrief(
                "Money Talks", "personal finance", Map.of(), Map.of(), Map.of(), avatarProfile, Map.of());
    }

    /** A request whose audio is in the call's storage, to be uploaded. */
    static AvatarRequest request(TestProviderCall call, Map<String, Object> avatarProfile, OutputFormat format) {
        return new AvatarRequest(channel(avatarProfile), windows(), storedAudio(call), null, format, null);
    }

    static AvatarRequest request(TestProviderCall call) {
        return request(call, PROFILE, OutputFormat.LANDSCAPE);
    }

    /** A request whose audio HeyGen fetches from a presigned URL, reporting to a callback. */
    static AvatarRequest fetchedRequest(URI audioUrl, URI callbackUrl) {
        return new AvatarRequest(
                channel(PROFILE),
                windows(),
                URI.create("s3://bucket/episodes/1/audio/voice.mp3"),
                audioUrl,
                OutputFormat.PORTRAIT,
                callbackUrl);
    }

    static List<Timeline.Cut> windows() {
        return List.of(
                new Timeline.Cut(0, Timeline.Source.AVATAR, 0, 4_000, -1, 0, "Most people never budget."),
                new Timeline.Cut(2, Timeline.Source.AVATAR, 9_000, 12_000, -1, 4_000, "Start today."));
    }

    static URI storedAudio(TestProviderCall call) {
        try {
            return call.storage()
                    .store(
                            "episodes/" + call.episodeId() + "/audio/voice.mp3",
                            Media.ofBytes("voice.mp3", "audio/mpeg", AUDIO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits, then polls (not waiting: the fake answers at once) until done or failed. */
    static RenderProgress render(HeyGenRenderer renderer, AvatarRequest request, TestProviderCall call) {
        RenderTask task = renderer.submit(request, call);
        for (int i = 0; i < 20; i++) {
            RenderProgress progress = renderer.poll(task.taskId(), call);
            if (!(progress instanceof RenderProgress.Pending)) {
                return progress;
            }
        }
        throw new AssertionError("render " + task.taskId() + " still pending after 20 polls");
    }

    /** A delivery signed as Standard Webhooks sign: {@code v1,base64(HMAC(id.timestamp.body))}. */
    static WebhookDelivery standard(String secret, String id, Instant sentAt, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String timestamp = Long.toString(sentAt.getEpochSecond());
        String signature = Base64.getEncoder()
                .encodeToString(hmac(key, (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return WebhookDelivery.of(
                Map.of(
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        timestamp,
                        "webhook-signature",
                        "v1," + signature,
                        "Content-Type",
                        "application/json"),
                body);
    }

    /** A delivery with a plain {@code header}: hex HMAC of the body keyed with the secret's text. */
    static WebhookDelivery plain(String header, String secret, String body) {
        String signature = HexFormat.of()
                .formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
        return WebhookDelivery.of(Map.of(header, signature, "Content-Type", "application/json"), body);
    }

    static String event(String type, String videoId) {
        return "{\"event_type\":\"" + type + "\",\"event_data\":{\"video_id\":\"" + videoId
                + "\",\"url\":\"https://files.heygen.ai/video/" + videoId + ".mp4\",\"callback_id\":\"cb-1\"}}";
    }

    static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
