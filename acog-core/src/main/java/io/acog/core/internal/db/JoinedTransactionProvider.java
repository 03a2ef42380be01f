package io.acog.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Transactions on a connection the host owns: inside the host's open transaction every ACOG
 * transaction is a savepoint, so ACOG never commits or rolls back the host's work. On a connection
 * in auto-commit mode the outermost one is a real transaction, and auto-commit is restored after.
 */
public final class JoinedTransactionProvider implements TransactionProvider {

    private static final Object OWN_TRANSACTION = new Object();

    private final Connection connection;
    private final Deque<Object> open = new ArrayDeque<>();

    public JoinedTransactionProvider(Connection connection) {
        this.connection = connection;
    }

    @Override
    public synchronized void begin(TransactionContext context) {
        try {
            if (open.isEmpty() && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                open.push(OWN_TRANSACTION);
            } else {
                open.push(connection.setSavepoint());
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot begin a transaction on the joined connection", e);
        }
    }

    @Override
    public synchronized void commit(TransactionContext context) {
        Object top = open.pop();
        try {
            if (top == OWN_TRANSACTION) {
                connection.commit();
                connection.setAutoCommit(true);
            } else {
                connection.releaseSavepoint((Savepoint) top);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot commit on the joined connection", e);
        }
    }

    @Override
    public synchronized void rollback(TransactionContext context) {
        Object top = open.pop();
        try {
            if (top == OWN_TRANSACTION) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback((Savepoint) top);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot roll back on the joined connection", e);
        }
    }
}
