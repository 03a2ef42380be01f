package io.acog.core.job;

import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.PipelineStage;
import io.acog.testing.LogCapture;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A claim draws no warning from PostgreSQL: the setting that pins its plan is made inside a
 * transaction block, where it takes effect (outside one, PostgreSQL ignores it with a warning,
 * which the claim logs).
 */
@AcogPostgres
class ClaimWarningsTest {

    @RegisterExtension
    final LogCapture log = LogCapture.warnings("io.acog.core.internal.queue.JobClaims");

    @Test
    void claimsDrawNoWarningFromPostgres(DataSource dataSource) {
        Acog acog = Acog.builder().dataSource(dataSource).build();
        Episode episode = new AcogFixtures(acog).episode().create();
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            jobs.add(NewJob.builder(episode.id(), PipelineStage.AUDIO).build());
        }
        acog.jobs().enqueueAll(jobs);
        AtomicInteger ran = new AtomicInteger();

        try (JobWorker worker = acog.jobs()
                .worker("w")
                .handler(PipelineStage.AUDIO, (job, context) -> {
                    ran.incrementAndGet();
                    return JobOutcome.completed();
                })
                .start()) {
            patiently().until(() -> ran.get() == 50);
        }

        assertThat(log.messages()).isEmpty();
    }
}
