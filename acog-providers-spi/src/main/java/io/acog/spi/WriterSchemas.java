package io.acog.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schemas of what a {@link ContentWriter} answers, for writers on language models that take
 * a schema for their output (OpenAI's structured outputs, say): defined once, here, and checked by
 * ACOG's tests against the records ACOG reads the answers into, so a writer's schema and ACOG's
 * records cannot drift apart.
 *
 * <p>The schemas are valid in OpenAI's strict mode, which is stricter than ACOG: every object lists
 * all its properties in {@code required} and sets {@code additionalProperties: false}, an optional
 * value is a required one that may be null ({@code "type": ["integer", "null"]}), and there are no
 * open maps. Two answers therefore have a schema shape that differs from what the {@link
 * ContentWriter} returns, and the writer turns one into the other:
 *
 * <ul>
 *   <li>{@linkplain #script() script}: an array of {@code segments}, each {@code {kind, description,
 *       text}} with {@code kind} one of {@code AVATAR}, {@code VOICEOVER}, {@code BROLL}; the writer
 *       renders them as the marker text {@link ContentWriter#script} returns, one segment a line:
 *       {@code [AVATAR] text}, {@code [VOICEOVER] text}, {@code [BROLL:description] text};
 *   <li>{@linkplain #metadata() metadata}: {@code social_copy} is an array of {@code {platform,
 *       text}} objects; the writer returns it as the JSON object {@code {"<platform>": "<text>"}}.
 * </ul>
 *
 * <p>Plans and reviews are returned as the schema describes them (a {@code null} optional value may
 * be left out).
 *
 * <p>Thread-safe: the schemas are read once, when this class is first used.
 */
public final class WriterSchemas {

    private static final String PLAN = read("plan");
    private static final String SCRIPT = read("script");
    private static final String REVIEW = read("review");
    private static final String METADATA = read("metadata");

    private WriterSchemas() {}

    /**
     * Returns the schema of an episode's plan, the {@code planning} stage's answer: {@code hook,
     * intro, sections[{title, summary, key_points[], estimated_seconds}], key_facts[], ctas[],
     * broll_suggestions[]}.
     *
     * @return the JSON Schema's text
     */
    public static String plan() {
        return PLAN;
    }

    /**
     * Returns the schema of an episode's script, the {@code scripting} stage's answer: {@code
     * segments[{kind, description, text}]}, which the writer renders as marker text (see above).
     *
     * @return the JSON Schema's text
     */
    public static String script() {
        return SCRIPT;
    }

    /**
     * Returns the schema of a script's review, the {@code script_review} stage's answer: {@code
     * approved, notes[]}.
     *
     * @return the JSON Schema's text
     */
    public static String review() {
        return REVIEW;
    }

    /**
     * Returns the schema of an episode's publishing metadata, the {@code metadata} stage's answer:
     * {@code final_title, description, tags[], thumbnail_prompt, social_copy[{platform, text}]},
     * whose social copy the writer returns as an object by platform (see above).
     *
     * @return the JSON Schema's text
     */
    public static String metadata() {
        return METADATA;
    }

    private static String read(String answer) {
        String resource = "schemas/" + answer + ".schema.json";
        try (InputStream in = WriterSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the acog-providers-spi jar lacks io/acog/spi/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/acog/spi/" + resource, e);
        }
    }
}
