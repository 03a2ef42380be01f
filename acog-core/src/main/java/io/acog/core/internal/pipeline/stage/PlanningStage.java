package io.acog.core.internal.pipeline.stage;

import io.acog.core.episode.EpisodePlan;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.spi.ContentWriter;
import io.acog.spi.Provider;
import java.util.EnumSet;
import java.util.Set;

/** Planning: the writer outlines the episode from its idea; the plan must fit {@link EpisodePlan}. */
final class PlanningStage implements Stage {

    private final Providers providers;

    PlanningStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.IDEA);
    }

    @Override
    public Provider provider(StageWork work) {
        return providers.writer();
    }

    @Override
    public StageResult run(StageWork work) {
        ContentWriter writer = providers.writer();
        ContentWriter.Plan plan = Answers.required(
                writer.name(),
                "plan",
                writer.plan(
                        new ContentWriter.PlanRequest(
                                work.brief(), JsonCodec.object(work.episode().idea())),
                        work.call()));
        String json = Answers.fitting(writer.name(), "plan", plan.plan(), EpisodePlan.class);
        return Usages.written(writer.name(), plan.model(), plan.usage()).with(EpisodeColumns.plan(json));
    }
}
