package io.acog.core.internal.pipeline.stage;

import io.acog.core.internal.json.JsonCodec;
import io.acog.spi.ContentWriter;
import io.acog.spi.Provider;
import java.util.EnumSet;
import java.util.Set;

/**
 * Automatic script review: the writer judges its own script against the plan; a script it does not
 * approve goes back to scripting with its notes. (Manual review runs no job: the script waits for a
 * person.)
 */
final class ScriptReviewStage implements Stage {

    private final Providers providers;

    ScriptReviewStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.PLAN, EpisodeField.SCRIPT, EpisodeField.PIPELINE_STATE);
    }

    @Override
    public Provider provider(StageWork work) {
        return providers.writer();
    }

    @Override
    public StageResult run(StageWork work) {
        ContentWriter writer = providers.writer();
        StageEpisode episode = work.episode();
        ContentWriter.Review review = Answers.required(
                writer.name(),
                "review",
                writer.review(
                        new ContentWriter.ReviewRequest(
                                work.brief(), JsonCodec.object(episode.plan()), episode.script()),
                        work.call()));
        return Usages.written(writer.name(), review.model(), review.usage())
                .with(new StageResult.Review(review.approved(), review.notes(), episode.script()));
    }
}
