package io.acog.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A task's answer schema (the SPI's {@link io.acog.spi.WriterSchemas}, the one definition): sent as
 * the request's strict {@code response_format}, and checked against the answer, because strict mode
 * is OpenAI's promise and not every OpenAI-compatible server keeps it. The check knows what the
 * writer's schemas use: {@code type} (one or a list), {@code properties} with {@code required},
 * {@code items} and {@code enum}. Keys the schema does not name are let through. Immutable.
 */
final class AnswerSchema {

    private static final Map<WritingTask, AnswerSchema> SCHEMAS = new EnumMap<>(WritingTask.class);

    static {
        for (WritingTask task : WritingTask.values()) {
            SCHEMAS.put(task, new AnswerSchema(task));
        }
    }

    private final JsonNode schema;
    private final ObjectNode responseFormat;

    private AnswerSchema(WritingTask task) {
        try {
            this.schema = JsonBodies.MAPPER.readTree(task.schema());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SPI's " + task.key() + " schema is not JSON", e);
        }
        this.responseFormat = JsonBodies.MAPPER.createObjectNode().put("type", "json_schema");
        responseFormat
                .putObject("json_schema")
                .put("name", task.schemaName())
                .put("strict", true)
                .set("schema", schema);
    }

    /** The schema of a task's answer. */
    static AnswerSchema of(WritingTask task) {
        return SCHEMAS.get(task);
    }

    /**
     * The request's {@code response_format}: {@code {"type": "json_schema", "json_schema": {name,
     * strict: true, schema}}}. Shared: read it, never change it.
     */
    JsonNode responseFormat() {
        return responseFormat;
    }

    /**
     * Tells what in an answer does not fit the schema.
     *
     * @param answer the answer's JSON
     * @return one line per problem, naming its path ({@code sections[1].title is missing}); empty
     *     when it fits
     */
    List<String> problems(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        check(schema, answer, "the answer", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (!typeFits(schema.path("type"), value)) {
            problems.add(path + " is " + describe(value) + ", not " + types(schema.path("type")));
            return;
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && !contains(allowed, value)) {
            problems.add(path + " is " + value + ", not one of " + allowed);
            return;
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(join(path, required.asText()) + " is missing");
                }
            }
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                if (value.has(property.getKey())) {
                    check(property.getValue(), value.get(property.getKey()), join(path, property.getKey()), problems);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeFits(JsonNode type, JsonNode value) {
        if (type.isMissingNode()) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (fits(one.asText(), value)) {
                    return true;
                }
            }
            return false;
        }
        return fits(type.asText(), value);
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    /** {@code "string"} or {@code ["integer", "null"]} as a message says it: {@code integer or null}. */
    private static String types(JsonNode type) {
        if (!type.isArray()) {
            return type.asText();
        }
        List<String> names = new ArrayList<>();
        type.forEach(one -> names.add(one.asText()));
        return String.join(" or ", names);
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode one : allowed) {
            if (one.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String path, String key) {
        return path.equals("the answer") ? key : path + "." + key;
    }

    private static String describe(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
