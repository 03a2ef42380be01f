package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitRest;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.core.pipeline.PipelineTesting.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What {@link PipelineListener#stageCompleted(CompletedStage)} tells of costs adds up to what the
 * pipeline's cost reports say was spent: a metric of cost per channel fed by it agrees with {@link
 * EpisodePipeline#cost(java.util.UUID, YearMonth)}, also when a review sends the script back (the
 * review that did is paid for, but only the review that passes completes the stage).
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class CompletedStageCostTest extends PipelineTestCase {

    @Test
    void theCostsOfCompletedStagesAddUpToWhatTheChannelSpentReviewsThatSentTheScriptBackIncluded() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().rejectReviews(1).build();
        Map<PipelineStage, BigDecimal> heard = new ConcurrentHashMap<>();
        EpisodePipeline pipeline = builder(offline)
                .listener(new PipelineListener() {
                    @Override
                    public void stageCompleted(CompletedStage completed) {
                        heard.merge(completed.stage(), completed.costUsd(), BigDecimal::add);
                    }
                })
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }

        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        List<Job> reviews = jobs(acog, episode.id(), PipelineStage.SCRIPT_REVIEW);
        assertThat(reviews)
                .as("the review that sent the script back, and the one that passed")
                .hasSize(2);
        BigDecimal reviewed = reviews.stream()
                .filter(job -> job.status() == JobStatus.COMPLETED)
                .map(Job::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(reviewed).isGreaterThan(reviews.get(0).costUsd());

        // the review's entry, and its completion, cost both reviews
        assertThat(stage(done, PipelineStage.SCRIPT_REVIEW).costUsd()).isEqualByComparingTo(reviewed);
        assertThat(heard.get(PipelineStage.SCRIPT_REVIEW)).isEqualByComparingTo(reviewed);
        assertThat(pipeline.cost(episode.id()).byStage().get(PipelineStage.SCRIPT_REVIEW))
                .isEqualByComparingTo(reviewed);
        // each stage as heard is what its completed jobs cost; all of it, what the channel spent
        pipeline.cost(episode.id())
                .byStage()
                .forEach((stage, usd) ->
                        assertThat(heard.get(stage)).as(stage.label()).isEqualByComparingTo(usd));
        BigDecimal total = heard.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total)
                .isEqualByComparingTo(pipeline.cost(done.channelId(), YearMonth.now(ZoneOffset.UTC))
                        .totalUsd());
    }
}
