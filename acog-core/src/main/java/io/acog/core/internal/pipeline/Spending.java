package io.acog.core.internal.pipeline;

import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.BudgetExceededException;
import io.acog.core.channel.Channel;
import io.acog.core.channel.PlatformConfig;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.store.ChannelStore;
import io.acog.core.internal.store.EpisodeStore;
import io.acog.core.job.JobStatus;
import io.acog.core.pipeline.ChannelCost;
import io.acog.core.pipeline.EpisodeCost;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * What episodes and channels spent on providers, from their completed jobs, and the monthly
 * budgets that stop stages from starting once reached.
 */
final class Spending {

    private static final io.acog.jooq.generated.enums.JobStatus COMPLETED = DbEnums.db(JobStatus.COMPLETED);

    private final Db db;
    /** The budget of channels that set none; null for none. */
    private final BigDecimal defaultBudget;

    Spending(Db db, BigDecimal defaultBudget) {
        this.db = db;
        this.defaultBudget = defaultBudget;
    }

    /** The channel's own monthly budget, or the pipeline's default when it sets none. */
    private BigDecimal budget(BigDecimal channelBudget) {
        return channelBudget != null ? channelBudget : defaultBudget;
    }

    EpisodeCost cost(UUID episodeId) {
        Checks.notNull(EpisodeStore.ENTITY, "id", episodeId);
        if (!db.read(dsl -> dsl.fetchExists(EPISODES, EPISODES.ID.eq(episodeId), EPISODES.DELETED_AT.isNull()))) {
            throw EpisodeStore.notFound(episodeId);
        }
        Map<PipelineStage, BigDecimal> byStage = new EnumMap<>(PipelineStage.class);
        long[] tokens = {0};
        db.read(dsl -> dsl.select(JOBS.STAGE, DSL.sum(JOBS.COST_USD), DSL.sum(JOBS.TOKENS_USED))
                        .from(JOBS)
                        .where(JOBS.EPISODE_ID.eq(episodeId), JOBS.STATUS.eq(COMPLETED))
                        .groupBy(JOBS.STAGE)
                        .fetch())
                .forEach(row -> {
                    if (row.value2() != null) {
                        byStage.put(DbEnums.stage(row.value1()), row.value2());
                    }
                    if (row.value3() != null) {
                        tokens[0] += row.value3().longValue();
                    }
                });
        BigDecimal total = byStage.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EpisodeCost(episodeId, total, byStage, tokens[0]);
    }

    ChannelCost cost(UUID channelId, YearMonth month) {
        Checks.notNull(ChannelStore.ENTITY, "id", channelId);
        Checks.notNull(ChannelStore.ENTITY, "month", month);
        Channel channel = db.read(dsl -> dsl.selectFrom(CHANNELS)
                        .where(CHANNELS.ID.eq(channelId), CHANNELS.DELETED_AT.isNull())
                        .fetchOptional(ChannelStore::map))
                .orElseThrow(() -> ChannelStore.notFound(channelId));
        Record spent = db.read(dsl -> spent(dsl, channelId, month));
        return new ChannelCost(
                channelId,
                month,
                spent.get(0, BigDecimal.class),
                spent.get(1, Integer.class),
                budget(channel.platformConfig().monthlyBudgetUsd()));
    }

    /**
     * @throws BudgetExceededException when the channel has a monthly budget and spent it
     */
    void checkBudget(Db scope, UUID channelId) {
        BigDecimal budget = scope.read(dsl -> dsl.select(CHANNELS.PLATFORM_CONFIG)
                        .from(CHANNELS)
                        .where(CHANNELS.ID.eq(channelId))
                        .fetchOptional(CHANNELS.PLATFORM_CONFIG))
                .map(json -> JsonCodec.read(json, PlatformConfig.class).monthlyBudgetUsd())
                .orElse(null);
        refusal(scope, channelId, budget(budget)).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** The refusal to start a stage when the channel's monthly budget (if any) is spent. */
    Optional<BudgetExceededException> refusal(UUID channelId, BigDecimal budget) {
        return refusal(db, channelId, budget(budget));
    }

    private static Optional<BudgetExceededException> refusal(Db scope, UUID channelId, BigDecimal budget) {
        if (budget == null) {
            return Optional.empty();
        }
        BigDecimal spent = scope.read(dsl -> spent(dsl, channelId, YearMonth.from(scope.now())))
                .get(0, BigDecimal.class);
        return spent.compareTo(budget) >= 0
                ? Optional.of(new BudgetExceededException(channelId, budget, spent))
                : Optional.empty();
    }

    /** What the channel's completed jobs cost in the month (UTC), and for how many episodes. */
    private static Record spent(DSLContext dsl, UUID channelId, YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return dsl.select(DSL.coalesce(DSL.sum(JOBS.COST_USD), BigDecimal.ZERO), DSL.countDistinct(JOBS.EPISODE_ID))
                .from(JOBS)
                .join(EPISODES)
                .on(EPISODES.ID.eq(JOBS.EPISODE_ID))
                .where(
                        EPISODES.CHANNEL_ID.eq(channelId),
                        JOBS.STATUS.eq(COMPLETED),
                        JOBS.COMPLETED_AT.ge(from),
                        JOBS.COMPLETED_AT.lt(from.plusMonths(1)),
                        JOBS.COST_USD.isNotNull())
                .fetchOne();
    }
}
