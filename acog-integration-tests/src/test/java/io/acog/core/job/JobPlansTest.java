package io.acog.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.PipelineStage;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.QueryPlans;
import io.acog.testkit.postgres.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * With 300,000 finished jobs beside a small queue, every statement of the queue is planned as an
 * index scan: the generic plans the server uses for the prepared statements, with their real
 * parameters (see {@link QueryPlans}).
 */
@AcogPostgres
class JobPlansTest {

    @Test
    void queueStatementsStayOffTheFinishedJobs(Acog plain, TestDatabase database, DSLContext db) {
        Episode episode = new AcogFixtures(plain).episode().create();
        db.execute("""
                INSERT INTO jobs (episode_id, stage, status, completed_at, celery_task_id, created_at)
                SELECT ?, 'audio', (ARRAY['completed', 'completed', 'failed', 'cancelled'])[1 + i % 4]::job_status,
                       now() - i * interval '1 second', 'w/' || i, now() - i * interval '1 second'
                FROM generate_series(1, 300000) i""", episode.id());
        List<NewJob> queued = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            queued.add(NewJob.builder(episode.id(), PipelineStage.AUDIO)
                    .priority(i % 3)
                    .build());
        }
        plain.jobs().enqueueAll(queued);
        db.execute("VACUUM ANALYZE jobs");
        QueryPlans plans = new QueryPlans();
        Acog acog = Acog.builder().dataSource(plans.wrap(database.dataSource())).build();

        List<ClaimedJob> claimed = acog.jobs().claim("w1", 50, Duration.ofSeconds(30), Set.of(PipelineStage.AUDIO));
        assertIndexScans(plans, "claim", "idx_jobs_claim");
        acog.jobs().heartbeat(claimed, Duration.ofSeconds(30));
        assertIndexScans(plans, "heartbeat", "jobs_pkey");
        List<JobTracker.Completion> completions = new ArrayList<>();
        claimed.forEach(job -> completions.add(new JobTracker.Completion(job, JobCompletion.empty())));
        assertThat(acog.jobs().completeAll(completions)).isEmpty();
        assertIndexScans(plans, "completeAll", "jobs_pkey");
        acog.jobs().reclaimExpired();
        assertIndexScans(plans, "reclaimExpired", "idx_jobs_status");
        acog.jobs().depth();
        assertIndexScans(plans, "depth", "idx_jobs_status");
        assertThat(acog.jobs().prune(Duration.ofDays(30), 100)).isZero();
        assertIndexScans(plans, "prune", "idx_jobs_finished");
        acog.jobs().list(JobQuery.builder().episode(episode.id()).limit(20).build());
        assertIndexScans(plans, "list by episode", null);
    }

    private static void assertIndexScans(QueryPlans plans, String what, String index) {
        assertThat(plans.plans()).as("plans of %s", what).isNotEmpty();
        for (QueryPlans.Plan plan : plans.plans()) {
            assertThat(plan.sequentialScans()).as("%s:%n%s", what, plan).doesNotContain("jobs");
        }
        if (index != null) {
            assertThat(plans.plans().stream().flatMap(plan -> plan.indexes().stream()))
                    .as("%s:%n%s", what, plans.plans())
                    .contains(index);
        }
        plans.clear();
    }
}
