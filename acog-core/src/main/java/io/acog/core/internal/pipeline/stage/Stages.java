package io.acog.core.internal.pipeline.stage;

import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Db;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** The nine stages of a pipeline, over its providers and database. */
public final class Stages {

    private final Map<PipelineStage, Stage> stages = new EnumMap<>(PipelineStage.class);

    /** @param renderCallbackUrl the host's webhook endpoint for renders; null when it has none */
    public Stages(Providers providers, Db db, URI renderCallbackUrl) {
        stages.put(PipelineStage.PLANNING, new PlanningStage(providers));
        stages.put(PipelineStage.SCRIPTING, new ScriptingStage(providers, db));
        stages.put(PipelineStage.SCRIPT_REVIEW, new ScriptReviewStage(providers));
        stages.put(PipelineStage.METADATA, new MetadataStage(providers));
        stages.put(PipelineStage.AUDIO, new AudioStage(providers));
        stages.put(PipelineStage.AVATAR, new AvatarStage(providers, renderCallbackUrl));
        stages.put(PipelineStage.BROLL, new BrollStage(providers));
        stages.put(PipelineStage.ASSEMBLY, new AssemblyStage(providers));
        stages.put(PipelineStage.UPLOAD, new UploadStage(providers, db));
    }

    public Stage get(PipelineStage stage) {
        return stages.get(stage);
    }

    /**
     * The render stage, for a stage whose provider renders slowly.
     *
     * @throws IllegalArgumentException for another stage
     */
    public RenderStage render(PipelineStage stage) {
        if (stages.get(stage) instanceof RenderStage render) {
            return render;
        }
        throw new IllegalArgumentException(stage.label() + " is not a render stage");
    }
}
