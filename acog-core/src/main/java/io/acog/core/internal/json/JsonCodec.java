package io.acog.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.acog.core.AcogException;
import io.acog.core.ValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.JSONB;

/**
 * The one JSON configuration for every JSONB column: the seed's snake_case keys, ISO-8601 times,
 * no nulls and no empty collections written (an absent key stays absent), exact decimals, and
 * unknown keys kept by the records' {@code extra} maps ({@link RecordConventions}). The public
 * records carry no JSON annotations: how they bind is decided here.
 */
public final class JsonCodec {

    private static final JsonInclude.Value NON_EMPTY = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // ACOG's records keep unknown keys in extra(); other types (a job's typed input) take
            // the keys they know and leave the rest, which other runs of the job may have merged in
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // Config overrides match the declared type exactly: name each one the records use.
            .withConfigOverride(List.class, o -> o.setInclude(NON_EMPTY))
            .withConfigOverride(Set.class, o -> o.setInclude(NON_EMPTY))
            .withConfigOverride(Collection.class, o -> o.setInclude(NON_EMPTY))
            .withConfigOverride(Map.class, o -> o.setInclude(NON_EMPTY))
            .annotationIntrospector(new RecordConventions())
            .addModule(new AcogJsonModule())
            .build();

    private JsonCodec() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as JSON text; {@code null} becomes {@code {}} (the columns are NOT NULL). */
    public static String text(Object value) {
        if (value == null) {
            return "{}";
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AcogException(
                    "Cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value as JSON text for a JSONB column, checked for what the column cannot hold; {@code
     * null} becomes {@code {}}. The hot paths that write ACOG's own values use {@link #text}.
     *
     * @param field the column, e.g. {@code persona}: messages name the key path from it, e.g.
     *     {@code persona.quirks[2]}
     * @throws ValidationException naming that path when a string (value or key) holds a NUL
     *     character or an unpaired surrogate, a number is NaN or infinite, the value nests deeper
     *     than {@link #maxDepth()} (or contains itself), or a value has no JSON form
     */
    public static String text(String entity, String field, Object value) {
        return checked(entity, field, value, 0);
    }

    /**
     * As {@link #text(String, String, Object)}, for a value stored under one key of a column's
     * object ({@code jsonb_set}): one level less deep may it nest, so the column still reads back.
     */
    public static String entry(String entity, String column, String key, Object value) {
        return checked(entity, column + "." + key, value, 1);
    }

    private static String checked(String entity, String field, Object value, int levelsAbove) {
        if (value == null) {
            return "{}";
        }
        StringWriter text = new StringWriter();
        // not try-with-resources: closing first would lose the path a refusal names
        StorableJsonGenerator json = new StorableJsonGenerator(generator(text), entity, field, levelsAbove, maxDepth());
        try {
            MAPPER.writeValue(json, value);
            json.close();
        } catch (IOException | RuntimeException e) {
            throw refusal(entity, json, e);
        }
        return text.toString();
    }

    private static JsonGenerator generator(StringWriter text) {
        try {
            return MAPPER.getFactory().createGenerator(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How deep objects and lists may nest in a column's JSON: as deep as the codec reads back. */
    public static int maxDepth() {
        return Math.min(
                MAPPER.getFactory().streamWriteConstraints().getMaxNestingDepth(),
                MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth());
    }

    /** The checks' own refusal, or one saying in the column's words why Jackson could not write it. */
    private static RuntimeException refusal(String entity, StorableJsonGenerator json, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ValidationException refused) {
                return refused;
            }
        }
        String path = json.path();
        if (e instanceof InvalidDefinitionException definition && definition.getType() != null) {
            return new ValidationException(
                    entity,
                    path,
                    "cannot be stored as JSON: it holds a value of type "
                            + definition.getType().getRawClass().getName()
                            + ", which has no JSON form; use text, numbers, booleans, null, lists, maps"
                            + " or records of those");
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String reason = cause instanceof JsonProcessingException processing
                ? processing.getOriginalMessage()
                : String.valueOf(cause.getMessage());
        return new ValidationException(entity, path, "cannot be stored as JSON: " + reason);
    }

    public static JSONB jsonb(Object value) {
        return JSONB.valueOf(text(value));
    }

    /** Reads a column; SQL NULL reads as {@code {}}, so callers always get a record. */
    public static <T> T read(JSONB value, Class<T> type) {
        return read(value == null ? null : value.data(), type);
    }

    /** Reads JSON text; SQL NULL reads as {@code {}}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json == null ? "{}" : json, type);
        } catch (JsonProcessingException e) {
            throw new AcogException(
                    "The stored JSON does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value as another type, through its JSON form (a map to a record, a record to a map).
     *
     * @throws IllegalArgumentException when it does not fit
     */
    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** The value's JSON object as a map, in key order; empty for null. */
    public static Map<String, Object> object(Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        return MAPPER.convertValue(value, OBJECT);
    }

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};
}
