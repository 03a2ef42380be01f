package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.channel;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.core.pipeline.PipelineTesting.liveJobs;
import static io.acog.core.pipeline.PipelineTesting.stage;
import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.ConflictException;
import io.acog.core.InvalidTransitionException;
import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.Job;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testkit.postgres.AcogPostgres;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Manual and automatic script review, and channels that publish only when told to. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineReviewAndPublishTest extends PipelineTestCase {

    private static final String NOTES = "Open with the 38 microseconds a day that GPS clocks gain.";

    private boolean waitsForReview(UUID episodeId) {
        Episode episode = acog.episodes().get(episodeId);
        return episode.status() == EpisodeStatus.SCRIPT_REVIEW
                && episode.pipelineState().status(PipelineStage.SCRIPT_REVIEW) == StageStatus.WAITING;
    }

    /** Runs a worker until the condition holds and no job of the episode is live. */
    private void work(EpisodePipeline pipeline, UUID episodeId, BooleanSupplier until) throws Exception {
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            patiently().until(until::getAsBoolean);
            awaitNoLiveJobs(acog, episodeId);
        }
    }

    @Test
    void aManualReviewChannelWaitsForAPersonWhoCanSendTheScriptBackThenApproveIt() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = pipeline(offline);
        Channel channel = channel(acog, fixtures, config -> config.withScriptReview("manual"));
        Episode episode = fixtures.episode().channel(channel).create();

        assertThatThrownBy(() -> pipeline.approveScript(episode.id(), "alice"))
                .as("an episode in idea has no script to approve")
                .isInstanceOf(ConflictException.class);
        pipeline.start(episode.id());
        // workers run between the reviewer's decisions, so each decision's result is exact
        work(pipeline, episode.id(), () -> waitsForReview(episode.id()));
        Episode waiting = acog.episodes().get(episode.id());
        assertThat(waiting.status()).isEqualTo(EpisodeStatus.SCRIPT_REVIEW);
        assertThat(stage(waiting, PipelineStage.SCRIPT_REVIEW).status()).isEqualTo(StageStatus.WAITING);
        assertThat(waiting.pipelineState().stage(PipelineStage.METADATA)).isEmpty();
        assertThat(waiting.pipelineState().stage(PipelineStage.AUDIO)).isEmpty();
        // the writer did not review its own script, and nothing after review started
        assertThat(offline.calls("script_review")).isEmpty();
        assertThat(offline.calls("audio")).isEmpty();
        assertThat(offline.calls("metadata")).isEmpty();
        assertThat(jobs(acog, episode.id(), PipelineStage.SCRIPT_REVIEW)).isEmpty();
        String firstScript = waiting.script();
        assertThat(firstScript).doesNotContain("Revised as the review asked");

        assertThatThrownBy(() -> pipeline.rejectScript(episode.id(), " ")).isInstanceOf(ValidationException.class);
        Episode sentBack = pipeline.rejectScript(episode.id(), NOTES);
        assertThat(sentBack.status()).isEqualTo(EpisodeStatus.SCRIPTING);
        assertThat(stage(sentBack, PipelineStage.SCRIPTING).status()).isEqualTo(StageStatus.PENDING);
        assertThat(stage(sentBack, PipelineStage.SCRIPT_REVIEW).status()).isEqualTo(StageStatus.PENDING);
        assertThat(liveJobs(acog, episode.id())).singleElement().satisfies(job -> {
            assertThat(job.stage()).isEqualTo(PipelineStage.SCRIPTING);
            // the writer gets the notes with its job
            assertThat(job.input()).containsEntry("review_notes", List.of(NOTES));
        });

        work(pipeline, episode.id(), () -> offline.calls("scripting").size() == 2 && waitsForReview(episode.id()));
        Episode revised = acog.episodes().get(episode.id());
        // the offline writer works the notes it got into the script
        assertThat(revised.script()).isNotEqualTo(firstScript).contains("Revised as the review asked: " + NOTES);
        StageState review = stage(revised, PipelineStage.SCRIPT_REVIEW);
        assertThat(review.status()).isEqualTo(StageStatus.WAITING);
        assertThat(review.extra()).containsEntry("revisions", 1).containsEntry("review_notes", List.of(NOTES));
        assertThat(offline.calls("script_review")).isEmpty();

        assertThatThrownBy(() -> pipeline.approveScript(episode.id(), "   "))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("reviewer");
        assertThatThrownBy(() -> pipeline.approveScript(episode.id(), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pipeline.approveScript(episode.id(), "ali\u0000ce"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("episode.reviewer contains the NUL character (U+0000) at index 3, which PostgreSQL"
                        + " cannot store");
        assertThat(waitsForReview(episode.id()))
                .as("refused approvals change nothing")
                .isTrue();
        Episode approved = pipeline.approveScript(episode.id(), "alice");
        assertThat(approved.status()).isEqualTo(EpisodeStatus.AUDIO);
        assertThat(stage(approved, PipelineStage.SCRIPT_REVIEW).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage(approved, PipelineStage.SCRIPT_REVIEW).reviewer()).isEqualTo("alice");
        assertThat(liveJobs(acog, episode.id()))
                .extracting(Job::stage)
                .contains(PipelineStage.METADATA, PipelineStage.AUDIO, PipelineStage.BROLL)
                .doesNotContain(PipelineStage.SCRIPT_REVIEW, PipelineStage.SCRIPTING);
        assertThatThrownBy(() -> pipeline.approveScript(episode.id(), "bob"))
                .as("approved already")
                .isInstanceOf(ConflictException.class);

        work(
                pipeline,
                episode.id(),
                () -> PipelineTesting.RESTING.contains(
                        acog.episodes().get(episode.id()).status()));
        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(done.script()).contains("Revised as the review asked: " + NOTES);
        StageState reviewed = stage(done, PipelineStage.SCRIPT_REVIEW);
        assertThat(reviewed.reviewer()).isEqualTo("alice");
        assertThat(reviewed.completedAt()).isNotNull();
        assertThat(offline.calls("scripting")).hasSize(2);
        assertThat(offline.calls("script_review")).isEmpty();
        assertThat(offline.calls("audio")).hasSize(1);
        assertThat(offline.calls("upload")).hasSize(1);

        assertThatThrownBy(() -> pipeline.approveScript(episode.id(), "bob"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("published");
        assertThatThrownBy(() -> pipeline.rejectScript(episode.id(), NOTES)).isInstanceOf(ConflictException.class);
        assertThat(stage(acog.episodes().get(episode.id()), PipelineStage.SCRIPT_REVIEW)
                        .reviewer())
                .isEqualTo("alice");
    }

    @Test
    void anAutomaticReviewThatAsksForRevisionsSendsTheScriptBackThenPasses() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().rejectReviews(2).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        Episode done = startAndRunToRest(pipeline, episode);
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(done.lastError()).isNull();
        // two rejections, two rewrites: three scripts and three reviews
        assertThat(offline.calls("scripting")).hasSize(3);
        assertThat(offline.calls("script_review")).hasSize(3);
        assertThat(offline.calls("audio")).hasSize(1);
        assertThat(done.script()).contains("Revised as the review asked: Make the hook shorter");
        StageState review = stage(done, PipelineStage.SCRIPT_REVIEW);
        assertThat(review.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(review.reviewer()).isEqualTo("system");
        assertThat(review.extra()).containsEntry("revisions", 2);
        assertThat(review.refinementPasses()).isEqualTo(2);
        assertThat(stage(done, PipelineStage.SCRIPTING).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(jobs(acog, episode.id(), PipelineStage.SCRIPTING)).hasSize(3);
    }

    @Test
    void anAutomaticReviewThatKeepsRejectingFailsTheEpisodeAfterTheMaximumOfRevisions() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().rejectReviews(100).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        Episode done = startAndRunToRest(pipeline, episode);
        assertThat(done.status()).isEqualTo(EpisodeStatus.FAILED);
        // MAX_REVISIONS = 2: the original script and two rewrites, each reviewed once
        assertThat(offline.calls("scripting")).hasSize(3);
        assertThat(offline.calls("script_review")).hasSize(3);
        assertThat(offline.calls("audio")).isEmpty();
        assertThat(offline.calls("metadata")).isEmpty();
        assertThat(done.lastError())
                .isEqualTo("script_review: the script was not approved after"
                        + " 2 revisions: Make the hook shorter and add one concrete number.");
        StageState review = stage(done, PipelineStage.SCRIPT_REVIEW);
        assertThat(review.status()).isEqualTo(StageStatus.FAILED);
        assertThat(review.error()).startsWith("the script was not approved after 2 revisions");
        assertThat(review.extra()).containsEntry("revisions", 2);
    }

    @Test
    void aChannelWithoutAutomaticPublishingStopsAtReadyUntilPublished() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = pipeline(offline);
        Channel channel = channel(acog, fixtures, config -> config.withAutoPublish(false));
        Episode episode = fixtures.episode().channel(channel).create();

        assertThatThrownBy(() -> pipeline.publish(episode.id()))
                .isInstanceOf(InvalidTransitionException.class)
                .satisfies(
                        e -> assertThat(((InvalidTransitionException) e).from()).isEqualTo(EpisodeStatus.IDEA));
        pipeline.start(episode.id());
        work(
                pipeline,
                episode.id(),
                () -> PipelineTesting.RESTING.contains(
                        acog.episodes().get(episode.id()).status()));
        Episode ready = acog.episodes().get(episode.id());
        assertThat(ready.status()).isEqualTo(EpisodeStatus.READY);
        assertThat(ready.publishedUrl()).isNull();
        assertThat(ready.publishedAt()).isNull();
        assertThat(ready.pipelineState().stage(PipelineStage.UPLOAD)).isEmpty();
        assertThat(stage(ready, PipelineStage.ASSEMBLY).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(offline.calls("upload")).isEmpty();
        assertThat(jobs(acog, episode.id(), PipelineStage.UPLOAD)).isEmpty();

        Episode publishing = pipeline.publish(episode.id());
        assertThat(publishing.status()).isEqualTo(EpisodeStatus.PUBLISHING);
        assertThat(stage(publishing, PipelineStage.UPLOAD).status()).isEqualTo(StageStatus.PENDING);
        assertThat(liveJobs(acog, episode.id()))
                .singleElement()
                .extracting(Job::stage)
                .isEqualTo(PipelineStage.UPLOAD);
        assertThatThrownBy(() -> pipeline.publish(episode.id()))
                .as("publishing already")
                .isInstanceOf(InvalidTransitionException.class);
        assertThat(liveJobs(acog, episode.id())).hasSize(1);

        work(
                pipeline,
                episode.id(),
                () -> PipelineTesting.RESTING.contains(
                        acog.episodes().get(episode.id()).status()));
        Episode published = acog.episodes().get(episode.id());
        assertThat(published.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(published.publishedUrl()).startsWith("https://video.offline.invalid/watch/");
        assertThat(published.publishedAt()).isNotNull();
        assertThat(stage(published, PipelineStage.UPLOAD).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(offline.calls("upload")).hasSize(1);

        assertThatThrownBy(() -> pipeline.publish(episode.id()))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("only a ready episode can be published")
                .satisfies(
                        e -> assertThat(((InvalidTransitionException) e).from()).isEqualTo(EpisodeStatus.PUBLISHED));
        // issue 10: it said "cannot go from published to failed", a change nobody asked for
        assertThatThrownBy(() -> pipeline.retry(episode.id()))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessage("episode " + episode.id() + " is published: only a failed episode can be retried")
                .satisfies(
                        e -> assertThat(((InvalidTransitionException) e).from()).isEqualTo(EpisodeStatus.PUBLISHED));
        assertThat(jobs(acog, episode.id(), PipelineStage.UPLOAD)).hasSize(1);
        assertThat(acog.episodes().get(episode.id())).isEqualTo(published);
    }
}
