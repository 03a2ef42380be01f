package io.acog.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds or starts the JVM's PostgreSQL server: ACOG_JDBC_URL, else Testcontainers, else embedded. */
final class Provisioner {

    static final String URL_VARIABLE = "ACOG_JDBC_URL";
    static final String USER_VARIABLE = "ACOG_JDBC_USER";
    static final String PASSWORD_VARIABLE = "ACOG_JDBC_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private static PostgresServer shared;
    private static PostgresProvisioningException failure;

    private Provisioner() {}

    static synchronized PostgresServer shared() {
        if (shared == null) {
            if (failure != null) {
                throw new PostgresProvisioningException(failure.getMessage(), failure);
            }
            try {
                shared = provision(System.getenv());
            } catch (PostgresProvisioningException e) {
                failure = e;
                throw e;
            }
            LOG.info("ACOG testkit uses {}", shared.description());
        }
        return shared;
    }

    /** A new server handle for the given environment; {@link #shared()} keeps the JVM's one. */
    static PostgresServer provision(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return external(url.strip(), environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE));
        }
        if (TestcontainersServer.dockerAnswers()) {
            return TestcontainersServer.start();
        }
        return embedded();
    }

    private static PostgresServer external(String url, String user, String password) {
        String origin = URL_VARIABLE + "=" + JdbcUrls.redact(url);
        String login = user != null && !user.isBlank()
                ? user
                : JdbcUrls.parse(url, URL_VARIABLE).getProperty("user", System.getProperty("user.name"));
        return new Cluster(Provisioning.JDBC_URL, url, login, password, origin, () -> {});
    }

    private static PostgresServer embedded() {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    // A test server: durability buys nothing, speed does (zonky adds fsync=off).
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new PostgresProvisioningException(
                    "Cannot start an embedded PostgreSQL: " + e.getMessage()
                            + ". Set ACOG_JDBC_URL to use a server of your own.",
                    e);
        }
        String url = server.getJdbcUrl("postgres", "postgres");
        return new Cluster(
                Provisioning.EMBEDDED, url, "postgres", null, "localhost:" + server.getPort(), () -> close(server));
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
