package io.acog.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import javax.sql.DataSource;

/**
 * A fresh, migrated database for one benchmark run on the testkit's server (ACOG_JDBC_URL, else
 * embedded), behind a connection pool as a host application would have it; dropped on close.
 */
final class BenchDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final HikariDataSource pool;

    BenchDatabase(int poolSize) {
        PostgresServer server = PostgresServer.shared();
        System.out.println("postgres=" + server.description().replace(' ', '_'));
        this.database = server.createDatabase();
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("acog-bench");
        this.pool = new HikariDataSource(config);
    }

    DataSource pooled() {
        return pool;
    }

    /** Unpooled connections straight to the database (for COPY). */
    DataSource direct() {
        return database.dataSource();
    }

    @Override
    public void close() {
        pool.close();
        database.close();
    }
}
