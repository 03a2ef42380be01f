package io.acog.core.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per data source, when ACOG was given one that opens a new PostgreSQL connection for
 * every call (a {@code PGSimpleDataSource}, a driver-manager data source): PostgreSQL then starts
 * a server process for every transaction, which on a busy machine takes more time than the work.
 * Told apart by the server process behind three connections borrowed one after the other: a pool
 * hands back the one it just got, a plain data source opens three.
 */
public final class PoolCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PoolCheck.class);
    private static final Map<DataSource, Boolean> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private PoolCheck() {}

    /** Checks the data source unless it was checked before; never throws. */
    public static void warnIfUnpooled(DataSource dataSource) {
        if (CHECKED.putIfAbsent(dataSource, Boolean.TRUE) != null) {
            return;
        }
        try {
            Set<Integer> processes = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                processes.add(serverProcess(dataSource));
            }
            if (processes.size() == 3) {
                LOG.warn(
                        "ACOG was given a data source that opens a new PostgreSQL connection for every"
                                + " call ({}): PostgreSQL starts a server process for each, so every"
                                + " transaction pays for one. Give ACOG a connection pool, e.g. HikariCP.",
                        dataSource.getClass().getName());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cannot tell whether the data source pools its connections", e);
        }
    }

    private static int serverProcess(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
