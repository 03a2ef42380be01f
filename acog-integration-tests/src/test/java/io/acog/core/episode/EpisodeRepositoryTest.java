package io.acog.core.episode;

import static io.acog.core.episode.EpisodeStatus.AUDIO;
import static io.acog.core.episode.EpisodeStatus.AVATAR;
import static io.acog.core.episode.EpisodeStatus.FAILED;
import static io.acog.core.episode.EpisodeStatus.IDEA;
import static io.acog.core.episode.EpisodeStatus.PLANNING;
import static io.acog.core.episode.EpisodeStatus.READY;
import static io.acog.core.episode.EpisodeStatus.SCRIPTING;
import static io.acog.core.episode.EpisodeStatus.SCRIPT_REVIEW;
import static io.acog.testkit.assertions.AcogAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.Concurrently;
import io.acog.core.ConflictException;
import io.acog.core.InvalidTransitionException;
import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelUpdate;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class EpisodeRepositoryTest {

    @Test
    void createsManualPulseAndDerivedEpisodes(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        UUID event = fixtures.pulseEvent().create().id();

        Episode manual = acog.episodes()
                .create(NewEpisode.builder(channel.id())
                        .title("Black holes")
                        .slug("black-holes")
                        .priority(5)
                        .idea(EpisodeIdea.of("Black holes").withKeyPoints(List.of("event horizon")))
                        .build());
        Episode fromPulse = acog.episodes()
                .create(NewEpisode.builder(channel.id())
                        .fromPulseEvent(event)
                        .title("Trending")
                        .build());
        Episode followup = acog.episodes()
                .create(NewEpisode.builder(channel.id())
                        .derivedFrom(manual.id(), IdeaSource.FOLLOWUP)
                        .title("Part 2")
                        .build());

        assertThat(manual).hasStatus(IDEA).hasIdeaSource(IdeaSource.MANUAL).hasSlug("black-holes");
        assertThat(manual.priority()).isEqualTo(5);
        assertThat(manual.idea().keyPoints()).containsExactly("event horizon");
        assertThat(fromPulse).hasIdeaSource(IdeaSource.PULSE);
        assertThat(fromPulse.pulseEventId()).isEqualTo(event);
        assertThat(followup).hasIdeaSource(IdeaSource.FOLLOWUP);
        assertThat(followup.sourceEpisodeId()).isEqualTo(manual.id());
        assertThat(acog.episodes().get(manual.id())).isEqualTo(manual);
        assertThat(acog.episodes().findBySlug(channel.id(), "black-holes")).contains(manual);
    }

    @Test
    void linksMustFitTheIdeaSourceAndExist(Acog acog, AcogFixtures fixtures, DSLContext db) {
        UUID channel = fixtures.channel().create().id();
        UUID nowhere = UUID.randomUUID();

        assertThatThrownBy(() -> acog.episodes()
                        .create(new NewEpisode(channel, null, null, null, null, 0, IdeaSource.PULSE, null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("episode.idea_source is pulse, so the episode needs a" + " pulse_event_id");
        assertThatThrownBy(() -> acog.episodes()
                        .create(new NewEpisode(channel, null, null, null, null, 0, IdeaSource.SERIES, null, null)))
                .hasMessageContaining("is series, so the episode needs a source_episode_id");
        assertThatThrownBy(() -> acog.episodes()
                        .create(NewEpisode.builder(channel)
                                .fromPulseEvent(nowhere)
                                .build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("pulse event with id " + nowhere + " not found");
        assertThatThrownBy(
                        () -> acog.episodes().create(NewEpisode.builder(nowhere).build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("channel with id " + nowhere + " not found");
        assertThatThrownBy(() -> acog.episodes()
                        .create(NewEpisode.builder(channel).slug("Bad Slug").build()))
                .hasMessageStartingWith("episode.slug 'Bad Slug' is not a slug");
        assertThatThrownBy(() -> acog.episodes()
                        .create(NewEpisode.builder(channel)
                                .title("t".repeat(501))
                                .build()))
                .hasMessageContaining("episode.title is 501 characters, over the limit of 500");

        assertThat(db.fetchCount(DSL.table("episodes"))).isZero();
    }

    @Test
    void aSoftDeletedChannelTakesNoNewEpisodes(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        acog.channels().softDelete(channel.id());

        assertThatThrownBy(() ->
                        acog.episodes().create(NewEpisode.builder(channel.id()).build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void slugIsUniquePerChannelAmongLiveEpisodesAndFreedBySoftDelete(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        Episode first = fixtures.episode().channel(channel).slug("intro").create();

        assertThatThrownBy(
                        () -> fixtures.episode().channel(channel).slug("intro").create())
                .isInstanceOf(ConflictException.class)
                .hasMessage("episode slug 'intro' is taken by live episode " + first.id() + " of channel "
                        + channel.id() + "; nothing was written");
        fixtures.episode().slug("intro").create(); // another channel

        acog.episodes().softDelete(first.id());
        Episode second = fixtures.episode().channel(channel).slug("intro").create();

        assertThatThrownBy(() -> acog.episodes().restore(first.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is taken by live episode " + second.id());
        assertThat(acog.episodes().find(first.id())).isEmpty();
    }

    @Test
    void restoreNeedsALiveChannel(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        Episode episode = fixtures.episode().channel(channel).create();
        acog.channels().softDeleteWithEpisodes(channel.id());

        assertThatThrownBy(() -> acog.episodes().restore(episode.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("restore the channel first");

        acog.channels().restore(channel.id());
        assertThat(acog.episodes().restore(episode.id())).isLive();
    }

    @Test
    void updateChangesOnlyWhatItSets(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().title("Old").priority(1).create();

        Episode updated = acog.episodes()
                .update(
                        episode.id(),
                        EpisodeUpdate.builder()
                                .title("New")
                                .plan(EpisodePlan.empty())
                                .metadata(new EpisodeMetadata("Final", "desc", List.of("space"), null, null, null))
                                .priority(9)
                                .build());

        assertThat(updated).hasTitle("New").hasSlug(episode.slug());
        assertThat(updated.priority()).isEqualTo(9);
        assertThat(updated.metadata().tags()).containsExactly("space");
        assertThat(updated.idea()).isEqualTo(episode.idea());
        assertThat(updated.status()).isEqualTo(episode.status());
    }

    @Test
    void updateRefusesATakenSlugAndAStaleExpectation(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        Episode first = fixtures.episode().channel(channel).slug("first").create();
        Episode second = fixtures.episode().channel(channel).slug("second").create();

        assertThatThrownBy(() -> acog.episodes()
                        .update(
                                second.id(),
                                EpisodeUpdate.builder().slug("first").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("taken by live episode " + first.id());
        acog.episodes()
                .update(second.id(), EpisodeUpdate.builder().title("Changed").build());
        assertThatThrownBy(() -> acog.episodes()
                        .update(
                                second.id(),
                                EpisodeUpdate.builder()
                                        .title("Mine")
                                        .unchangedSince(second.updatedAt())
                                        .build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("was changed at");

        assertThat(acog.episodes().get(second.id())).hasTitle("Changed").hasSlug("second");
    }

    @Test
    void savingAScriptVersionsItAndEstimatesItsDurationAtTheChannelsPace(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create(); // style guide pacing: measured, 140 wpm
        Episode episode = fixtures.episode().channel(channel).create();
        String script =
                "[AVATAR] " + "word ".repeat(200) + "\n[BROLL:galaxy] " + "more ".repeat(80) + "\n[VOICEOVER] done";

        Episode first = acog.episodes().saveScript(episode.id(), script);
        Episode second = acog.episodes().saveScript(episode.id(), script + " now");
        acog.channels()
                .update(
                        channel.id(),
                        ChannelUpdate.builder()
                                .styleGuide(
                                        channel.styleGuide().withPacing(null).withExtra("words_per_minute", 100))
                                .build());
        Episode third = acog.episodes().saveScript(episode.id(), script);

        ScriptMetadata meta = first.scriptMetadata();
        assertThat(first.script()).isEqualTo(script);
        assertThat(first).hasScriptVersion(1);
        assertThat(meta.wordCount()).isEqualTo(281);
        assertThat(meta.wordsPerMinute()).isEqualTo(140);
        assertThat(meta.estimatedDurationSeconds()).isEqualTo(120); // 281 / 140 * 60 = 120.4
        assertThat(meta.avatarSegments()).isEqualTo(1);
        assertThat(meta.brollSegments()).isEqualTo(1);
        assertThat(meta.voiceoverSegments()).isEqualTo(1);
        assertThat(second).hasScriptVersion(2);
        assertThat(second.scriptMetadata().wordCount()).isEqualTo(282);
        assertThat(third).hasScriptVersion(3);
        assertThat(third.scriptMetadata().wordsPerMinute()).isEqualTo(100);
        assertThat(third.scriptMetadata().estimatedDurationSeconds()).isEqualTo(169);
        assertThat(first.parsedScript().orElseThrow().brollDescriptions()).containsExactly("galaxy");
    }

    @Test
    void aMalformedScriptIsRefusedWithLineAndColumnAndNothingIsWritten(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().withScript().create();

        assertThatThrownBy(() -> acog.episodes().saveScript(episode.id(), "[AVATAR] Hello\n[BROLL] no description"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("episode.script at line 2, column 1 has [BROLL] without a" + " description");

        Episode after = acog.episodes().get(episode.id());
        assertThat(after.script()).isEqualTo(episode.script());
        assertThat(after).hasScriptVersion(1);
    }

    @Test
    void listingFiltersByStatusAndPages(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        for (int i = 0; i < 5; i++) {
            fixtures.episode().channel(channel).create();
        }
        for (int i = 0; i < 3; i++) {
            fixtures.episode().channel(channel).status(READY).create();
        }
        fixtures.episode().status(READY).create(); // another channel

        List<UUID> ready = new ArrayList<>();
        EpisodeQuery.Builder query =
                EpisodeQuery.builder(channel.id()).status(READY).limit(2);
        Page<Episode> page = acog.episodes().list(query.build());
        ready.addAll(page.items().stream().map(Episode::id).toList());
        while (page.hasNext()) {
            page = acog.episodes()
                    .list(query.after(page.nextCursor().orElseThrow()).build());
            ready.addAll(page.items().stream().map(Episode::id).toList());
        }

        assertThat(ready).hasSize(3).doesNotHaveDuplicates();
        assertThat(acog.episodes()
                        .list(EpisodeQuery.builder(channel.id()).build())
                        .items())
                .hasSize(8);
    }

    @Test
    void transitionsFollowTheLifeCycleAndRefuseOthersWritingNothing(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();

        assertThatThrownBy(() -> acog.episodes().transition(episode.id(), READY))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessage("episode " + episode.id() + " cannot go from idea to ready: from idea"
                        + " it may go to planning, failed, cancelled");
        assertThat(acog.episodes().get(episode.id())).hasStatus(IDEA);

        Episode review = acog.episodes()
                .transition(
                        acog.episodes()
                                .transition(
                                        acog.episodes()
                                                .transition(episode.id(), PLANNING)
                                                .id(),
                                        SCRIPTING)
                                .id(),
                        SCRIPT_REVIEW);
        Episode rejected = acog.episodes().transition(review.id(), SCRIPT_REVIEW, SCRIPTING);

        assertThat(rejected).hasStatus(SCRIPTING);
        assertThatThrownBy(() -> acog.episodes().transition(episode.id(), PLANNING, SCRIPT_REVIEW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is scripting, not planning");
    }

    @Test
    void aFailedEpisodeResumesAtItsFailedStageAndCountsTheRetry(Acog acog, AcogFixtures fixtures) {
        Episode audio = fixtures.episode().status(AUDIO).create();
        acog.episodes().completeStage(audio.id(), PipelineStage.AUDIO, StageState.empty());
        acog.episodes().transition(audio.id(), AVATAR);
        acog.episodes().failStage(audio.id(), PipelineStage.AVATAR, "HeyGen 500");
        Episode failed = acog.episodes().fail(audio.id(), "avatar render failed: HeyGen 500");

        assertThat(failed).hasStatus(FAILED).hasStageStatus(PipelineStage.AVATAR, StageStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("avatar render failed: HeyGen 500");
        assertThatThrownBy(() -> acog.episodes().transition(audio.id(), PLANNING))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("its failed stage is avatar, so a retry resumes at avatar");

        Episode resumed = acog.episodes().transition(audio.id(), AVATAR);

        assertThat(resumed).hasStatus(AVATAR).hasRetryCount(1);
        assertThatThrownBy(() -> acog.episodes()
                        .fail(
                                acog.episodes()
                                        .transition(resumed.id(), EpisodeStatus.CANCELLED)
                                        .id(),
                                "x"))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("cancelled is final");
    }

    @Test
    void ofConcurrentTransitionsExactlyOneWins(Acog acog, AcogFixtures fixtures) throws Exception {
        for (int round = 0; round < 5; round++) {
            Episode episode = fixtures.episode().create();
            List<EpisodeStatus> targets =
                    List.of(PLANNING, EpisodeStatus.CANCELLED, FAILED, PLANNING, EpisodeStatus.CANCELLED, PLANNING);

            List<Object> outcomes = Concurrently.run(targets.size(), i -> {
                try {
                    return acog.episodes()
                            .transition(episode.id(), IDEA, targets.get(i))
                            .status();
                } catch (ConflictException e) {
                    return e;
                }
            });

            List<Object> won =
                    outcomes.stream().filter(EpisodeStatus.class::isInstance).toList();
            assertThat(won).hasSize(1);
            assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(targets.size() - 1);
            assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(won.get(0));
        }
    }

    @Test
    void stagesFinishingAtTheSameMomentKeepEachOthersEntries(Acog acog, AcogFixtures fixtures) throws Exception {
        Episode episode = fixtures.episode().create();
        PipelineStage[] stages = PipelineStage.values();
        int rounds = 10;

        Concurrently.run(stages.length, i -> {
            for (int round = 0; round < rounds; round++) {
                acog.episodes()
                        .startStage(episode.id(), stages[i], StageState.empty().withProvider("p" + i));
                acog.episodes()
                        .updateStage(episode.id(), stages[i], StageState.empty().withExtra("round", round));
            }
            return acog.episodes()
                    .completeStage(episode.id(), stages[i], StageState.empty().withTokensUsed(i));
        });

        PipelineState state = acog.episodes().get(episode.id()).pipelineState();
        assertThat(state.stages()).hasSize(stages.length);
        for (int i = 0; i < stages.length; i++) {
            StageState stage = state.stage(stages[i]).orElseThrow();
            assertThat(stage.status()).isEqualTo(StageStatus.COMPLETED);
            assertThat(stage.attempts()).as("attempts of %s", stages[i]).isEqualTo(rounds);
            assertThat(stage.provider()).isEqualTo("p" + i);
            assertThat(stage.tokensUsed()).isEqualTo(i);
            assertThat(stage.extra()).containsEntry("round", rounds - 1);
            assertThat(stage.startedAt()).isNotNull();
            assertThat(stage.completedAt()).isNotNull();
        }
    }

    @Test
    void restartingAStageClearsItsErrorAndCountsTheAttempt(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();
        acog.episodes()
                .startStage(
                        episode.id(), PipelineStage.PLANNING, StageState.empty().withModelUsed("gpt-4-turbo"));
        acog.episodes().failStage(episode.id(), PipelineStage.PLANNING, "rate limited");

        Episode again = acog.episodes().startStage(episode.id(), PipelineStage.PLANNING, null);

        StageState planning =
                again.pipelineState().stage(PipelineStage.PLANNING).orElseThrow();
        assertThat(planning.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(planning.attempts()).isEqualTo(2);
        assertThat(planning.error()).isNull();
        assertThat(planning.completedAt()).isNull();
        assertThat(planning.modelUsed()).isEqualTo("gpt-4-turbo");
    }

    @Test
    void softDeletedEpisodesAreInvisible(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();
        acog.episodes().softDelete(episode.id());

        assertThat(acog.episodes().find(episode.id())).isEmpty();
        assertThatThrownBy(() -> acog.episodes().transition(episode.id(), PLANNING))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> acog.episodes().softDelete(episode.id())).isInstanceOf(NotFoundException.class);
        assertThat(acog.episodes()
                        .list(EpisodeQuery.builder(episode.channelId())
                                .includeDeleted(true)
                                .build())
                        .items())
                .singleElement()
                .satisfies(e -> assertThat(e).isSoftDeleted());
    }
}
