package io.acog.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A correctly set-up host's log holds no jOOQ banner, "tip of the day" or version warning: run in
 * a JVM of its own, since jOOQ prints its banner once per JVM (and the test JVM sets jOOQ's
 * switches on the command line).
 */
class QuietHostTest {

    @Test
    void aHostUsingAcogLogsNoJooqBannerTipOrVersionWarning() throws Exception {
        try (TestDatabase empty = PostgresServer.shared().createEmptyDatabase()) {
            PGSimpleDataSource connection = empty.dataSource().unwrap(PGSimpleDataSource.class);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    QuietHostMain.class.getName(),
                    connection.getURL(),
                    connection.getUser()));
            if (connection.getPassword() != null) {
                command.add(connection.getPassword());
            }
            Process host = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(host.waitFor(5, TimeUnit.MINUTES))
                    .as("the host finished")
                    .isTrue();

            assertThat(host.exitValue()).as(output).isZero();
            assertThat(output).as(output).contains("channels 0");
            assertThat(output)
                    .as(output)
                    .doesNotContainIgnoringCase("thank you for using jOOQ")
                    .doesNotContainIgnoringCase("tip of the day")
                    .doesNotContainIgnoringCase("version mismatch")
                    .doesNotContain("Database version is supported")
                    .doesNotContain("is not supported by");
        }
    }
}
