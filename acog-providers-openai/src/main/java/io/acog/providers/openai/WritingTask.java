package io.acog.providers.openai;

import io.acog.spi.WriterSchemas;

/**
 * The four things the writer is asked for: each has its stage, its setting for a model of its own
 * ({@code openai.model.<key>}), and the schema its answer must fit, sent as a strict structured
 * output under {@link #schemaName()}.
 */
enum WritingTask {
    PLAN("plan", "episode_plan", WriterSchemas.plan()),
    SCRIPT("script", "episode_script", WriterSchemas.script()),
    REVIEW("review", "script_review", WriterSchemas.review()),
    METADATA("metadata", "episode_metadata", WriterSchemas.metadata());

    private final String key;
    private final String schemaName;
    private final String schema;

    WritingTask(String key, String schemaName, String schema) {
        this.key = key;
        this.schemaName = schemaName;
        this.schema = schema;
    }

    /** How settings and messages name it: {@code plan}, {@code script}, {@code review}, {@code metadata}. */
    String key() {
        return key;
    }

    /** The {@code json_schema.name} OpenAI is sent: letters, digits, underscores. */
    String schemaName() {
        return schemaName;
    }

    /** The JSON Schema's text, from the SPI: the one definition ACOG's records are checked against. */
    String schema() {
        return schema;
    }
}
