package io.acog.core.jooq;

import io.acog.core.Acog;
import java.sql.Connection;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The one place ACOG's API meets jOOQ: for host applications that run their own transactions with
 * jOOQ and want ACOG's calls inside them. Everything else in ACOG's API is free of jOOQ types.
 *
 * <pre>{@code
 * dsl.transaction(configuration -> {
 *     Acog inside = AcogJooq.joining(acog, configuration.dsl());
 *     inside.channels().create(...);      // commits or rolls back with the host's transaction
 *     configuration.dsl().insertInto(...) // the host's own work
 * });
 * }</pre>
 */
public final class AcogJooq {

    private AcogJooq() {}

    /**
     * Returns {@code acog} joined to the connection of a jOOQ transaction, as {@link
     * Acog#joining(Connection)} does: pass the {@code DSLContext} of the transaction ({@code
     * configuration.dsl()} inside {@code dsl.transaction(configuration -> ...)}). Each ACOG
     * operation is then a savepoint in the host's transaction; commit and rollback stay the host's.
     * Valid while the transaction is.
     *
     * @param acog the {@code Acog} to join
     * @param transaction the transaction's {@code DSLContext}
     * @return a view of {@code acog} inside the transaction; not thread-safe
     * @throws IllegalArgumentException when the context is not for PostgreSQL
     * @throws NullPointerException when an argument is null
     */
    public static Acog joining(Acog acog, DSLContext transaction) {
        Objects.requireNonNull(acog, "acog");
        Objects.requireNonNull(transaction, "transaction");
        if (transaction.dialect().family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException(
                    "ACOG runs on PostgreSQL; the DSLContext's dialect" + " is " + transaction.dialect());
        }
        // Inside a transaction, the provider hands out the transaction's one connection, and
        // releasing it is the transaction's business, not ours.
        Connection connection = transaction.configuration().connectionProvider().acquire();
        return acog.joining(connection);
    }
}
