package io.acog.providers.runway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.BrollGenerator.ClipRequest;
import java.util.OptionalLong;

/**
 * The body of {@code POST /v1/text_to_video} for one clip: {@code model}, {@code promptText} (see
 * {@link ClipPrompt}), {@code ratio} from the video's orientation, an integer {@code duration} the
 * model accepts, and {@code seed} (gen4.5) or {@code audio: false} (Veo 3.1: b-roll plays under the
 * narration, and a silent clip costs less) where the model takes them.
 *
 * @param model the model
 * @param promptText the prompt
 * @param ratio the frame, e.g. {@code 1280:720}
 * @param duration the seconds, one the model accepts
 * @param seed the seed; empty for a random one
 */
record TextToVideoBody(RunwayModel model, String promptText, String ratio, int duration, OptionalLong seed) {

    /**
     * Maps a clip to the request for it.
     *
     * @param request the clip
     * @param settings the model and seed
     * @return the body
     */
    static TextToVideoBody of(ClipRequest request, RunwaySettings settings) {
        RunwayModel model = settings.model();
        boolean portrait = request.format() != null && request.format().portrait();
        return new TextToVideoBody(
                model,
                ClipPrompt.of(request.description(), request.channel()),
                model.ratio(portrait),
                model.duration(request.seconds()),
                settings.seed());
    }

    /**
     * Returns the JSON to send.
     *
     * @return the body's bytes
     */
    byte[] json() {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("model", model.name());
        body.put("promptText", promptText);
        body.put("ratio", ratio);
        body.put("duration", duration);
        if (model.takesSeed() && seed.isPresent()) {
            body.put("seed", seed.getAsLong());
        }
        if (model.audioOptional()) {
            body.put("audio", false);
        }
        try {
            return JsonBodies.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the text-to-video request", e);
        }
    }
}
