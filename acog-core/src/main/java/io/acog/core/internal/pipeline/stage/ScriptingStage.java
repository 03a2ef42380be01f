package io.acog.core.internal.pipeline.stage;

import io.acog.core.ValidationException;
import io.acog.core.episode.Script;
import io.acog.core.episode.ScriptMetadata;
import io.acog.core.episode.ScriptParser;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.core.internal.store.EpisodeMapping;
import io.acog.spi.ContentWriter;
import io.acog.spi.Provider;
import java.util.EnumSet;
import java.util.Set;

/**
 * Scripting: the writer turns the plan into a script with markers (with the notes of a review that
 * sent the last one back); it is stored with its metadata only if it parses and is not empty.
 */
final class ScriptingStage implements Stage {

    private final Providers providers;
    private final Db db;

    ScriptingStage(Providers providers, Db db) {
        this.providers = providers;
        this.db = db;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.IDEA, EpisodeField.PLAN, EpisodeField.SCRIPT_METADATA);
    }

    @Override
    public Provider provider(StageWork work) {
        return providers.writer();
    }

    @Override
    public StageResult run(StageWork work) {
        ContentWriter writer = providers.writer();
        StageEpisode episode = work.episode();
        JobInputs.Scripting input = work.input(JobInputs.Scripting.class);
        ContentWriter.Script script = Answers.required(
                writer.name(),
                "script",
                writer.script(
                        new ContentWriter.ScriptRequest(
                                work.brief(),
                                JsonCodec.object(episode.idea()),
                                JsonCodec.object(episode.plan()),
                                input.reviewNotes()),
                        work.call()));
        String text = script.script();
        Script parsed;
        try {
            parsed = ScriptParser.parse(Checks.storable("episode", "script", text == null ? "" : text));
        } catch (ValidationException e) {
            throw StageFailedException.retryable(writer.name() + " wrote a script ACOG cannot use: " + e.getMessage());
        }
        if (parsed.segments().isEmpty()) {
            throw StageFailedException.retryable(writer.name() + " wrote an empty script");
        }
        ScriptMetadata metadata = EpisodeMapping.scriptMetadata(
                episode.scriptMetadata(), work.channel().styleGuide(), parsed, db.now());
        return Usages.written(writer.name(), script.model(), script.usage())
                .with(EpisodeColumns.script(text, JsonCodec.text("episode", "script_metadata", metadata)));
    }
}
