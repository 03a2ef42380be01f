package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The channel's on-screen character ({@code channels.persona}): who speaks, with what background,
 * voice and attitude. Keys the seed does not define are kept in {@link #extra()} and written back
 * unchanged. Text components are nullable; lists are never null.
 *
 * @param name the persona's name, e.g. {@code "Dr. Sarah Chen"}
 * @param background who they are, e.g. {@code "Astrophysicist with 15 years at NASA JPL"}
 * @param expertiseAreas topics the persona speaks on with authority; pulse events whose tags name
 *     one are matched to the channel
 * @param voice how they sound in writing, e.g. {@code "Warm, curious, slightly nerdy"}
 * @param attitude e.g. {@code "Enthusiastic about science, accessible explanations"}
 * @param values what they stand for, e.g. {@code "accuracy"}
 * @param quirks habits of speech, e.g. {@code "Often uses space analogies"}
 * @param avoid what they never do, e.g. {@code "Condescension"}
 * @param extra keys beyond these, kept as they are
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

    /**
     * Creates a persona, copying the lists and {@code extra} (null becomes empty).
     *
     * @param name the persona's name, e.g. {@code "Dr. Sarah Chen"}
     * @param background who they are, e.g. {@code "Astrophysicist with 15 years at NASA JPL"}
     * @param expertiseAreas topics the persona speaks on with authority; pulse events whose tags
     *     name one are matched to the channel
     * @param voice how they sound in writing, e.g. {@code "Warm, curious, slightly nerdy"}
     * @param attitude e.g. {@code "Enthusiastic about science, accessible explanations"}
     * @param values what they stand for, e.g. {@code "accuracy"}
     * @param quirks habits of speech, e.g. {@code "Often uses space analogies"}
     * @param avoid what they never do, e.g. {@code "Condescension"}
     * @param extra keys beyond these, kept as they are
     */
    public Persona {
        expertiseAreas = Copies.list(expertiseAreas);
        values = Copies.list(values);
        quirks = Copies.list(quirks);
        avoid = Copies.list(avoid);
        extra = Copies.map(extra);
    }

    /**
     * Returns a persona with nothing set; fill it with the {@code with...} methods.
     *
     * @return the empty persona
     */
    public static Persona empty() {
        return new Persona(null, null, null, null, null, null, null, null, null);
    }

    /**
     * Returns a copy with another name.
     *
     * @param name the persona's name
     * @return the changed copy
     */
    public Persona withName(String name) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with another background.
     *
     * @param background who they are
     * @return the changed copy
     */
    public Persona withBackground(String background) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with other areas of expertise.
     *
     * @param expertiseAreas the topics they speak on with authority
     * @return the changed copy
     */
    public Persona withExpertiseAreas(List<String> expertiseAreas) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with another voice.
     *
     * @param voice how they sound in writing
     * @return the changed copy
     */
    public Persona withVoice(String voice) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with another attitude.
     *
     * @param attitude their attitude
     * @return the changed copy
     */
    public Persona withAttitude(String attitude) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with other values.
     *
     * @param values what they stand for
     * @return the changed copy
     */
    public Persona withValues(List<String> values) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with other quirks.
     *
     * @param quirks habits of speech
     * @return the changed copy
     */
    public Persona withQuirks(List<String> quirks) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with other things to avoid.
     *
     * @param avoid what they never do
     * @return the changed copy
     */
    public Persona withAvoid(List<String> avoid) {
        return new Persona(name, background, expertiseAreas, voice, attitude, values, quirks, avoid, extra);
    }

    /**
     * Returns a copy with the host application's own key, kept beside the seed's.
     *
     * @param key the JSON key
     * @param value a JSON-compatible value: string, number, boolean, list, map or null
     * @return the changed copy
     */
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
