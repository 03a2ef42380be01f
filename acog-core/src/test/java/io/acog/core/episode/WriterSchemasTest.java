package io.acog.core.episode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.core.internal.json.JsonCodec;
import io.acog.spi.ContentWriter;
import io.acog.spi.WriterSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schemas the SPI gives LLM writers ({@link WriterSchemas}) and the records ACOG reads their
 * answers into name the same keys, both ways, with types that fit: a component added to a record
 * without its schema, or a property added to a schema without its record, fails here. The JSON keys
 * of the records are taken from ACOG's own JSON codec, as the pipeline reads an answer.
 */
class WriterSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePlanSchemaIsEpisodePlanWithItsSections() {
        assertThat(mismatches(WriterSchemas.plan(), EpisodePlan.class)).isEmpty();
        // the recursion reached the sections: their keys are the Section record's
        assertThat(properties(schema(WriterSchemas.plan()).at("/properties/sections/items")))
                .isEqualTo(jsonKeys(EpisodePlan.Section.class).keySet());
    }

    @Test
    void theMetadataSchemaIsEpisodeMetadataWithSocialCopyAsPlatformTextPairs() {
        assertThat(mismatches(WriterSchemas.metadata(), EpisodeMetadata.class)).isEmpty();
        JsonNode post = schema(WriterSchemas.metadata()).at("/properties/social_copy/items");
        assertThat(properties(post)).containsExactlyInAnyOrder("platform", "text");
    }

    @Test
    void theReviewSchemaIsTheWritersReviewWithoutWhatTheCallAdds() {
        Map<String, JavaType> keys = jsonKeys(ContentWriter.Review.class);
        keys.keySet().removeAll(Set.of("model", "usage"));
        assertThat(mismatches(schema(WriterSchemas.review()), keys, "review")).isEmpty();
    }

    @Test
    void theScriptSchemasKindsAreTheSegmentKindsAndItsSegmentsCarryWhatTheMarkersDo() {
        JsonNode segment = schema(WriterSchemas.script()).at("/properties/segments/items");
        Set<String> kinds = new TreeSet<>();
        segment.at("/properties/kind/enum").forEach(kind -> kinds.add(kind.asText()));
        assertThat(kinds)
                .isEqualTo(Arrays.stream(SegmentKind.values()).map(Enum::name).collect(Collectors.toSet()));
        // a segment's text, and the description a [BROLL:description] marker carries
        assertThat(properties(segment)).containsExactlyInAnyOrder("kind", "description", "text");
        assertThat(types(segment.at("/properties/description"))).containsExactlyInAnyOrder("string", "null");
        assertThat(types(segment.at("/properties/text"))).containsExactly("string");
    }

    @Test
    void aDriftIsFound() {
        // the check itself can fail: a schema that renamed a key and typed a section's key wrong
        ObjectNode drifted = (ObjectNode) schema(WriterSchemas.plan());
        ObjectNode properties = (ObjectNode) drifted.path("properties");
        properties.set("hooks", properties.remove("hook"));
        ((ObjectNode) drifted.at("/properties/sections/items/properties/key_points")).put("type", "string");

        assertThat(mismatches(drifted, jsonKeys(EpisodePlan.class), "EpisodePlan"))
                .anySatisfy(problem -> assertThat(problem)
                        .isEqualTo("EpisodePlan.hook: the record has it, the schema has no property hook"))
                .anySatisfy(problem -> assertThat(problem)
                        .isEqualTo("EpisodePlan.hooks: the schema has it, the record has no component hooks"))
                .anySatisfy(problem -> assertThat(problem).startsWith("EpisodePlan.sections[].key_points is [string]"))
                .hasSize(3);
    }

    private static List<String> mismatches(String schema, Class<?> record) {
        return mismatches(schema(schema), jsonKeys(record), record.getSimpleName());
    }

    private static List<String> mismatches(JsonNode schema, Map<String, JavaType> keys, String path) {
        List<String> problems = new ArrayList<>();
        compareObject(schema, keys, path, problems);
        return problems;
    }

    private static void compareObject(JsonNode schema, Map<String, JavaType> keys, String path, List<String> problems) {
        if (!types(schema).contains("object")) {
            problems.add(path + " is " + types(schema) + " in the schema, an object in the record");
            return;
        }
        for (String key : keys.keySet()) {
            if (!schema.path("properties").has(key)) {
                problems.add(path + "." + key + ": the record has it, the schema has no property " + key);
            }
        }
        for (String property : properties(schema)) {
            JavaType type = keys.get(property);
            if (type == null) {
                problems.add(path + "." + property + ": the schema has it, the record has no component " + property);
            } else {
                compareValue(schema.path("properties").path(property), type, path + "." + property, problems);
            }
        }
    }

    private static void compareValue(JsonNode schema, JavaType type, String path, List<String> problems) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            expect(schema, "string", path, problems);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            expect(schema, "integer", path, problems);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(schema, "boolean", path, problems);
        } else if (List.class.isAssignableFrom(raw)) {
            if (expect(schema, "array", path, problems)) {
                compareValue(schema.path("items"), type.getContentType(), path + "[]", problems);
            }
        } else if (Map.class.isAssignableFrom(raw)
                && type.getKeyType().getRawClass() == String.class
                && type.getContentType().getRawClass() == String.class) {
            // strict mode has no open maps: an array of {key, value} objects, both strings
            if (expect(schema, "array", path, problems)) {
                JsonNode pair = schema.path("items");
                Set<String> names = properties(pair);
                if (names.size() != 2) {
                    problems.add(path + "[] has " + names + "; a map is an array of {key, value} objects");
                }
                names.forEach(
                        name -> expect(pair.path("properties").path(name), "string", path + "[]." + name, problems));
            }
        } else if (raw.isRecord()) {
            compareObject(schema, jsonKeys(raw), path, problems);
        } else {
            problems.add(path + " is a " + type + ", which this test has no rule for");
        }
    }

    private static boolean expect(JsonNode schema, String type, String path, List<String> problems) {
        Set<String> types = types(schema);
        types.remove("null");
        if (!types.equals(Set.of(type))) {
            problems.add(path + " is " + types(schema) + " in the schema, " + type + " in the record");
            return false;
        }
        return true;
    }

    /**
     * The JSON keys the codec gives a record's components, with their types; the {@code extra}
     * component (unknown keys) aside, and so are bean-style methods such as {@code isEmpty()}.
     */
    private static Map<String, JavaType> jsonKeys(Class<?> record) {
        Set<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        components.remove("extra");
        ObjectMapper mapper = JsonCodec.mapper();
        Map<String, JavaType> keys = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : mapper.getSerializationConfig()
                .introspect(mapper.constructType(record))
                .findProperties()) {
            if (components.remove(property.getInternalName())) {
                keys.put(property.getName(), property.getPrimaryType());
            }
        }
        assertThat(components)
                .as("components of %s the codec has no key for", record)
                .isEmpty();
        return keys;
    }

    private static Set<String> properties(JsonNode objectSchema) {
        Set<String> names = new TreeSet<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static JsonNode schema(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
