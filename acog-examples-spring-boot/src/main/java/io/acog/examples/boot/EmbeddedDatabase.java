package io.acog.examples.boot;

import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the application a database when none is configured: a fresh one on the testkit's
 * PostgreSQL (embedded, or the server {@code ACOG_JDBC_URL} names), so the example runs on a
 * machine with nothing installed. With {@code spring.datasource.url} set (e.g. the environment
 * variable {@code SPRING_DATASOURCE_URL}), it does nothing and Spring Boot's own DataSource is used,
 * as in a real application.
 */
public final class EmbeddedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Created by Spring from {@code META-INF/spring.factories}. */
    public EmbeddedDatabase() {}

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("spring.datasource.url")) {
            return;
        }
        PostgresServer server = PostgresServer.shared();
        TestDatabase database = server.createEmptyDatabase();
        LOG.info(
                "No spring.datasource.url: running on database {} of {} (it goes when the JVM ends)",
                database.name(),
                server.description());
        // the embedded server and its databases end with the JVM; nothing to close here
        context.getBeanFactory().registerSingleton("dataSource", (DataSource) database.dataSource());
    }
}
