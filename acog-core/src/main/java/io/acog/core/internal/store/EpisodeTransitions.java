package io.acog.core.internal.store;

import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.ConflictException;
import io.acog.core.InvalidTransitionException;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageState;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.StageMachine;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * An episode's life cycle: status changes that the life cycle allows (compare-and-set on the
 * status read), and changes of one stage's {@code pipeline_state} entry by the stage state machine,
 * under the row lock.
 */
final class EpisodeTransitions {

    private static final String ENTITY = EpisodeStore.ENTITY;

    private final Db db;

    EpisodeTransitions(Db db) {
        this.db = db;
    }

    Episode transition(UUID id, EpisodeStatus to) {
        return move(id, null, to, null);
    }

    Episode transition(UUID id, EpisodeStatus expected, EpisodeStatus to) {
        Checks.notNull(ENTITY, "expected status", expected);
        return move(id, expected, to, null);
    }

    Episode fail(UUID id, String error) {
        Checks.notNull(ENTITY, "last_error", error);
        Checks.storable(ENTITY, "last_error", error);
        return move(id, null, EpisodeStatus.FAILED, error);
    }

    private Episode move(UUID id, EpisodeStatus expected, EpisodeStatus to, String error) {
        Checks.notNull(ENTITY, "id", id);
        Checks.notNull(ENTITY, "status", to);
        return db.write(dsl -> {
            Record2<io.acog.jooq.generated.enums.EpisodeStatus, JSONB> current = dsl.select(
                            EPISODES.STATUS, EPISODES.PIPELINE_STATE)
                    .from(EPISODES)
                    .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                    .fetchOne();
            if (current == null) {
                throw EpisodeStore.notFound(id);
            }
            EpisodeStatus now = DbEnums.episodeStatus(current.value1());
            EpisodeStatus from = expected != null ? expected : now;
            if (now != from) {
                throw new ConflictException(
                        ENTITY,
                        "episode " + id + " is " + now.label() + ", not " + from.label() + "; nothing was written");
            }
            PipelineState state = JsonCodec.read(current.value2(), PipelineState.class);
            Optional<String> refusal = EpisodeLifecycle.refusal(from, to, state);
            if (refusal.isPresent()) {
                throw new InvalidTransitionException(id, from, to, refusal.get());
            }
            boolean retry = from == EpisodeStatus.FAILED && to != EpisodeStatus.CANCELLED;
            var update = dsl.update(EPISODES)
                    .set(EPISODES.STATUS, DbEnums.db(to))
                    .set(EPISODES.RETRY_COUNT, retry ? EPISODES.RETRY_COUNT.plus(1) : EPISODES.RETRY_COUNT);
            if (error != null) {
                update = update.set(EPISODES.LAST_ERROR, error);
            }
            return update.where(EPISODES.ID.eq(id), EPISODES.STATUS.eq(DbEnums.db(from)), EPISODES.DELETED_AT.isNull())
                    .returning()
                    .fetchOptional(EpisodeMapping::episode)
                    .orElseThrow(() -> new ConflictException(
                            ENTITY,
                            "episode " + id
                                    + " left " + from.label() + " while going to " + to.label()
                                    + ": another transition won; nothing was written"));
        });
    }

    Episode updateStage(UUID id, PipelineStage stage, StageState patch) {
        Checks.notNull(ENTITY, "patch", patch);
        return changeStage(id, stage, (entry, now) -> StageMachine.merge(entry, patch));
    }

    Episode startStage(UUID id, PipelineStage stage, StageState details) {
        StageState extra = details == null ? StageState.empty() : details;
        return changeStage(
                id,
                stage,
                (entry, now) -> StageMachine.merge(
                        StageMachine.start(entry, now),
                        extra.toBuilder()
                                .status(null)
                                .startedAt(null)
                                .completedAt(null)
                                .attempts(null)
                                .build()));
    }

    Episode completeStage(UUID id, PipelineStage stage, StageState details) {
        StageState extra = details == null ? StageState.empty() : details;
        return changeStage(id, stage, (entry, now) -> StageMachine.complete(entry, extra, now));
    }

    Episode failStage(UUID id, PipelineStage stage, String error) {
        Checks.notNull(ENTITY, "error", error);
        Checks.storable(ENTITY, "error", error);
        return changeStage(id, stage, (entry, now) -> StageMachine.fail(entry, error, now));
    }

    /**
     * Replaces {@code pipeline_state[stage]} with what {@code change} makes of it, under the row
     * lock: concurrent changes of the same episode run one after the other, each on the entry the
     * previous one left, and other stages' entries are written back as they are ({@code jsonb_set}
     * of the one key).
     */
    private Episode changeStage(
            UUID id, PipelineStage stage, BiFunction<StageState, OffsetDateTime, StageState> change) {
        Checks.notNull(ENTITY, "id", id);
        Checks.notNull(ENTITY, "stage", stage);
        OffsetDateTime now = db.now();
        return db.write(dsl -> {
            JSONB current = dsl.select(EPISODES.PIPELINE_STATE)
                    .from(EPISODES)
                    .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                    .forNoKeyUpdate()
                    .fetchOptional(EPISODES.PIPELINE_STATE)
                    .orElseThrow(() -> EpisodeStore.notFound(id));
            StageState entry =
                    JsonCodec.read(current, PipelineState.class).stage(stage).orElse(null);
            JSONB changed = JSONB.valueOf(JsonCodec.entry(
                    ENTITY, EPISODES.PIPELINE_STATE.getName(), stage.label(), change.apply(entry, now)));
            return EpisodeMapping.episode(dsl.update(EPISODES)
                    .set(
                            EPISODES.PIPELINE_STATE,
                            DSL.field(
                                    "jsonb_set({0}, {1}::text[], {2}, true)",
                                    SQLDataType.JSONB,
                                    EPISODES.PIPELINE_STATE,
                                    DSL.val(new String[] {stage.label()}),
                                    DSL.val(changed)))
                    .where(EPISODES.ID.eq(id))
                    .returning()
                    .fetchOne());
        });
    }
}
