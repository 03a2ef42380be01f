package io.acog.spi;

import java.util.Optional;

/**
 * A render provider ({@link AvatarRenderer}, {@link BrollGenerator}) whose service reports a
 * render's end to a host's webhook endpoint (HeyGen's {@code avatar_video.success}, Synthesia's
 * {@code video.completed}). The host receives the POST and hands its headers and raw body to
 * {@code EpisodePipeline.webhook(provider, delivery)}; this interface checks that the delivery is
 * genuine and says which render it is about, and the pipeline then asks the provider about that
 * render at once instead of at its next poll.
 *
 * <p>A delivery only ever prompts a poll: what the render became is read from the provider's API,
 * never from the webhook's body. So a forged delivery that got through would cost one status
 * request, and could not finish, fail or pay for a render. Verification still rejects anything not
 * signed with the endpoint's secret, stale, or seen before.
 *
 * <p>Implementations are thread-safe.
 */
public interface RenderWebhooks {

    /**
     * Verifies a delivery and reads which render it reports on: its signature over the raw body
     * with the endpoint's secret (compared in constant time), its timestamp within the tolerance
     * where the provider sends one, and that it was not received before.
     *
     * @param delivery the request as received: headers and the raw, unparsed body
     * @return the render the event is about; empty when it is a genuine event about something else
     *     (an event type ACOG does not follow): answer it with 2xx and ignore it
     * @throws WebhookRejectedException when the delivery is unsigned, wrongly signed, stale,
     *     replayed or unreadable, or the provider has no webhook secret configured: answer it with
     *     4xx and do nothing
     */
    Optional<WebhookEvent> receive(WebhookDelivery delivery);
}
