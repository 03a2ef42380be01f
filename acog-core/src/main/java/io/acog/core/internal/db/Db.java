package io.acog.core.internal.db;

import io.acog.core.AcogException;
import io.acog.core.ConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database as the repositories see it: a jOOQ context for the current scope (the data source,
 * an {@code Acog.transaction}, or a host's joined connection), the clock, and the translation of
 * database errors into ACOG's exceptions.
 */
public final class Db {

    private final DSLContext dsl;
    private final Clock clock;

    public Db(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Clock clock() {
        return clock;
    }

    /** Now by the clock, at PostgreSQL's precision (microseconds), in UTC. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs {@code work} in a transaction (a savepoint when one is open already). */
    public <T> T write(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /**
     * Runs {@code work} in a transaction (a savepoint when one is open already), handing it this
     * database as the transaction sees it.
     */
    public <T> T transaction(Function<Db, T> work) {
        return write(dsl -> work.apply(new Db(dsl, clock)));
    }

    /** Work on one JDBC connection of the current scope. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs plain-JDBC {@code work} on a connection of this scope (the transaction's, inside one),
     * translating SQL errors as the other methods do.
     */
    public <T> T onConnection(ConnectionWork<T> work) {
        return read(dsl -> dsl.connectionResult(work::apply));
    }

    /**
     * Runs one statement that writes: atomic on its own, so outside a transaction it runs in
     * auto-commit mode (one round trip instead of three); inside one it joins it.
     */
    public <T> T statement(Function<DSLContext, T> work) {
        return read(work);
    }

    /** Runs read-only {@code work}; a single statement needs no transaction of its own. */
    public <T> T read(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /** The constraint a unique violation names, if {@code error} is one. */
    public static Optional<String> uniqueViolation(Throwable error) {
        return violation(error, "23505");
    }

    /** The constraint a violation of {@code sqlState}'s class names, if {@code error} is one. */
    public static Optional<String> violation(Throwable error, String sqlState) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && sqlState.equals(psql.getSQLState())) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return Optional.of(server != null && server.getConstraint() != null ? server.getConstraint() : "");
            }
        }
        return Optional.empty();
    }

    public static AcogException translate(DataAccessException error) {
        String state = sqlState(error);
        if ("40001".equals(state) || "40P01".equals(state)) {
            return new ConflictException(
                    "database",
                    "A concurrent transaction changed the same" + " rows (" + state
                            + "); nothing was written, try again",
                    error);
        }
        if (state != null && state.startsWith("08")) {
            return new AcogException("The database is unreachable: " + message(error), error);
        }
        return new AcogException("Database error" + (state != null ? " " + state : "") + ": " + message(error), error);
    }

    private static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String message(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
