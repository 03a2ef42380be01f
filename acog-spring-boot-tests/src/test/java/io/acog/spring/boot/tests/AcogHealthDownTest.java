package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code acog} health indicator goes DOWN when the database is gone: the host runs on a
 * PostgreSQL server of this test's own, which the test stops.
 */
class AcogHealthDownTest {

    @Test
    void upWhileTheDatabaseAnswersDownOnceItIsGone() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        boolean stopped = false;
        try (ConfigurableApplicationContext host = Hosts.start(
                WebApplicationType.SERVLET,
                Hosts.defaults(server.getJdbcUrl("postgres", "postgres"), "postgres"),
                Hosts.none(),
                "acog.worker.enabled=false",
                // a gone database must not keep each health check waiting for the pool's 30 s
                "spring.datasource.hikari.connection-timeout=2000")) {
            assertThat(Hosts.get(host, "/actuator/health/acog").statusCode()).isEqualTo(200);

            server.close();
            stopped = true;

            HttpResponse<String> down = await().atMost(Duration.ofSeconds(60))
                    .until(() -> Hosts.get(host, "/actuator/health/acog"), response -> response.statusCode() == 503);
            JsonNode health = new ObjectMapper().readTree(down.body());
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            assertThat(health.path("details").path("error").asText()).startsWith("database unreachable");
        } finally {
            if (!stopped) {
                server.close();
            }
        }
    }
}
