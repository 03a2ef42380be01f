package io.acog.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionerTest {

    /** Generous: the point is "fails instead of hanging", not a timing target. */
    private static final Duration NO_HANG = Duration.ofSeconds(45);

    @Test
    void urlWithNothingListeningFailsFastNamingTheUrlButNoPassword() {
        Map<String, String> environment = Map.of(
                "ACOG_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/acog?password=hunter2&ssl=false",
                "ACOG_JDBC_USER", "acog",
                "ACOG_JDBC_PASSWORD", "s3cret");

        PostgresProvisioningException error = assertTimeoutPreemptively(
                NO_HANG,
                () -> catchThrowableOfType(
                        PostgresProvisioningException.class, () -> Provisioner.provision(environment)));

        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .contains("ACOG_JDBC_URL=jdbc:postgresql://127.0.0.1:1/acog?password=***&ssl=false")
                .contains("'acog'")
                .doesNotContain("hunter2")
                .doesNotContain("s3cret");
    }

    @Test
    void urlToAnAddressThatNeverAnswersFailsWithinTheConnectTimeout() {
        // TEST-NET-1 (RFC 5737): routed nowhere, so the connect either times out or is refused.
        Map<String, String> environment = Map.of(
                "ACOG_JDBC_URL", "jdbc:postgresql://192.0.2.1:5432/acog",
                "ACOG_JDBC_PASSWORD", "s3cret");

        PostgresProvisioningException error = assertTimeoutPreemptively(
                NO_HANG,
                () -> catchThrowableOfType(
                        PostgresProvisioningException.class, () -> Provisioner.provision(environment)));

        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .contains("ACOG_JDBC_URL=jdbc:postgresql://192.0.2.1:5432/acog")
                .doesNotContain("s3cret");
    }

    @Test
    void urlOfAnotherDatabaseKindIsRefusedByName() {
        PostgresProvisioningException error = catchThrowableOfType(
                PostgresProvisioningException.class,
                () -> Provisioner.provision(Map.of("ACOG_JDBC_URL", "jdbc:mysql://db:3306/acog")));

        assertThat(error.getMessage())
                .contains("ACOG_JDBC_URL=jdbc:mysql://db:3306/acog")
                .contains("not a PostgreSQL JDBC URL");
    }

    @Test
    void urlPathMakesItsDatabasesOnTheNamedServer() throws Exception {
        Cluster shared = (Cluster) PostgresServer.shared();
        Map<String, String> environment = new HashMap<>();
        environment.put("ACOG_JDBC_URL", shared.baseUrl());
        environment.put("ACOG_JDBC_USER", shared.user());
        if (shared.password() != null) {
            environment.put("ACOG_JDBC_PASSWORD", shared.password());
        }

        PostgresServer viaUrl = Provisioner.provision(environment);

        assertThat(viaUrl.provisioning()).isEqualTo(Provisioning.JDBC_URL);
        assertThat(viaUrl.majorVersion()).isEqualTo(shared.majorVersion());
        String name;
        try (TestDatabase database = viaUrl.createDatabase()) {
            name = database.name();
            assertThat(tableCount(database)).isEqualTo(ACOG_TABLES);
            assertThat(databaseExists(shared, name)).isTrue();
        }
        assertThat(databaseExists(shared, name)).isFalse();
    }

    @Test
    void redactMasksEveryPasswordForm() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=a&password=x&sslpassword=y"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&sslpassword=***");
        assertThat(JdbcUrls.redact("jdbc:postgresql://a:secret@h:5432/db"))
                .isEqualTo("jdbc:postgresql://***@h:5432/db");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
    }

    /** The tables of the ACOG schema, as the jOOQ classes generated from it list them. */
    static final int ACOG_TABLES =
            io.acog.jooq.generated.DefaultSchema.DEFAULT_SCHEMA.getTables().size();

    static int tableCount(TestDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_tables"
                        + " WHERE schemaname = 'public' AND tablename <> 'acog_schema_history'")) {
            row.next();
            return row.getInt(1);
        }
    }

    static boolean databaseExists(Cluster server, String name) throws Exception {
        try (Connection connection = server.dataSource(null).getConnection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            row.next();
            return row.getInt(1) == 1;
        }
    }
}
