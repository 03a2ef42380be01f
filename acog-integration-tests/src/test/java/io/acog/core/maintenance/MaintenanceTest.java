package io.acog.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.pulse.PulseEvent;
import io.acog.testkit.TestClock;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class MaintenanceTest {

    @Test
    void purgesRowsSoftDeletedLongerAgoThanTheCutoffInBatches(DataSource dataSource, DSLContext db) {
        TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Acog acog = Acog.builder().dataSource(dataSource).clock(clock).build();
        AcogFixtures fixtures = new AcogFixtures(acog);

        Channel oldChannel = fixtures.channel().create();
        Episode oldEpisode = fixtures.episode().channel(oldChannel).create();
        fixtures.asset(oldEpisode).create();
        Episode liveEpisode = fixtures.episode().create();
        for (int i = 0; i < 5; i++) {
            acog.assets().softDelete(fixtures.asset(liveEpisode).create().id());
        }
        PulseEvent oldEvent = fixtures.pulseEvent().create();
        Channel keptChannel = fixtures.channel().create();
        acog.pulseEvents().softDelete(oldEvent.id());
        acog.channels().softDeleteWithEpisodes(oldChannel.id());
        acog.channels().softDelete(keptChannel.id());
        // An episode a writer outside ACOG attached to the deleted channel keeps it from the purge.
        Object keptsEpisode =
                db.fetchValue("INSERT INTO episodes (channel_id) VALUES (?)" + " RETURNING id", keptChannel.id());
        clock.advance(Duration.ofDays(91));
        acog.episodes().softDelete(liveEpisode.id()); // deleted recently: stays

        PurgeReport report = acog.maintenance().purgeSoftDeleted(Duration.ofDays(90), 2);

        assertThat(report).isEqualTo(new PurgeReport(5, 1, 1, 1, 1));
        assertThat(db.fetchCount(DSL.table("episodes"))).isEqualTo(2); // live one and kept's
        assertThat(db.fetchCount(DSL.table("assets"))).isZero();
        assertThat(db.fetchCount(DSL.table("jobs"))).isZero();
        assertThat(db.fetchCount(DSL.table("channels"))).isEqualTo(2);
        assertThat(db.fetchExists(DSL.table("episodes"), DSL.field("id").eq(keptsEpisode)))
                .isTrue();
        assertThat(acog.maintenance().purgeSoftDeleted(Duration.ofDays(90), 100))
                .isEqualTo(new PurgeReport(0, 0, 0, 0, 1));
    }

    @Test
    void refusesNonsense(Acog acog) {
        assertThatThrownBy(() -> acog.maintenance().purgeSoftDeleted(Duration.ofDays(-1), 10))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> acog.maintenance().purgeSoftDeleted(Duration.ofDays(1), 0))
                .hasMessage("purge.batchSize is 0, must be 1 or more");
    }

    @Test
    void vacuumAnalyzeRunsOnEveryTable(Acog acog, DSLContext db) {
        acog.maintenance().vacuumAnalyze();

        assertThat(db.fetchValue("SELECT count(*) FROM pg_stat_user_tables"
                        + " WHERE relname IN ('channels', 'episodes', 'jobs', 'assets', 'pulse_events')"
                        + " AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL"))
                .isEqualTo(5L);
    }
}
