package io.acog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.Labels;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shapes of ACOG's JSON that are not plain records: enums as their lowercase labels,
 * and {@link PipelineState} as one object keyed by stage (other keys kept).
 */
final class AcogJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    AcogJsonModule() {
        super("acog");
        label(StageStatus.class);
        addSerializer(StageState.class, new StageStateCodec.Writer());
        addDeserializer(StageState.class, new StageStateCodec.Reader());
        addSerializer(PipelineState.class, new PipelineStateSerializer());
        addDeserializer(PipelineState.class, new PipelineStateDeserializer());
    }

    private <E extends Enum<E>> void label(Class<E> type) {
        addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(Labels.of(value));
            }
        });
        addDeserializer(type, new JsonDeserializer<E>() {
            @Override
            public E deserialize(JsonParser json, DeserializationContext context) throws IOException {
                String label = json.getValueAsString();
                try {
                    return Labels.parse(type, label == null ? null : label.toLowerCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return type.cast(context.handleWeirdStringValue(type, label, e.getMessage()));
                }
            }
        });
    }

    /** Stages first, in pipeline order, by label; then the other keys as they were. */
    private static final class PipelineStateSerializer extends JsonSerializer<PipelineState> {
        @Override
        public void serialize(PipelineState state, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            for (Map.Entry<PipelineStage, StageState> entry : state.stages().entrySet()) {
                json.writeFieldName(entry.getKey().label());
                provider.defaultSerializeValue(entry.getValue(), json);
            }
            for (Map.Entry<String, Object> entry : state.extra().entrySet()) {
                json.writeFieldName(entry.getKey());
                provider.defaultSerializeValue(entry.getValue(), json);
            }
            json.writeEndObject();
        }
    }

    /** An object whose keys that name a stage and hold an object are stage entries. */
    private static final class PipelineStateDeserializer extends JsonDeserializer<PipelineState> {
        @Override
        public PipelineState deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                return (PipelineState) context.handleUnexpectedToken(PipelineState.class, json);
            }
            EnumMap<PipelineStage, StageState> stages = new EnumMap<>(PipelineStage.class);
            Map<String, Object> extra = new LinkedHashMap<>();
            for (String key = json.nextFieldName(); key != null; key = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                PipelineStage stage = Labels.find(PipelineStage.class, key);
                if (stage != null && value == JsonToken.START_OBJECT) {
                    stages.put(stage, context.readValue(json, StageState.class));
                } else {
                    extra.put(key, context.readValue(json, Object.class));
                }
            }
            return new PipelineState(stages, extra);
        }
    }
}
