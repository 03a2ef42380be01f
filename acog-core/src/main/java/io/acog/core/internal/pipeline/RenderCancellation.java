package io.acog.core.internal.pipeline;

import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.pipeline.stage.ProviderCallContext;
import io.acog.core.internal.pipeline.stage.Stages;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.job.JobStatus;
import io.acog.spi.AssetStorage;
import io.acog.spi.Cancellation;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders of a cancelled episode stopped at their providers. A provider that cannot cancel is
 * logged, not failed on: the episode is cancelled either way.
 */
final class RenderCancellation {

    private static final Logger LOG = LoggerFactory.getLogger(RenderCancellation.class);

    /** A render a provider works on for a job. */
    record Task(PipelineStage stage, String taskId, String provider) {}

    private final Stages stages;
    private final AssetStorage storage;

    RenderCancellation(Stages stages, AssetStorage storage) {
        this.stages = stages;
        this.storage = storage;
    }

    /** The renders the episode's live jobs wait for. */
    static List<Task> live(Db db, UUID episodeId) {
        Field<String> task = DSL.field("{0} ->> {1}", String.class, JOBS.INPUT_PARAMS, DSL.inline(JobInputs.TASK_ID));
        Field<String> provider =
                DSL.field("{0} ->> {1}", String.class, JOBS.INPUT_PARAMS, DSL.inline(JobInputs.PROVIDER));
        return db.read(dsl -> dsl.select(JOBS.STAGE, task, provider)
                .from(JOBS)
                .where(
                        JOBS.EPISODE_ID.eq(episodeId),
                        JOBS.STATUS.in(
                                DSL.inline(DbEnums.db(JobStatus.QUEUED)), DSL.inline(DbEnums.db(JobStatus.RUNNING))),
                        task.isNotNull())
                .fetch(row -> new Task(DbEnums.stage(row.value1()), row.value2(), row.value3())));
    }

    void cancel(Task task) {
        try {
            ProviderCallContext call =
                    ProviderCallContext.detached(task.stage().label(), "acog-cancel-" + task.taskId(), storage);
            Cancellation cancellation = stages.render(task.stage()).cancel(task.provider(), task.taskId(), call);
            if (cancellation == Cancellation.NOT_SUPPORTED) {
                LOG.info(
                        "{} cannot stop render {}: it runs to its end (and may be billed); ACOG forgets it",
                        task.provider(),
                        task.taskId());
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "Cannot cancel render {} at {}: {}",
                    task.taskId(),
                    task.provider(),
                    Redaction.redact(e.getMessage()));
        }
    }
}
