package io.acog.core.internal.store;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.Acog;
import io.acog.core.ValidationException;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.EpisodeSummary;
import io.acog.core.episode.EpisodeWithAssets;
import io.acog.core.episode.EpisodeWithJobs;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.job.JobSummary;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The seed's dashboard and worker queries on episodes. */
final class EpisodeQueries {

    private static final String ENTITY = EpisodeStore.ENTITY;
    private static final int MAX_PAGE = 500;

    /**
     * The seed's worker query: episodes still being produced, as literals. With bound parameters
     * the server's generic plan (used once the driver prepares the statement) could not prove the
     * predicate of the partial index idx_episodes_priority and would scan the table.
     */
    private static final Condition IN_PRODUCTION = EPISODES.STATUS.in(EnumSet.of(
                    EpisodeStatus.IDEA,
                    EpisodeStatus.PLANNING,
                    EpisodeStatus.SCRIPTING,
                    EpisodeStatus.SCRIPT_REVIEW,
                    EpisodeStatus.AUDIO,
                    EpisodeStatus.AVATAR,
                    EpisodeStatus.BROLL,
                    EpisodeStatus.ASSEMBLY)
            .stream()
            .map(status -> DSL.inline(DbEnums.db(status)))
            .toList());

    private final Db db;
    private final Function<DSLContext, Acog> scope;

    EpisodeQueries(Db db, Function<DSLContext, Acog> scope) {
        this.db = db;
        this.scope = scope;
    }

    List<EpisodeSummary> latestWithAssetCounts(UUID channelId, int limit) {
        Checks.notNull(ENTITY, "channel_id", channelId);
        Checks.pageSize(ENTITY, limit, MAX_PAGE);
        // The seed's LEFT JOIN ... GROUP BY, with the count as a correlated subquery: the 50 rows
        // are chosen first, then only their assets are counted.
        Field<Integer> assets = DSL.field(
                DSL.selectCount().from(ASSETS).where(ASSETS.EPISODE_ID.eq(EPISODES.ID), ASSETS.DELETED_AT.isNull()));
        return db.read(dsl -> dsl.select(
                        EPISODES.ID, EPISODES.TITLE, EPISODES.STATUS, EPISODES.CREATED_AT, EPISODES.UPDATED_AT, assets)
                .from(EPISODES)
                .where(EPISODES.CHANNEL_ID.eq(channelId), EPISODES.DELETED_AT.isNull())
                .orderBy(EPISODES.CREATED_AT.desc(), EPISODES.ID.desc())
                .limit(limit)
                .fetch(row -> new EpisodeSummary(
                        row.value1(),
                        row.value2(),
                        DbEnums.episodeStatus(row.value3()),
                        row.value4(),
                        row.value5(),
                        row.value6())));
    }

    Map<EpisodeStatus, Long> statusOverview(UUID channelId, Duration window) {
        Checks.notNull(ENTITY, "channel_id", channelId);
        Checks.notNull(ENTITY, "window", window);
        if (window.isNegative()) {
            throw new ValidationException(ENTITY, "window", "is " + window + ", must not be negative");
        }
        OffsetDateTime since = db.now().minus(window);
        Map<EpisodeStatus, Long> counts = new EnumMap<>(EpisodeStatus.class);
        db.read(dsl -> dsl.select(EPISODES.STATUS, DSL.count())
                        .from(EPISODES)
                        .where(
                                EPISODES.CHANNEL_ID.eq(channelId),
                                EPISODES.DELETED_AT.isNull(),
                                EPISODES.CREATED_AT.gt(since))
                        .groupBy(EPISODES.STATUS)
                        .fetch())
                .forEach(row -> counts.put(
                        DbEnums.episodeStatus(row.value1()), row.value2().longValue()));
        return counts;
    }

    Map<EpisodeStatus, Long> statusCounts() {
        Map<EpisodeStatus, Long> counts = new EnumMap<>(EpisodeStatus.class);
        db.read(dsl -> dsl.select(EPISODES.STATUS, DSL.count())
                        .from(EPISODES)
                        .where(EPISODES.DELETED_AT.isNull())
                        .groupBy(EPISODES.STATUS)
                        .fetch())
                .forEach(row -> counts.put(
                        DbEnums.episodeStatus(row.value1()), row.value2().longValue()));
        return counts;
    }

    EpisodeWithAssets getWithAssets(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.select(
                                EPISODES,
                                DSL.multiset(DSL.selectFrom(ASSETS)
                                        .where(ASSETS.EPISODE_ID.eq(EPISODES.ID), ASSETS.DELETED_AT.isNull())
                                        .orderBy(ASSETS.CREATED_AT, ASSETS.ID)))
                        .from(EPISODES)
                        .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                        .fetchOptional(row -> new EpisodeWithAssets(
                                EpisodeMapping.episode(row.value1()),
                                row.value2().map(AssetStore::map))))
                .orElseThrow(() -> EpisodeStore.notFound(id));
    }

    EpisodeWithJobs getWithJobs(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.select(
                                EPISODES,
                                DSL.multiset(
                                        DSL.select(JOBS.ID, JOBS.STAGE, JOBS.STATUS, JOBS.STARTED_AT, JOBS.COMPLETED_AT)
                                                .from(JOBS)
                                                .where(JOBS.EPISODE_ID.eq(EPISODES.ID))
                                                .orderBy(JOBS.CREATED_AT, JOBS.ID)))
                        .from(EPISODES)
                        .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                        .fetchOptional(row -> new EpisodeWithJobs(
                                EpisodeMapping.episode(row.value1()),
                                row.value2()
                                        .map(job -> new JobSummary(
                                                job.value1(),
                                                DbEnums.stage(job.value2()),
                                                DbEnums.jobStatus(job.value3()),
                                                job.value4(),
                                                job.value5())))))
                .orElseThrow(() -> EpisodeStore.notFound(id));
    }

    <T> Optional<T> processNext(BiFunction<Acog, Episode, T> work) {
        Checks.notNull(ENTITY, "work", work);
        return db.write(dsl -> dsl.selectFrom(EPISODES)
                .where(IN_PRODUCTION, EPISODES.DELETED_AT.isNull())
                .orderBy(EPISODES.PRIORITY.desc(), EPISODES.CREATED_AT.asc())
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional()
                .map(row -> work.apply(scope.apply(dsl), EpisodeMapping.episode(row))));
    }
}
