package io.acog.core.internal.pipeline.commit;

import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.state.ChannelSettings;
import io.acog.core.internal.pipeline.state.StageScheduler;
import io.acog.core.internal.queue.JobStore;
import java.util.UUID;
import java.util.function.Function;

/**
 * What writing episode changes needs: the database, the job queue in a transaction's scope, the
 * settings of an episode's channel, the scheduler of next stages, and the states this pipeline last
 * wrote.
 */
public record CommitContext(
        Db db,
        Function<Db, JobStore> jobs,
        Function<UUID, ChannelSettings> channels,
        StageScheduler scheduler,
        KnownStates states) {}
