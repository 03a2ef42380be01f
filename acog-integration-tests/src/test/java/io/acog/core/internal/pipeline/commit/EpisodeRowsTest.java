package io.acog.core.internal.pipeline.commit;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's row statements against a real PostgreSQL: a row still at the version whose state
 * the pipeline knows is not read again, any other version is (whoever wrote it, in whatever
 * transaction), and a write sends only the entries that changed.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class EpisodeRowsTest {

    private static final StageState PLANNED = StageState.builder()
            .status(StageStatus.COMPLETED)
            .attempts(1)
            .provider("offline")
            .build();

    private final KnownStates states = new KnownStates();
    private UUID episode;

    @BeforeEach
    void anEpisode(Acog acog) {
        episode = new AcogFixtures(acog).episode().create().id();
    }

    @Test
    void aRowStillAtTheVersionKnownIsNotReadAgain(DataSource database) throws SQLException {
        String version = inTransaction(database, connection -> writePlanned(connection, PipelineState.empty()));
        // the same version, another state: the lock must take the known one, not read the row's
        PipelineState marker = PipelineState.empty().with(PipelineStage.AUDIO, PLANNED);
        states.wrote(episode, version, marker);

        PipelineState locked = inTransaction(database, this::lockedState);

        assertThat(locked).isSameAs(marker);
    }

    @Test
    void aRowChangedElsewhereSinceIsReadAgain(DataSource database) throws SQLException {
        inTransaction(database, connection -> writePlanned(connection, PipelineState.empty()));
        changeElsewhere(
                database,
                "UPDATE episodes SET pipeline_state = pipeline_state"
                        + " || '{\"audio\": {\"status\": \"failed\", \"attempts\": 3}}' WHERE id = ?");

        PipelineState locked = inTransaction(database, this::lockedState);

        assertThat(locked.status(PipelineStage.AUDIO)).isEqualTo(StageStatus.FAILED);
        assertThat(locked.stages().get(PipelineStage.PLANNING)).isEqualTo(PLANNED);
    }

    @Test
    void aRowChangedLaterInTheSameTransactionIsReadAgain(DataSource database) throws SQLException {
        // a host transaction (AcogJooq.joining) that writes through the pipeline and then itself:
        // the transaction id stays the same, the row version's place does not
        PipelineState locked = inTransaction(database, connection -> {
            writePlanned(connection, PipelineState.empty());
            execute(
                    connection,
                    "UPDATE episodes SET pipeline_state = pipeline_state"
                            + " || '{\"audio\": {\"status\": \"running\"}}' WHERE id = ?");
            return lockedState(connection);
        });

        assertThat(locked.status(PipelineStage.AUDIO)).isEqualTo(StageStatus.RUNNING);
    }

    @Test
    void aWriteSendsTheChangedEntriesAndKeepsTheOthersAsStored(DataSource database) throws SQLException {
        inTransaction(database, connection -> writePlanned(connection, PipelineState.empty()));
        // a key of the planning entry that only the row has (written by a newer version, say)
        changeElsewhere(
                database,
                "UPDATE episodes SET pipeline_state = jsonb_set(pipeline_state, '{planning,note}', '\"kept\"')"
                        + " WHERE id = ?");
        PipelineState before = PipelineState.empty().with(PipelineStage.PLANNING, PLANNED);

        inTransaction(database, connection -> {
            EpisodeRows.updateAll(connection, List.of(update(before, before.with(PipelineStage.SCRIPTING, PLANNED))));
            return null;
        });

        assertThat(stored(database)).contains("\"note\": \"kept\"").contains("\"scripting\": {");
    }

    @Test
    void aWriteWithoutAnEntryTheRowHadReplacesTheWholeState(DataSource database) throws SQLException {
        PipelineState planned = PipelineState.empty().with(PipelineStage.PLANNING, PLANNED);
        inTransaction(database, connection -> writePlanned(connection, PipelineState.empty()));

        inTransaction(database, connection -> {
            EpisodeRows.updateAll(
                    connection, List.of(update(planned, PipelineState.empty().with(PipelineStage.SCRIPTING, PLANNED))));
            return null;
        });

        assertThat(stored(database)).doesNotContain("planning").contains("scripting");
    }

    /** Locks the row, writes the planning entry over {@code before}, remembers it as committed. */
    private String writePlanned(Connection connection, PipelineState before) throws SQLException {
        EpisodeRows.lock(connection, List.of(episode), states);
        PipelineState after = before.with(PipelineStage.PLANNING, PLANNED);
        String version = EpisodeRows.updateAll(connection, List.of(update(before, after)))
                .get(episode);
        states.remember(List.of(new KnownStates.Written(episode, version, after, false)));
        return version;
    }

    private EpisodeRows.Update update(PipelineState before, PipelineState after) {
        return new EpisodeRows.Update(episode, before, after, EpisodeStatus.PLANNING, EpisodeColumns.NONE, null, false);
    }

    private PipelineState lockedState(Connection connection) throws SQLException {
        Map<UUID, EpisodeRows.Locked> rows = EpisodeRows.lock(connection, List.of(episode), states);
        return rows.get(episode).state();
    }

    /** Changes the episode in a transaction of its own, as another node or a host would. */
    private void changeElsewhere(DataSource database, String sql) throws SQLException {
        inTransaction(database, connection -> execute(connection, sql));
    }

    private Void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, episode);
            statement.executeUpdate();
        }
        return null;
    }

    private String stored(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT pipeline_state::text FROM episodes WHERE id = ?")) {
            select.setObject(1, episode);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T inTransaction(DataSource database, Work<T> work) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
