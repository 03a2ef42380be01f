package io.acog.providers.synthesia;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v2/videos} for an episode: one clip ({@code input[0]}) whose voice is
 * the whole uploaded narration ({@code scriptAudio} with its {@code scriptLanguage}), spoken by the
 * channel's avatar on its background, in the aspect ratio of the episode's frame. Made and checked
 * before anything is sent, so that a channel missing its avatar fails without a request.
 *
 * <p>The channel's {@code avatar_profile} chooses: {@code avatar_id} (else {@code
 * synthesia.avatar}), {@code background} (else {@code synthesia.background}) and {@code
 * script_language} (else {@code synthesia.language}).
 *
 * @param avatar the avatar's id, e.g. {@code anna_costume1_cameraA}
 * @param background a stock background's name, an uploaded asset's id or a URL
 * @param language the script audio's language code, e.g. {@code en-US}
 * @param aspectRatio one of Synthesia's aspect ratios, e.g. {@code 16:9}
 */
record VideoRequest(String avatar, String background, String language, String aspectRatio) {

    /** The {@code avatar_profile} key naming the avatar, as the ACOG schema has it. */
    static final String AVATAR_ID = "avatar_id";

    static final String BACKGROUND = "background";
    static final String SCRIPT_LANGUAGE = "script_language";

    /** The aspect ratios Synthesia renders, with their width over height. */
    private static final Map<String, Double> ASPECT_RATIOS =
            Map.of("16:9", 16.0 / 9, "9:16", 9.0 / 16, "1:1", 1.0, "4:5", 4.0 / 5, "5:4", 5.0 / 4);

    /**
     * Chooses the avatar, background, language and aspect ratio of a render.
     *
     * @param request what to render
     * @param settings the adapter's settings, for what the channel does not name
     * @return the choices
     * @throws ProviderException (permanent, {@link Reason#INVALID_REQUEST}) naming the key, when the
     *     channel names no avatar and no default is set, or a value is not what Synthesia takes
     */
    static VideoRequest of(AvatarRequest request, SynthesiaSettings settings) {
        Map<String, Object> profile =
                request.channel() == null ? Map.of() : request.channel().avatarProfile();
        String avatar = text(profile, AVATAR_ID);
        if (avatar == null) {
            avatar = settings.avatar();
        }
        if (avatar == null) {
            throw ProviderException.permanent(
                    SynthesiaSettings.NAME,
                    Reason.INVALID_REQUEST,
                    "the channel names no Synthesia avatar: set avatar_profile." + AVATAR_ID
                            + " (a stock avatar such as anna_costume1_cameraA, or a custom avatar's id), or "
                            + SynthesiaSettings.key(SynthesiaSettings.AVATAR) + " for every channel");
        }
        String background = text(profile, BACKGROUND);
        String language = text(profile, SCRIPT_LANGUAGE);
        if (language != null
                && !SynthesiaSettings.LANGUAGE_CODE.matcher(language).matches()) {
            throw ProviderException.permanent(
                    SynthesiaSettings.NAME,
                    Reason.INVALID_REQUEST,
                    "avatar_profile." + SCRIPT_LANGUAGE + " is '" + language
                            + "'; it must be a language code as Synthesia's scriptLanguage takes it, e.g. en-US");
        }
        return new VideoRequest(
                avatar,
                background == null ? settings.background() : background,
                language == null ? settings.language() : language,
                aspectRatio(request.format()));
    }

    /**
     * Returns Synthesia's aspect ratio for a frame: its own when Synthesia renders it, else the
     * nearest (the assembler scales the video to fill the frame).
     *
     * @param format the episode's frame; null for landscape
     * @return e.g. {@code 16:9} for 1920×1080, {@code 9:16} for 1080×1920
     */
    static String aspectRatio(OutputFormat format) {
        if (format == null) {
            return "16:9";
        }
        String own = format.aspectRatio();
        if (ASPECT_RATIOS.containsKey(own)) {
            return own;
        }
        double ratio = (double) format.width() / format.height();
        String nearest = "16:9";
        double distance = Double.MAX_VALUE;
        for (String candidate : List.of("16:9", "9:16", "1:1", "4:5", "5:4")) {
            double away = Math.abs(Math.log(ratio / ASPECT_RATIOS.get(candidate)));
            if (away < distance) {
                distance = away;
                nearest = candidate;
            }
        }
        return nearest;
    }

    /**
     * Returns the create request's JSON.
     *
     * @param audioId the uploaded script audio's id
     * @param title the video's title, as Synthesia's share page shows it
     * @param callbackId what links the video back to the job (Synthesia echoes it in the video and
     *     in webhooks)
     * @param settings whether it is a test video, and its visibility
     * @return the body
     */
    ObjectNode body(String audioId, String title, String callbackId, SynthesiaSettings settings) {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("test", settings.test());
        body.put("title", title);
        body.put("visibility", settings.visibility());
        body.put("aspectRatio", aspectRatio);
        body.put("callbackId", callbackId);
        body.putArray("input")
                .addObject()
                .put("scriptAudio", audioId)
                .put("scriptLanguage", language)
                .put("avatar", avatar)
                .put("background", background);
        return body;
    }

    private static String text(Map<String, Object> profile, String key) {
        Object value = profile.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ProviderException.permanent(
                    SynthesiaSettings.NAME,
                    Reason.INVALID_REQUEST,
                    "avatar_profile." + key + " is " + value + " ("
                            + value.getClass().getSimpleName() + "); it must be text");
        }
        return text.isBlank() ? null : text.trim();
    }
}
