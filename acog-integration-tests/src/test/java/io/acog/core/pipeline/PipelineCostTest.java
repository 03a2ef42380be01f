package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitRest;
import static io.acog.core.pipeline.PipelineTesting.channel;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.core.pipeline.PipelineTesting.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.BudgetExceededException;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderCall;
import io.acog.spi.Usage;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What episodes and channels cost, and monthly budgets. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineCostTest extends PipelineTestCase {

    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected EpisodePipeline pipeline(OfflineProviders offline) {
        return pipeline(offline, null);
    }

    /** The pipeline with {@code defaultBudget} for channels that set none (null: none). */
    private EpisodePipeline pipeline(OfflineProviders offline, BigDecimal defaultBudget) {
        return builder(offline)
                .monthlyBudgetUsd(defaultBudget)
                .listener(new PipelineListener() {
                    @Override
                    public void stageStarted(UUID episodeId, PipelineStage stage, int attempt) {
                        heard.add(episodeId + " started " + stage.label());
                    }

                    @Override
                    public void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
                        heard.add(episodeId + " " + from.label() + "->" + to.label());
                    }
                })
                .build();
    }

    private void runAll(EpisodePipeline pipeline, Episode... episodes) throws Exception {
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            for (Episode episode : episodes) {
                awaitRest(acog, episode.id());
                awaitNoLiveJobs(acog, episode.id());
            }
        }
    }

    private static YearMonth thisMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    @Test
    void aCostFinerThanTheSchemaKeepsIsRoundedNotRefused() throws Exception {
        // a speech provider billing per character: 0.01743 USD, five decimals (seen stranding an
        // episode in audio when the completion refused it after the money was spent)
        OfflineProviders offline = PipelineTesting.offline().build();
        VoiceSynthesizer offlineVoice = offline.voiceSynthesizer();
        VoiceSynthesizer perCharacter = new VoiceSynthesizer() {
            @Override
            public String name() {
                return offlineVoice.name();
            }

            @Override
            public boolean serves(String requested) {
                return true; // whatever the fixture channel names; registered before the offline one
            }

            @Override
            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                Speech speech = offlineVoice.synthesize(request, call);
                return new Speech(
                        speech.audio(),
                        speech.durationMs(),
                        speech.timings(),
                        speech.providerJobId(),
                        Usage.cost(new BigDecimal("0.01743")).withCharacters(58));
            }
        };
        EpisodePipeline pipeline = offline.installInto(
                        EpisodePipeline.builder(acog).voiceSynthesizer(perCharacter))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        runAll(pipeline, episode);

        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(stage(done, PipelineStage.AUDIO).costUsd()).isEqualByComparingTo("0.0174");
        assertThat(jobs(acog, episode.id(), PipelineStage.AUDIO))
                .singleElement()
                .extracting(Job::costUsd)
                .isEqualTo(new BigDecimal("0.0174"));
    }

    @Test
    void anEpisodeCostsTheSumOfItsStagesAndAChannelTheSumOfItsEpisodes() throws Exception {
        // one retried attempt: a failed job costs nothing
        OfflineProviders offline = PipelineTesting.offline()
                .fail("planning", OfflineProviders.Failure.RETRYABLE, 1)
                .build();
        EpisodePipeline pipeline = pipeline(offline);
        Channel channel = fixtures.channel().create();
        Channel other = fixtures.channel().create();
        Episode first = fixtures.episode().channel(channel).create();
        Episode second =
                fixtures.episode().channel(channel).title("Neutron stars").create();
        Episode elsewhere = fixtures.episode().channel(other).create();
        Episode notStarted = fixtures.episode().channel(channel).create();
        for (Episode episode : List.of(first, second, elsewhere)) {
            pipeline.start(episode.id());
        }
        runAll(pipeline, first, second, elsewhere);

        BigDecimal channelTotal = BigDecimal.ZERO;
        for (Episode episode : List.of(first, second)) {
            Episode done = acog.episodes().get(episode.id());
            assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
            EpisodeCost cost = pipeline.cost(episode.id());
            assertThat(cost.episodeId()).isEqualTo(episode.id());
            assertThat(cost.totalUsd()).isPositive();
            assertThat(cost.totalUsd())
                    .isEqualByComparingTo(cost.byStage().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(cost.byStage())
                    .containsKeys(
                            PipelineStage.PLANNING,
                            PipelineStage.SCRIPTING,
                            PipelineStage.SCRIPT_REVIEW,
                            PipelineStage.METADATA,
                            PipelineStage.AUDIO,
                            PipelineStage.AVATAR,
                            PipelineStage.BROLL);
            assertThat(cost.byStage().get(PipelineStage.AUDIO)).isPositive();
            assertThat(cost.byStage().get(PipelineStage.AVATAR)).isPositive();
            assertThat(cost.byStage().get(PipelineStage.BROLL)).isPositive();
            // what each stage cost is what pipeline_state says it cost (b-roll: all its clips)
            cost.byStage().forEach((stage, usd) -> {
                StageState state = stage(done, stage);
                assertThat(state.costUsd()).as(stage.label()).isNotNull();
                assertThat(usd).as(stage.label()).isEqualByComparingTo(state.costUsd());
            });
            // and what the completed jobs cost
            BigDecimal jobsTotal = jobs(acog, episode.id()).stream()
                    .filter(job -> job.status() == JobStatus.COMPLETED)
                    .map(Job::costUsd)
                    .filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(cost.totalUsd()).isEqualByComparingTo(jobsTotal);
            assertThat(cost.tokens()).isPositive();
            long stateTokens = done.pipelineState().stages().values().stream()
                    .map(StageState::tokensUsed)
                    .filter(java.util.Objects::nonNull)
                    .mapToLong(Integer::longValue)
                    .sum();
            assertThat(cost.tokens()).isEqualTo(stateTokens);
            channelTotal = channelTotal.add(cost.totalUsd());
        }
        assertThat(pipeline.cost(notStarted.id()).totalUsd()).isEqualByComparingTo("0");
        assertThat(pipeline.cost(notStarted.id()).byStage()).isEmpty();

        ChannelCost month = pipeline.cost(channel.id(), thisMonth());
        assertThat(month.channelId()).isEqualTo(channel.id());
        assertThat(month.month()).isEqualTo(thisMonth());
        assertThat(month.episodes()).isEqualTo(2);
        assertThat(month.totalUsd()).isEqualByComparingTo(channelTotal);
        assertThat(month.budgetUsd()).isNull();

        ChannelCost otherMonth = pipeline.cost(other.id(), thisMonth());
        assertThat(otherMonth.episodes()).isEqualTo(1);
        assertThat(otherMonth.totalUsd())
                .isEqualByComparingTo(pipeline.cost(elsewhere.id()).totalUsd());

        ChannelCost lastMonth = pipeline.cost(channel.id(), thisMonth().minusMonths(1));
        assertThat(lastMonth.episodes()).isZero();
        assertThat(lastMonth.totalUsd()).isEqualByComparingTo("0");
    }

    @Test
    void aSpentBudgetStopsTheNextStageAndRefusesNewStarts() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = pipeline(offline);
        BigDecimal budget = new BigDecimal("0.0001");
        Channel channel = channel(acog, fixtures, config -> config.withMonthlyBudgetUsd(budget));
        Episode first = fixtures.episode().channel(channel).create();

        // nothing spent yet: the episode starts; planning spends more than the budget
        pipeline.start(first.id());
        runAll(pipeline, first);

        Episode stopped = acog.episodes().get(first.id());
        assertThat(stopped.status()).isEqualTo(EpisodeStatus.FAILED);
        assertThat(stopped.lastError())
                .startsWith("scripting: ")
                .contains("monthly budget", "$0.0001", channel.id().toString());
        StageState scripting = stage(stopped, PipelineStage.SCRIPTING);
        assertThat(scripting.status()).isEqualTo(StageStatus.FAILED);
        assertThat(scripting.error()).contains("budget");
        assertThat(scripting.attempts()).isEqualTo(1);
        assertThat(stage(stopped, PipelineStage.PLANNING).status()).isEqualTo(StageStatus.COMPLETED);
        // the provider was not called for the refused stage, nor asked again
        assertThat(offline.calls("planning")).hasSize(1);
        assertThat(offline.calls("scripting")).isEmpty();
        assertThat(jobs(acog, first.id(), PipelineStage.SCRIPTING))
                .singleElement()
                .satisfies(job -> {
                    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
                    assertThat(job.retryCount()).isZero();
                });
        BigDecimal spent = pipeline.cost(first.id()).totalUsd();
        assertThat(spent).isGreaterThan(budget);
        ChannelCost month = pipeline.cost(channel.id(), thisMonth());
        assertThat(month.budgetUsd()).isEqualByComparingTo(budget);
        assertThat(month.totalUsd()).isEqualByComparingTo(spent);

        // a new episode of the channel does not start, and nothing of it is written
        Episode second = fixtures.episode().channel(channel).create();
        heard.clear();
        assertThatThrownBy(() -> pipeline.start(second.id()))
                .isInstanceOf(BudgetExceededException.class)
                .satisfies(e -> {
                    BudgetExceededException refusal = (BudgetExceededException) e;
                    assertThat(refusal.channelId()).isEqualTo(channel.id());
                    assertThat(refusal.budgetUsd()).isEqualByComparingTo(budget);
                    assertThat(refusal.spentUsd()).isEqualByComparingTo(spent);
                });
        Episode untouched = acog.episodes().get(second.id());
        assertThat(untouched.status()).isEqualTo(EpisodeStatus.IDEA);
        assertThat(untouched.pipelineState().stages()).isEmpty();
        assertThat(untouched.lastError()).isNull();
        assertThat(untouched.updatedAt()).isEqualTo(second.updatedAt());
        assertThat(jobs(acog, second.id())).isEmpty();
        assertThat(heard).isEmpty();

        // nor is the stopped one retried
        assertThatThrownBy(() -> pipeline.retry(first.id())).isInstanceOf(BudgetExceededException.class);
        Episode still = acog.episodes().get(first.id());
        assertThat(still.status()).isEqualTo(EpisodeStatus.FAILED);
        assertThat(still.retryCount()).isZero();
        assertThat(jobs(acog, first.id())).hasSize(2);
        assertThat(heard).isEmpty();
    }

    @Test
    void thePipelinesBudgetStopsAChannelWithoutOneOfItsOwnOnceSpent() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        BigDecimal budget = new BigDecimal("0.0001");
        EpisodePipeline pipeline = pipeline(offline, budget);
        Channel channel = fixtures.channel().create();
        assertThat(channel.platformConfig().monthlyBudgetUsd())
                .as("the fixture sets none")
                .isNull();
        Episode first = fixtures.episode().channel(channel).create();

        // nothing spent yet: the episode starts; planning spends more than the budget
        pipeline.start(first.id());
        runAll(pipeline, first);

        Episode stopped = acog.episodes().get(first.id());
        assertThat(stopped.status()).isEqualTo(EpisodeStatus.FAILED);
        assertThat(stopped.lastError())
                .startsWith("scripting: ")
                .contains("monthly budget", "$0.0001", channel.id().toString());
        assertThat(stage(stopped, PipelineStage.PLANNING).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage(stopped, PipelineStage.SCRIPTING).status()).isEqualTo(StageStatus.FAILED);
        assertThat(offline.calls("scripting")).isEmpty();
        BigDecimal spent = pipeline.cost(first.id()).totalUsd();
        assertThat(spent).isGreaterThan(budget);
        ChannelCost month = pipeline.cost(channel.id(), thisMonth());
        assertThat(month.budgetUsd()).as("the budget in force").isEqualByComparingTo(budget);
        assertThat(month.totalUsd()).isEqualByComparingTo(spent);

        // a new episode of the channel does not start, nor is the stopped one retried
        Episode second = fixtures.episode().channel(channel).create();
        assertThatThrownBy(() -> pipeline.start(second.id()))
                .isInstanceOf(BudgetExceededException.class)
                .satisfies(e -> {
                    BudgetExceededException refusal = (BudgetExceededException) e;
                    assertThat(refusal.channelId()).isEqualTo(channel.id());
                    assertThat(refusal.budgetUsd()).isEqualByComparingTo(budget);
                    assertThat(refusal.spentUsd()).isEqualByComparingTo(spent);
                });
        assertThat(acog.episodes().get(second.id()).status()).isEqualTo(EpisodeStatus.IDEA);
        assertThat(jobs(acog, second.id())).isEmpty();
        assertThatThrownBy(() -> pipeline.retry(first.id())).isInstanceOf(BudgetExceededException.class);

        // a pipeline without the default leaves the channel unbudgeted
        EpisodePipeline unbudgeted = pipeline(offline);
        assertThat(unbudgeted.cost(channel.id(), thisMonth()).budgetUsd()).isNull();
    }

    @Test
    void aChannelsOwnBudgetWinsOverThePipelinesWhetherHigherOrLower() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        BigDecimal tiny = new BigDecimal("0.0001");
        BigDecimal ample = new BigDecimal("1000.00");
        Channel generous = channel(acog, fixtures, config -> config.withMonthlyBudgetUsd(ample));
        Channel frugal = channel(acog, fixtures, config -> config.withMonthlyBudgetUsd(tiny));

        // the pipeline's budget is tiny; the channel's own is ample: it publishes
        EpisodePipeline strict = pipeline(offline, tiny);
        Episode published = fixtures.episode().channel(generous).create();
        strict.start(published.id());
        runAll(strict, published);
        assertThat(acog.episodes().get(published.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(strict.cost(generous.id(), thisMonth()).budgetUsd()).isEqualByComparingTo(ample);
        assertThat(strict.cost(generous.id(), thisMonth()).totalUsd()).isGreaterThan(tiny);

        // the pipeline's budget is ample; the channel's own is tiny: planning spends it
        EpisodePipeline lenient = pipeline(offline, ample);
        Episode stopped = fixtures.episode().channel(frugal).create();
        lenient.start(stopped.id());
        runAll(lenient, stopped);
        Episode failed = acog.episodes().get(stopped.id());
        assertThat(failed.status()).isEqualTo(EpisodeStatus.FAILED);
        assertThat(failed.lastError()).startsWith("scripting: ").contains("monthly budget", "$0.0001");
        assertThat(lenient.cost(frugal.id(), thisMonth()).budgetUsd()).isEqualByComparingTo(tiny);
        assertThatThrownBy(() -> lenient.start(
                        fixtures.episode().channel(frugal).create().id()))
                .isInstanceOf(BudgetExceededException.class)
                .satisfies(e ->
                        assertThat(((BudgetExceededException) e).budgetUsd()).isEqualByComparingTo(tiny));
    }

    @Test
    void aNegativePipelineBudgetIsRefusedAndNoneIsNone() {
        EpisodePipeline.Builder builder = builder(PipelineTesting.offline().build());

        assertThatThrownBy(() -> builder.monthlyBudgetUsd(new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monthlyBudgetUsd")
                .hasMessageContaining("-0.01")
                .hasMessageContaining("zero or more");
        EpisodePipeline pipeline =
                builder.monthlyBudgetUsd(BigDecimal.ZERO).monthlyBudgetUsd(null).build();
        Channel channel = fixtures.channel().create();
        assertThat(pipeline.cost(channel.id(), thisMonth()).budgetUsd()).isNull();
    }
}
