package io.acog.testkit.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.acog.jooq.AcogSchema;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server reached over JDBC, however it was provisioned: makes and drops databases on
 * it. The ACOG template is migrated once, on the first {@link #createDatabase()}, and copied for
 * every database after that.
 */
final class Cluster implements PostgresServer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Provisioning provisioning;
    private final String baseUrl;
    private final String user;
    private final String password;
    private final String origin;
    private final int majorVersion;
    private final String version;
    private final Runnable onShutdown;
    private String template;

    /**
     * @param baseUrl a JDBC URL of any database on the server; the databases made here share all
     *     of its settings but the database name
     * @param origin how to name the server in messages (e.g. "ACOG_JDBC_URL=..."), no password
     * @param onShutdown stops the server, if it is ours, after the template is dropped
     */
    Cluster(
            Provisioning provisioning,
            String baseUrl,
            String user,
            String password,
            String origin,
            Runnable onShutdown) {
        this.provisioning = provisioning;
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.origin = origin;
        this.onShutdown = onShutdown;
        try (Connection connection = dataSource(null).getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT current_setting('server_version_num')::int," + " current_setting('server_version')")) {
            row.next();
            this.majorVersion = row.getInt(1) / 10000;
            this.version = row.getString(2);
        } catch (SQLException e) {
            throw new PostgresProvisioningException(
                    "Cannot connect to PostgreSQL at " + origin + " as user '" + user + "': " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "acog-testkit-postgres"));
    }

    @Override
    public Provisioning provisioning() {
        return provisioning;
    }

    @Override
    public String description() {
        return switch (provisioning) {
            case JDBC_URL -> "PostgreSQL " + version + " at " + origin;
            case TESTCONTAINERS -> "PostgreSQL " + version + " in a Testcontainers container (" + origin + ")";
            case EMBEDDED -> "embedded PostgreSQL " + version + " (" + origin + ")";
        };
    }

    @Override
    public int majorVersion() {
        return majorVersion;
    }

    @Override
    public TestDatabase createDatabase() {
        String source = template();
        String name = newName("acog_test_");
        admin("CREATE DATABASE " + name + " TEMPLATE " + source);
        return new Database(name);
    }

    @Override
    public TestDatabase createEmptyDatabase() {
        String name = newName("acog_empty_");
        admin("CREATE DATABASE " + name + " TEMPLATE template0");
        return new Database(name);
    }

    @Override
    public String toString() {
        return description();
    }

    String baseUrl() {
        return baseUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The migrated template, made on first use. Nobody connects to it once it is made. */
    private synchronized String template() {
        if (template == null) {
            String name = newName("acog_template_");
            admin("CREATE DATABASE " + name + " TEMPLATE template0");
            try {
                AcogSchema.migrate(dataSource(name));
            } catch (RuntimeException e) {
                drop(name);
                throw new PostgresProvisioningException(
                        "Cannot migrate the ACOG template" + " database on " + description() + ": " + e.getMessage(),
                        e);
            }
            template = name;
        }
        return template;
    }

    DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(baseUrl);
        if (database != null) {
            dataSource.setDatabaseName(database);
        }
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
        Properties set = JdbcUrls.parse(baseUrl, "URL");
        // A server that does not answer must fail within seconds, not hang the build.
        if (!set.containsKey(PGProperty.CONNECT_TIMEOUT.getName())) {
            dataSource.setConnectTimeout(5);
        }
        if (!set.containsKey(PGProperty.LOGIN_TIMEOUT.getName())) {
            dataSource.setLoginTimeout(10);
        }
        if (!set.containsKey(PGProperty.APPLICATION_NAME.getName())) {
            dataSource.setApplicationName("acog-testkit");
        }
        return dataSource;
    }

    private void drop(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void shutdown() {
        try {
            String made;
            synchronized (this) {
                made = template;
            }
            if (made != null && provisioning == Provisioning.JDBC_URL) {
                drop(made);
            }
        } catch (RuntimeException e) {
            // The JVM is exiting; a template left on a server of the host's is harmless.
        } finally {
            onShutdown.run();
        }
    }

    /** Runs one statement of database administration on the server's maintenance database. */
    private void admin(String sql) {
        try (Connection connection = dataSource(null).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new PostgresProvisioningException(
                    "Cannot run '" + sql + "' on " + description()
                            + " as user '" + user + "': " + e.getMessage()
                            + (provisioning == Provisioning.JDBC_URL
                                    ? " (the ACOG_JDBC_URL user needs the CREATEDB privilege)"
                                    : ""),
                    e);
        }
    }

    private static String newName(String prefix) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private final class Database implements TestDatabase {
        private final String name;
        private final PGSimpleDataSource connections;
        private final HikariDataSource pool;
        private boolean closed;

        Database(String name) {
            this.name = name;
            this.connections = (PGSimpleDataSource) Cluster.this.dataSource(name);
            HikariConfig config = new HikariConfig();
            config.setDataSource(connections);
            config.setPoolName("acog-testkit-" + name);
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(0);
            config.setIdleTimeout(Duration.ofSeconds(10).toMillis());
            // a loaded machine may take a while to hand out a connection; a test should wait, not fail
            config.setConnectionTimeout(Duration.ofMinutes(2).toMillis());
            this.pool = new HikariDataSource(config);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String jdbcUrl() {
            return JdbcUrls.redact(connections.getURL());
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public DataSource dataSource() {
            return pool;
        }

        @Override
        public synchronized void keep() {
            if (!closed) {
                pool.close();
                closed = true;
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                pool.close();
                drop(name);
                closed = true;
            }
        }

        @Override
        public String toString() {
            return "database " + name + " on " + description();
        }
    }
}
