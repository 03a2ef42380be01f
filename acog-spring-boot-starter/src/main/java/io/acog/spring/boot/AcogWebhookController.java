package io.acog.spring.boot;

import io.acog.core.ValidationException;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookRejectedException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST {acog.webhooks.path}/{provider}}: a render provider's report that a render finished,
 * handed to {@link EpisodePipeline#webhook} with the raw body (the provider signed those bytes;
 * {@code byte[]} is read as it arrived, by no JSON converter). Answers 202 when accepted, the
 * rejection's status (401, 409, 400) with a short reason when the delivery does not verify, 404
 * for a provider that receives no webhooks here. Never echoes the body.
 */
@RestController
@RequestMapping("${acog.webhooks.path:/acog/webhooks}")
final class AcogWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(AcogWebhookController.class);

    private final EpisodePipeline pipeline;

    AcogWebhookController(EpisodePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @PostMapping(path = "/{provider}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(
            @PathVariable("provider") String provider,
            @RequestHeader MultiValueMap<String, String> headers,
            @RequestBody(required = false) byte[] body) {
        WebhookDelivery delivery = new WebhookDelivery(headers, body == null ? new byte[0] : body);
        try {
            boolean woke = pipeline.webhook(provider, delivery);
            LOG.debug(
                    "ACOG {} webhook accepted; {}",
                    provider,
                    woke ? "its render is checked now" : "no job waits for it");
            return ResponseEntity.accepted().body("accepted");
        } catch (WebhookRejectedException e) {
            // the message names what was wrong, never the secret, the signature or the body
            LOG.warn("ACOG {}", e.getMessage());
            return ResponseEntity.status(e.reason().httpStatus())
                    .body("rejected: " + e.reason().name().toLowerCase(Locale.ROOT));
        } catch (ValidationException e) {
            LOG.warn("ACOG webhook for a provider that receives none here: {}", e.getMessage());
            return ResponseEntity.status(404).body("no render provider of that name receives webhooks here");
        }
    }
}
