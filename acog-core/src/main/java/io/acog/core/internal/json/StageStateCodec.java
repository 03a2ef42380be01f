package io.acog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.Labels;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A stage's {@code pipeline_state} entry written and read field by field: every stage of every
 * episode reads and writes its episode's entries, and a general-purpose record binding costs
 * several times this. The same JSON as binding the record would give: the seed's keys in the
 * record's order, null fields left out, unknown keys kept after them.
 */
final class StageStateCodec {

    private StageStateCodec() {}

    static final class Writer extends JsonSerializer<StageState> {
        @Override
        public void serialize(StageState state, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            if (state.status() != null) {
                json.writeStringField("status", Labels.of(state.status()));
            }
            time(json, provider, "started_at", state.startedAt());
            time(json, provider, "completed_at", state.completedAt());
            number(json, "attempts", state.attempts());
            text(json, "error", state.error());
            text(json, "provider", state.provider());
            text(json, "job_id", state.jobId());
            text(json, "model_used", state.modelUsed());
            number(json, "tokens_used", state.tokensUsed());
            if (state.costUsd() != null) {
                json.writeNumberField("cost_usd", state.costUsd());
            }
            number(json, "refinement_passes", state.refinementPasses());
            text(json, "reviewer", state.reviewer());
            for (Map.Entry<String, Object> extra : state.extra().entrySet()) {
                json.writeFieldName(extra.getKey());
                provider.defaultSerializeValue(extra.getValue(), json);
            }
            json.writeEndObject();
        }

        private static void text(JsonGenerator json, String key, String value) throws IOException {
            if (value != null) {
                json.writeStringField(key, value);
            }
        }

        private static void number(JsonGenerator json, String key, Integer value) throws IOException {
            if (value != null) {
                json.writeNumberField(key, value);
            }
        }

        private static void time(JsonGenerator json, SerializerProvider provider, String key, OffsetDateTime value)
                throws IOException {
            if (value != null) {
                // as the JSR-310 module writes it (ISO-8601 with offset), without its lookups
                json.writeStringField(key, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            }
        }
    }

    static final class Reader extends JsonDeserializer<StageState> {
        @Override
        public StageState deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                return (StageState) context.handleUnexpectedToken(StageState.class, json);
            }
            StageState.Builder state = StageState.builder();
            for (String key = json.nextFieldName(); key != null; key = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (key) {
                    case "status" -> state.status(status(json, context));
                    case "started_at" -> state.startedAt(time(json, context));
                    case "completed_at" -> state.completedAt(time(json, context));
                    case "attempts" -> state.attempts(json.getValueAsInt());
                    case "error" -> state.error(json.getValueAsString());
                    case "provider" -> state.provider(json.getValueAsString());
                    case "job_id" -> state.jobId(json.getValueAsString());
                    case "model_used" -> state.modelUsed(json.getValueAsString());
                    case "tokens_used" -> state.tokensUsed(json.getValueAsInt());
                    case "cost_usd" -> state.costUsd(context.readValue(json, BigDecimal.class));
                    case "refinement_passes" -> state.refinementPasses(json.getValueAsInt());
                    case "reviewer" -> state.reviewer(json.getValueAsString());
                    default -> state.extra(key, context.readValue(json, Object.class));
                }
            }
            return state.build();
        }

        /** An ISO-8601 time with offset at once; any other form the JSR-310 module reads. */
        private static OffsetDateTime time(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return OffsetDateTime.parse(json.getText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                } catch (DateTimeParseException e) {
                    // not the usual form: let the module try
                }
            }
            return context.readValue(json, OffsetDateTime.class);
        }

        private static StageStatus status(JsonParser json, DeserializationContext context) throws IOException {
            String label = json.getValueAsString();
            StageStatus status =
                    label == null ? null : Labels.find(StageStatus.class, label.toLowerCase(java.util.Locale.ROOT));
            return status != null
                    ? status
                    : (StageStatus) context.handleWeirdStringValue(StageStatus.class, label, "not a stage status");
        }
    }
}
