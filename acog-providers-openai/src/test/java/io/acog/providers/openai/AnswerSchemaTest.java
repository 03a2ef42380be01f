package io.acog.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SPI's schemas are what OpenAI's strict mode accepts, and the answers OpenAiApi serves fit them. */
class AnswerSchemaTest {

    @ParameterizedTest
    @EnumSource(WritingTask.class)
    void everySchemaIsValidInStrictMode(WritingTask task) {
        JsonNode schema = AnswerSchema.of(task).responseFormat().path("json_schema");
        assertThat(schema.path("strict").asBoolean()).isTrue();
        assertThat(schema.path("name").asText()).matches("[a-zA-Z0-9_-]{1,64}");
        assertThat(schema.path("schema").path("type").asText())
                .as("the root is an object")
                .isEqualTo("object");
        assertThat(strictModeProblems(schema.path("schema"), task.key())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(WritingTask.class)
    void theTestAnswersFitTheirSchemas(WritingTask task) {
        Object answer = switch (task) {
            case PLAN -> OpenAiApi.plan();
            case SCRIPT -> OpenAiApi.script();
            case REVIEW -> Map.of("approved", true, "notes", List.of());
            case METADATA -> OpenAiApi.metadata();
        };
        assertThat(AnswerSchema.of(task).problems(OpenAiApi.read(OpenAiApi.text(answer))))
                .isEmpty();
    }

    /** Every object lists all its properties as required and allows no others; no map is open. */
    private static List<String> strictModeProblems(JsonNode schema, String path) {
        List<String> problems = new ArrayList<>();
        if (schema.has("properties")) {
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            if (!required.equals(properties)) {
                problems.add(path + " requires " + required + " of " + properties);
            }
            if (!schema.path("additionalProperties").isBoolean()
                    || schema.path("additionalProperties").asBoolean()) {
                problems.add(path + " does not set additionalProperties to false");
            }
            schema.path("properties")
                    .properties()
                    .forEach(property ->
                            problems.addAll(strictModeProblems(property.getValue(), path + "." + property.getKey())));
        } else if (schema.path("type").asText().equals("object")) {
            problems.add(path + " is an object without properties (an open map)");
        }
        if (schema.has("items")) {
            problems.addAll(strictModeProblems(schema.path("items"), path + "[]"));
        }
        return problems;
    }
}
