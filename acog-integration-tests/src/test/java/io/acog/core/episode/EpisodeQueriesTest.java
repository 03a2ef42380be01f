package io.acog.core.episode;

import static io.acog.core.episode.EpisodeStatus.IDEA;
import static io.acog.core.episode.EpisodeStatus.PLANNING;
import static io.acog.core.episode.EpisodeStatus.PUBLISHED;
import static io.acog.core.episode.EpisodeStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.Concurrently;
import io.acog.core.NotFoundException;
import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.channel.Channel;
import io.acog.core.job.JobStatus;
import io.acog.testkit.TestClock;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** The seed's dashboard and worker queries, as typed methods. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class EpisodeQueriesTest {

    @Test
    void latestEpisodesWithLiveAssetCountsNewestFirst(DataSource dataSource) {
        TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Acog acog = Acog.builder().dataSource(dataSource).clock(clock).build();
        AcogFixtures fixtures = new AcogFixtures(acog);
        Channel channel = fixtures.channel().create();
        Episode[] episodes = new Episode[4];
        for (int i = 0; i < episodes.length; i++) {
            clock.advance(Duration.ofMinutes(1));
            episodes[i] = fixtures.episode().channel(channel).title("E" + i).create();
            for (int a = 0; a < i; a++) {
                fixtures.asset(episodes[i]).create();
            }
        }
        Asset gone = fixtures.asset(episodes[3]).create();
        acog.assets().softDelete(gone.id());
        acog.episodes().softDelete(episodes[0].id());

        List<EpisodeSummary> latest = acog.episodes().latestWithAssetCounts(channel.id(), 2);

        assertThat(latest).extracting(EpisodeSummary::title).containsExactly("E3", "E2");
        assertThat(latest).extracting(EpisodeSummary::assetCount).containsExactly(3, 2);
        assertThat(acog.episodes().latestWithAssetCounts(channel.id(), 50)).hasSize(3);
    }

    @Test
    void statusOverviewCountsTheWindowOnly(DataSource dataSource) {
        TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Acog acog = Acog.builder().dataSource(dataSource).clock(clock).build();
        AcogFixtures fixtures = new AcogFixtures(acog);
        Channel channel = fixtures.channel().create();
        fixtures.episode().channel(channel).status(READY).create();
        clock.advance(Duration.ofDays(40));
        fixtures.episode().channel(channel).status(READY).create();
        fixtures.episode().channel(channel).status(READY).create();
        fixtures.episode().channel(channel).create();
        fixtures.episode().status(READY).create(); // another channel

        Map<EpisodeStatus, Long> overview = acog.episodes().statusOverview(channel.id(), Duration.ofDays(30));

        assertThat(overview).containsExactlyInAnyOrderEntriesOf(Map.of(READY, 2L, IDEA, 1L));
    }

    @Test
    void statusCountsCountEveryChannelsLiveEpisodesByStatus(Acog acog, AcogFixtures fixtures) {
        assertThat(acog.episodes().statusCounts())
                .as("no episodes: no statuses")
                .isEmpty();
        Channel channel = fixtures.channel().create();
        Channel other = fixtures.channel().create();
        Channel closed = fixtures.channel().create();
        fixtures.episode().channel(channel).status(READY).create();
        fixtures.episode().channel(channel).status(READY).create();
        fixtures.episode().channel(channel).create();
        fixtures.episode().channel(other).status(READY).create();
        fixtures.episode().channel(other).status(PUBLISHED).create();
        fixtures.episode().channel(other).status(PLANNING).create();
        Episode deleted = fixtures.episode().channel(other).status(PUBLISHED).create();
        acog.episodes().softDelete(deleted.id());
        fixtures.episode().channel(closed).status(PLANNING).create();
        fixtures.episode().channel(closed).create();
        acog.channels().softDeleteWithEpisodes(closed.id());

        Map<EpisodeStatus, Long> counts = acog.episodes().statusCounts();

        assertThat(counts)
                .as("across channels; deleted episodes, alone or with their channel, are not counted")
                .containsExactlyInAnyOrderEntriesOf(Map.of(READY, 3L, IDEA, 1L, PUBLISHED, 1L, PLANNING, 1L));
    }

    @Test
    void episodeWithItsAssetsAndWithItsJobs(Acog acog, AcogFixtures fixtures, DSLContext db) {
        Episode episode = fixtures.episode().create();
        Asset audio =
                fixtures.asset(episode).type(AssetType.AUDIO).primary(true).create();
        Asset thumbnail = fixtures.asset(episode).type(AssetType.THUMBNAIL).create();
        acog.assets().softDelete(fixtures.asset(episode).create().id());
        db.execute(
                "INSERT INTO jobs (episode_id, stage, status, created_at) VALUES"
                        + " (?, 'planning', 'completed', now() - interval '1 minute'),"
                        + " (?, 'scripting', 'running', now())",
                episode.id(),
                episode.id());

        EpisodeWithAssets withAssets = acog.episodes().getWithAssets(episode.id());
        EpisodeWithJobs withJobs = acog.episodes().getWithJobs(episode.id());
        Episode bare = fixtures.episode().create();

        assertThat(withAssets.episode()).isEqualTo(episode);
        assertThat(withAssets.assets()).containsExactly(audio, thumbnail);
        assertThat(withJobs.jobs())
                .extracting(job -> job.stage().label() + ":" + job.status().label())
                .containsExactly("planning:completed", "scripting:running");
        assertThat(withJobs.jobs().get(1).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(acog.episodes().getWithAssets(bare.id()).assets()).isEmpty();
        assertThat(acog.episodes().getWithJobs(bare.id()).jobs()).isEmpty();
        assertThatThrownBy(() -> acog.episodes().getWithAssets(UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void processNextTakesTheHighestPriorityOldestEpisodeInProduction(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        fixtures.episode().channel(channel).priority(9).status(PUBLISHED).create();
        Episode low = fixtures.episode().channel(channel).priority(1).create();
        Episode high = fixtures.episode().channel(channel).priority(5).create();
        fixtures.episode().channel(channel).priority(5).create(); // same priority, younger

        Optional<UUID> taken = acog.episodes().processNext((tx, episode) -> {
            tx.episodes().transition(episode.id(), PLANNING);
            return episode.id();
        });

        assertThat(taken).contains(high.id());
        assertThat(acog.episodes().get(high.id()).status()).isEqualTo(PLANNING);
        assertThat(acog.episodes().get(low.id()).status()).isEqualTo(IDEA);
    }

    @Test
    void concurrentWorkersTakeDifferentEpisodesAndEachExactlyOnce(Acog acog, AcogFixtures fixtures) throws Exception {
        int episodes = 40;
        Channel channel = fixtures.channel().create();
        for (int i = 0; i < episodes; i++) {
            fixtures.episode().channel(channel).create();
        }

        // Each worker claims episodes one by one and moves them out of idea (into cancelled, which
        // the worker query no longer matches) until none is left.
        List<List<UUID>> claimed = Concurrently.run(4, worker -> {
            List<UUID> mine = new java.util.ArrayList<>();
            while (true) {
                Optional<UUID> next = acog.episodes().processNext((tx, episode) -> {
                    tx.episodes().transition(episode.id(), IDEA, EpisodeStatus.CANCELLED);
                    return episode.id();
                });
                if (next.isEmpty()) {
                    return mine;
                }
                mine.add(next.get());
            }
        });

        Set<UUID> all = new HashSet<>();
        int total = 0;
        for (List<UUID> mine : claimed) {
            all.addAll(mine);
            total += mine.size();
        }
        assertThat(total).isEqualTo(episodes);
        assertThat(all).hasSize(episodes);
    }

    @Test
    void processNextWithNothingWaitingIsEmpty(Acog acog) {
        assertThat(acog.episodes().processNext((tx, episode) -> episode)).isEmpty();
    }
}
