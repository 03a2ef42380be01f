package io.acog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelQuery;
import io.acog.core.channel.NewChannel;
import io.acog.core.episode.NewEpisode;
import io.acog.core.jooq.AcogJooq;
import io.acog.testkit.postgres.AcogPostgres;
import java.sql.Connection;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class TransactionsTest {

    private static int channels(Acog acog) {
        return acog.channels()
                .list(ChannelQuery.builder().includeDeleted(true).build())
                .items()
                .size();
    }

    @Test
    void aTransactionCommitsAllOfItsCallsOrNone(Acog acog) {
        Channel kept = acog.transactionResult(tx -> {
            Channel channel = tx.channels().create(NewChannel.builder("A", "a").build());
            tx.episodes().create(NewEpisode.builder(channel.id()).title("E").build());
            return channel;
        });

        assertThatThrownBy(() -> acog.transaction(tx -> {
                    tx.channels().create(NewChannel.builder("B", "b").build());
                    tx.channels().create(NewChannel.builder("C", "a").build()); // slug taken: conflict
                }))
                .isInstanceOf(ConflictException.class);

        assertThat(channels(acog)).isEqualTo(1);
        assertThat(acog.episodes().latestWithAssetCounts(kept.id(), 10)).hasSize(1);
    }

    @Test
    void aFailedCallInsideATransactionCanBeCaughtWithoutLosingTheOthers(Acog acog) {
        acog.transaction(tx -> {
            tx.channels().create(NewChannel.builder("A", "a").build());
            assertThatThrownBy(() -> tx.channels()
                            .create(NewChannel.builder("Again", "a").build()))
                    .isInstanceOf(ConflictException.class);
            tx.channels().create(NewChannel.builder("B", "b").build());
        });

        assertThat(channels(acog)).isEqualTo(2);
    }

    @Test
    void joiningAHostConnectionLeavesCommitAndRollbackToTheHost(Acog acog, DataSource dataSource) throws Exception {
        try (Connection host = dataSource.getConnection()) {
            host.setAutoCommit(false);
            host.createStatement().execute("CREATE TABLE host_orders (id int)");
            host.createStatement().execute("INSERT INTO host_orders VALUES (1)");
            Acog joined = acog.joining(host);
            joined.channels().create(NewChannel.builder("A", "a").build());
            assertThatThrownBy(() -> joined.channels()
                            .create(NewChannel.builder("A2", "a").build()))
                    .isInstanceOf(ConflictException.class); // rolled back to its savepoint only
            joined.channels().create(NewChannel.builder("B", "b").build());

            assertThat(channels(acog)).as("not visible before the host commits").isZero();
            host.rollback();
        }
        assertThat(channels(acog)).isZero();

        try (Connection host = dataSource.getConnection()) {
            host.setAutoCommit(false);
            acog.joining(host).channels().create(NewChannel.builder("C", "c").build());
            host.commit();
        }
        assertThat(channels(acog)).isEqualTo(1);
    }

    @Test
    void joiningAnAutoCommitConnectionCommitsEachCall(Acog acog, DataSource dataSource) throws Exception {
        try (Connection host = dataSource.getConnection()) {
            acog.joining(host).channels().create(NewChannel.builder("A", "a").build());
            assertThat(host.getAutoCommit()).isTrue();
        }
        assertThat(channels(acog)).isEqualTo(1);
    }

    @Test
    void joiningAHostJooqTransaction(Acog acog, DSLContext db) {
        assertThatThrownBy(() -> db.transaction(configuration -> {
                    AcogJooq.joining(acog, configuration.dsl())
                            .channels()
                            .create(NewChannel.builder("A", "a").build());
                    configuration.dsl().execute("SELECT 1/0");
                }))
                .isInstanceOf(org.jooq.exception.DataAccessException.class);
        assertThat(channels(acog)).isZero();

        db.transaction(configuration -> AcogJooq.joining(acog, configuration.dsl())
                .channels()
                .create(NewChannel.builder("B", "b").build()));
        assertThat(channels(acog)).isEqualTo(1);
        assertThatThrownBy(() -> AcogJooq.joining(acog, DSL.using(org.jooq.SQLDialect.H2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
