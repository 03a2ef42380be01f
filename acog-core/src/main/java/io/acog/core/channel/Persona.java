package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The channel's on-screen character ({@code channels.persona}): who speaks, with what background,
 * voice and attitude. Keys the seed does not define are kept in {@link #extra()} and written back
 * unchanged.
 *
 * @param expertiseAreas topics the persona speaks on with authority; pulse events whose tags name
 *     one are matched to the channel
 */
public record Persona(
        String name,
        String background,
        List<String> expertiseAreas,
        String voice,
        String attitude,
        List<String> values,
        List<String> quirks,
        List<String> avoid,
        Map<String, Object> extra) {

    public Persona {
        expertiseAreas = Copies.list(expertiseAreas);
        values = Copies.list(values);
        quirks = Copies.list(quirks);
        avoid = Copies.list(avoid);
        extra = Copies.map(extra);
    }

    /** A persona with nothing set; fill it with the {@code with...} methods. */
    public static Persona empty() {
        return new Persona(null, null, null, null, null, null, null, null, null);
    }

    public Persona withName(String name) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    public Persona withBackground(String background) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    public Persona withExpertiseAreas(List<String> expertiseAreas) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    public Persona withVoice(String voice) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    public Persona withAttitude(String attitude) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    public Persona withValues(List<String> values) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    public Persona withQuirks(List<String> quirks) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    public Persona withAvoid(List<String> avoid) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /** The host application's own key, kept beside the seed's. */
    public Persona withExtra(String key, Object value) {
        return new Persona(
                name,
                background,
                expertiseAreas,
                voice,
                attitude,
                values,
                quirks,
                avoid,
                Extra.with(extra, key, value));
    }
}
