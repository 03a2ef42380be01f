package io.acog.core.internal.queue;

import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.job.JobCompletion;
import io.acog.core.job.JobTracker.Completion;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Completing held jobs: many in one statement per claim token, each guarded by its claim, so a
 * worker that lost its lease writes nothing.
 */
final class JobCompletions {

    private final Db db;

    JobCompletions(Db db) {
        this.db = db;
    }

    /**
     * Completes the held jobs of one claim token, found by primary key (see
     * {@link #STILL_RUNNING} for the guard), storing each one's result, cost and usage.
     */
    private static final String COMPLETE_SQL = """
            UPDATE jobs j SET status = 'completed', completed_at = ?, result = x.result::jsonb,
                   cost_usd = x.cost::numeric, tokens_used = x.tokens,
                   locked_by = NULL, locked_until = NULL
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[]) AS x(id, result, cost, tokens)
            WHERE j.id = x.id AND j.status::text = 'running'
              AND j.celery_task_id IS NOT DISTINCT FROM ?
            RETURNING j.id""";

    /** As {@link #COMPLETE_SQL}, for jobs with nothing to store but their completion. */
    private static final String COMPLETE_PLAIN_SQL = """
            UPDATE jobs j SET status = 'completed', completed_at = ?,
                   locked_by = NULL, locked_until = NULL
            WHERE j.id = ANY (?::uuid[]) AND j.status::text = 'running'
              AND j.celery_task_id IS NOT DISTINCT FROM ?
            RETURNING j.id""";

    /**
     * The parameters of one token's completions: ids and token, then (unless none has anything
     * to store) results, costs and usages.
     */
    private static Object[] completionParameters(String token, List<Completion> group) {
        int n = group.size();
        UUID[] ids = new UUID[n];
        String[] results = new String[n];
        String[] costs = new String[n];
        Integer[] tokensUsed = new Integer[n];
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            JobCompletion outcome = group.get(i).completion() == null
                    ? JobCompletion.empty()
                    : group.get(i).completion();
            ids[i] = group.get(i).job().job().id();
            results[i] = outcome.result() == null ? null : JsonCodec.text(JobSql.ENTITY, "result", outcome.result());
            costs[i] = cost(outcome.costUsd());
            tokensUsed[i] = outcome.tokensUsed();
            plain &= results[i] == null && costs[i] == null && tokensUsed[i] == null;
        }
        return plain ? new Object[] {ids, token} : new Object[] {ids, token, results, costs, tokensUsed};
    }

    /**
     * @param inTransaction whether the caller runs this in a transaction of its own, so that
     *     several statements need no savepoint to be atomic together
     */
    Set<UUID> completeAll(Collection<Completion> completions, boolean inTransaction) {
        Checks.notNull(JobSql.ENTITY, "completions", completions);
        if (completions.isEmpty()) {
            return Set.of();
        }
        // By claim token: the guard compares one token with each group's ids, and the common
        // case (no result, cost or usage to store) needs no per-row values at all.
        Map<String, List<Completion>> byToken = new LinkedHashMap<>();
        for (Completion completion : completions) {
            byToken.computeIfAbsent(completion.job().token(), token -> new ArrayList<>())
                    .add(completion);
        }
        List<Object[]> groups = new ArrayList<>();
        for (Map.Entry<String, List<Completion>> group : byToken.entrySet()) {
            groups.add(completionParameters(group.getKey(), group.getValue()));
        }
        OffsetDateTime now = db.now();
        Function<DSLContext, Set<UUID>> complete = dsl -> dsl.connectionResult(connection -> {
            Set<UUID> done = new HashSet<>();
            for (Object[] group : groups) {
                boolean plain = group.length == 2;
                try (PreparedStatement update =
                        connection.prepareStatement(plain ? COMPLETE_PLAIN_SQL : COMPLETE_SQL)) {
                    update.setObject(1, now);
                    update.setArray(2, connection.createArrayOf("uuid", (UUID[]) group[0]));
                    if (plain) {
                        update.setString(3, (String) group[1]);
                    } else {
                        update.setArray(3, connection.createArrayOf("text", (String[]) group[2]));
                        update.setArray(4, connection.createArrayOf("text", (String[]) group[3]));
                        update.setArray(5, connection.createArrayOf("int4", (Integer[]) group[4]));
                        update.setString(6, (String) group[1]);
                    }
                    try (ResultSet rows = update.executeQuery()) {
                        while (rows.next()) {
                            done.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
            }
            return done;
        });
        // One group is one statement, atomic alone; several share a transaction.
        Set<UUID> completed = groups.size() == 1 || inTransaction ? db.statement(complete) : db.write(complete);
        Set<UUID> ids = new HashSet<>();
        completions.forEach(completion -> ids.add(completion.job().job().id()));
        Set<UUID> lost = new HashSet<>();
        for (UUID id : ids) {
            if (!completed.contains(id)) {
                lost.add(id);
            }
        }
        return lost;
    }

    private static String cost(BigDecimal cost) {
        if (cost == null) {
            return null;
        }
        if (cost.signum() < 0 || cost.stripTrailingZeros().scale() > 4 || cost.precision() - cost.scale() > 6) {
            throw new ValidationException(
                    JobSql.ENTITY,
                    "cost_usd",
                    "is " + cost.toPlainString()
                            + ", must be 0 or more with at most 6 digits before the point and 4 after");
        }
        return cost.toPlainString();
    }
}
