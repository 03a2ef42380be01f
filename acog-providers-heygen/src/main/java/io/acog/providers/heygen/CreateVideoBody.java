package io.acog.providers.heygen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v3/videos} for an episode: {@code type: "avatar"}, the channel's avatar
 * and what its {@code avatar_profile} sets that v3 documents, the frame's aspect ratio and
 * resolution, the host's callback, and exactly one voice source, the episode's audio ({@code
 * audio_url} or {@code audio_asset_id}).
 *
 * <p>From {@code avatar_profile}: {@code avatar_id} (required), {@code background} (a {@code
 * #rrggbb} colour, an {@code https} image URL, or v3's own {@code {type, value | url | asset_id}}
 * object), {@code remove_background}, {@code fit} ({@code cover} or {@code contain}), {@code
 * engine} ({@code avatar_iv}, {@code avatar_v}, … or v3's {@code {type, reference_look_id}}),
 * {@code expressiveness} and {@code motion_prompt}. Keys v3 has no field for ({@code framing},
 * {@code clothing_style}, {@code gestures_enabled}, a named background such as {@code
 * "modern_office"}) are not sent: {@link #ignored()} names them so the renderer can say so.
 * Immutable.
 */
final class CreateVideoBody {

    /** The aspect ratios v3 renders, besides {@code auto}. */
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:5", "5:4");

    private static final Pattern COLOUR = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6}|\\p{XDigit}{8})");

    /** The profile keys taken as strings, as v3 names them. */
    private static final List<String> TEXTS = List.of("fit", "expressiveness", "motion_prompt");

    /** The profile keys that describe the avatar for people, not for HeyGen: never sent, never warned of. */
    private static final List<String> DESCRIPTIVE = List.of("provider", "avatar_name");

    private final ObjectNode body;
    private final List<String> ignored;

    private CreateVideoBody(ObjectNode body, List<String> ignored) {
        this.body = body;
        this.ignored = List.copyOf(ignored);
    }

    /**
     * The episode's audio as v3 takes it: a URL HeyGen fetches, or an uploaded asset.
     *
     * @param audioUrl a URL of the audio HeyGen's servers can fetch; null when uploaded
     * @param assetId the uploaded audio's asset id; null when fetched
     */
    record AudioSource(String audioUrl, String assetId) {

        static AudioSource url(String url) {
            return new AudioSource(url, null);
        }

        static AudioSource asset(String id) {
            return new AudioSource(null, id);
        }
    }

    /**
     * Maps the request, before any call is made, so a profile HeyGen cannot take fails first.
     *
     * @param request what to render
     * @param title the video's title in HeyGen's dashboard; null for none
     * @param callbackId what HeyGen echoes in its webhooks about the render
     * @param resolution the {@code heygen.resolution} setting; null to follow the frame
     * @return the body, its voice source still to be set with {@link #withAudio}
     * @throws ProviderException (permanent, {@link Reason#INVALID_REQUEST}) naming the key when the
     *     profile has no avatar or a value of the wrong type
     */
    static CreateVideoBody of(AvatarRequest request, String title, String callbackId, String resolution) {
        Map<String, Object> profile = request.channel().avatarProfile();
        String avatarId = text(profile, "avatar_id");
        if (avatarId == null) {
            throw invalid("the channel's avatar_profile.avatar_id is not set: set the id of the HeyGen avatar (its"
                    + " look's id, from GET /v3/avatars/looks) to render");
        }
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("type", "avatar");
        body.put("avatar_id", avatarId);
        if (title != null) {
            body.put("title", title);
        }
        body.put("aspect_ratio", aspectRatio(request.format()));
        body.put("resolution", resolution != null ? resolution : resolution(request.format()));
        List<String> ignored = new ArrayList<>();
        background(profile, body, ignored);
        Object removeBackground = profile.get("remove_background");
        if (removeBackground != null) {
            body.put("remove_background", flag("remove_background", removeBackground));
        }
        for (String key : TEXTS) {
            String value = text(profile, key);
            if (value != null) {
                body.put(key, value);
            }
        }
        engine(profile, body);
        if (request.callbackUrl() != null) {
            body.put("callback_url", request.callbackUrl().toString());
        }
        body.put("callback_id", callbackId);
        for (String key : profile.keySet()) {
            if (!body.has(key) && !DESCRIPTIVE.contains(key) && !key.equals("background") && profile.get(key) != null) {
                ignored.add(key);
            }
        }
        return new CreateVideoBody(body, ignored);
    }

    /**
     * Returns the body with its one voice source.
     *
     * @param audio the episode's audio, fetched or uploaded
     * @return the JSON to send
     */
    ObjectNode withAudio(AudioSource audio) {
        ObjectNode copy = body.deepCopy();
        if (audio.audioUrl() != null) {
            copy.put("audio_url", audio.audioUrl());
        } else {
            copy.put("audio_asset_id", audio.assetId());
        }
        return copy;
    }

    /**
     * Returns the {@code avatar_profile} keys that v3 has no field for, which are not sent.
     *
     * @return the keys, e.g. {@code framing}; empty when everything was mapped
     */
    List<String> ignored() {
        return ignored;
    }

    /**
     * Returns the aspect ratio v3 renders closest to the frame's: the frame's own when v3 has it
     * ({@code 16:9}, {@code 9:16}, {@code 1:1}, {@code 4:5}, {@code 5:4}); the assembler scales the
     * video to fill the frame anyway.
     *
     * @param format the episode's frame
     * @return the ratio, as v3 names it
     */
    static String aspectRatio(OutputFormat format) {
        String exact = format.aspectRatio();
        if (ASPECT_RATIOS.contains(exact)) {
            return exact;
        }
        double wanted = Math.log((double) format.width() / format.height());
        String closest = ASPECT_RATIOS.get(0);
        double distance = Double.MAX_VALUE;
        for (String ratio : ASPECT_RATIOS) {
            int colon = ratio.indexOf(':');
            double across = Double.parseDouble(ratio.substring(0, colon));
            double down = Double.parseDouble(ratio.substring(colon + 1));
            double d = Math.abs(Math.log(across / down) - wanted);
            if (d < distance) {
                distance = d;
                closest = ratio;
            }
        }
        return closest;
    }

    /**
     * Returns the resolution that fills the frame: {@code 4k} from a short side of 2160, {@code
     * 1080p} from 1080, else {@code 720p}.
     *
     * @param format the episode's frame
     * @return the resolution, as v3 names it
     */
    static String resolution(OutputFormat format) {
        int shortSide = Math.min(format.width(), format.height());
        return shortSide >= 2160 ? "4k" : shortSide >= 1080 ? "1080p" : "720p";
    }

    /** A colour, an image URL, or v3's own background object; a background v3 cannot name is left out. */
    private static void background(Map<String, Object> profile, ObjectNode body, List<String> ignored) {
        Object value = profile.get("background");
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            String trimmed = text.strip();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (COLOUR.matcher(trimmed).matches()) {
                body.putObject("background").put("type", "color").put("value", trimmed);
            } else if (lower.startsWith("https://") || lower.startsWith("http://")) {
                body.putObject("background").put("type", "image").put("url", trimmed);
            } else if (!trimmed.isEmpty()) {
                ignored.add("background");
            }
            return;
        }
        if (value instanceof Map<?, ?> map && map.get("type") instanceof String type) {
            if (!type.equals("color") && !type.equals("image")) {
                throw invalid("avatar_profile.background.type is " + describe(type) + "; it must be color or image");
            }
            ObjectNode background = body.putObject("background").put("type", type);
            for (String key : List.of("value", "url", "asset_id")) {
                Object field = map.get(key);
                if (field != null) {
                    if (!(field instanceof String text)) {
                        throw invalid("avatar_profile.background." + key + " is " + describe(field)
                                + "; it must be a string");
                    }
                    background.put(key, text);
                }
            }
            return;
        }
        throw invalid("avatar_profile.background is " + describe(value) + "; it must be a #rrggbb colour, an image"
                + " URL, or an object {type: color|image, value | url | asset_id}");
    }

    /** {@code "avatar_v"}, or v3's {@code {type, reference_look_id}}. */
    private static void engine(Map<String, Object> profile, ObjectNode body) {
        Object value = profile.get("engine");
        if (value == null) {
            return;
        }
        if (value instanceof String type && !type.isBlank()) {
            body.putObject("engine").put("type", type.strip());
            return;
        }
        if (value instanceof Map<?, ?> map && map.get("type") instanceof String type && !type.isBlank()) {
            ObjectNode engine = body.putObject("engine").put("type", type.strip());
            if (map.get("reference_look_id") instanceof String look && !look.isBlank()) {
                engine.put("reference_look_id", look.strip());
            }
            return;
        }
        throw invalid("avatar_profile.engine is " + describe(value) + "; it must be an engine's name (e.g. avatar_iv,"
                + " avatar_v) or an object {type, reference_look_id}");
    }

    private static String text(Map<String, Object> profile, String key) {
        Object value = profile.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid("avatar_profile." + key + " is " + describe(value) + "; it must be a string");
        }
        return text.isBlank() ? null : text.strip();
    }

    private static boolean flag(String key, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            if (word.equals("true") || word.equals("false")) {
                return word.equals("true");
            }
        }
        throw invalid("avatar_profile." + key + " is " + describe(value) + "; it must be true or false");
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }

    private static ProviderException invalid(String message) {
        return ProviderException.permanent(HeyGenSettings.NAME, Reason.INVALID_REQUEST, message);
    }
}
