package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.jooq.AcogSchema;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Migration at start-up: opted out, a fresh database leaves the health indicator DOWN naming the
 * schema version; into {@code acog.schema}, and refused when the connections do not use it. (That
 * a fresh database is migrated by default is {@link AcogEndToEndTest}'s first check.)
 */
class AcogMigrationTest {

    @Test
    void optedOutOnAFreshDatabaseTheHealthIsDownNamingTheSchemaVersion() throws Exception {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase();
                ConfigurableApplicationContext host = Hosts.web(
                        database, Hosts.none(), "acog.migration.enabled=false", "acog.worker.enabled=false")) {
            String shipped = AcogSchema.status(database.dataSource()).shippedVersion();
            assertThat(AcogSchema.status(database.dataSource()).installedVersion())
                    .as("nothing migrated ACOG's tables")
                    .isEmpty();

            HttpResponse<String> response = Hosts.get(host, "/actuator/health/acog");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            assertThat(health.path("details").path("schemaVersion").asText()).isEqualTo("none");
            assertThat(health.path("details").path("expectedSchemaVersion").asText())
                    .isEqualTo(shipped);
            assertThat(health.path("details").path("error").asText())
                    .contains("version none")
                    .contains("version " + shipped)
                    .contains("acog.migration.enabled");

            // migrated by other means, it is UP at the next check
            AcogSchema.migrate(database.dataSource());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Hosts.get(host, "/actuator/health/acog").statusCode(), status -> status == 200);
        }
    }

    @Test
    void intoItsOwnSchemaWhenTheConnectionsUseIt() throws SQLException {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            String url =
                    database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=acog_tenant";
            List<String> settings = new ArrayList<>(Hosts.defaults(url, database.user()));
            try (ConfigurableApplicationContext host = Hosts.start(
                    WebApplicationType.NONE,
                    settings,
                    Hosts.none(),
                    "acog.schema=acog_tenant",
                    "acog.worker.enabled=false")) {
                DataSource dataSource = host.getBean(DataSource.class);
                assertThat(AcogSchema.status(dataSource, "acog_tenant").upToDate())
                        .isTrue();
                // the beans work in it
                Acog acog = host.getBean(Acog.class);
                Episode episode = new AcogFixtures(acog).episode().create();
                assertThat(count(database.dataSource(), "acog_tenant.episodes", episode))
                        .isEqualTo(1);
            }
            // and nothing of ACOG's went to the database's public schema
            assertThat(tableExists(database.dataSource(), "public.episodes")).isFalse();
            assertThat(tableExists(database.dataSource(), "public.acog_schema_history"))
                    .isFalse();
        }
    }

    @Test
    void aSchemaTheConnectionsDoNotUseFailsStartUpSayingWhatToAdd() {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            assertThatThrownBy(() -> Hosts.plain(database, Hosts.none(), "acog.schema=acog_tenant"))
                    .satisfies(failure -> assertThat(messages(failure))
                            .contains("acog.schema is 'acog_tenant'")
                            .contains("schema 'public'")
                            .contains("?currentSchema=acog_tenant"));
        }
    }

    private static long count(DataSource dataSource, String table, Episode episode) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT count(*) FROM " + table + " WHERE id = '" + episode.id() + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /**
     * A host whose ACOG tables were migrated before it took the starter, and that has no Flyway
     * migrations of its own, starts: on Boot 3.5 Boot's own Flyway (switched on by the Flyway jar
     * ACOG brings) would refuse the non-empty schema it has no history of, so the starter keeps it
     * off ({@code BootFlywayDefault}). On Boot 4, which runs Flyway only with its spring-boot-flyway
     * module, this holds without it.
     */
    @Test
    void aDatabaseMigratedBeforeTheStarterStartsAndBootsOwnFlywayLeavesNoHistory() throws Exception {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            AcogSchema.migrate(database.dataSource());
            try (ConfigurableApplicationContext host =
                    Hosts.plain(database, Hosts.none(), "acog.worker.enabled=false")) {
                assertThat(AcogSchema.status(host.getBean(DataSource.class)).upToDate()).isTrue();
            }
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet history =
                            statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NULL")) {
                history.next();
                assertThat(history.getBoolean(1))
                        .as("no flyway_schema_history")
                        .isTrue();
            }
        }
    }
}
