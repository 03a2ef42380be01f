package io.acog.modular;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * ACOG as a modular host sees it: acog-core, acog-jooq, the SPI and the offline providers on the
 * module path (with the libraries they need), the host on the class path, and no testkit, JUnit or
 * embedded PostgreSQL anywhere. The migrations load, records bind to JSON, the queue works, the
 * internals stay closed, and the pipeline publishes an episode on the offline providers — with real
 * media: their avatar card and b-roll clips are made by the ffmpeg that the jave-nativebin module
 * carries, drawn with the font of the jasperreports-fonts module.
 */
class ModulePathTest {

    /** What the module path holds: ACOG's modules and their libraries, found on this class path. */
    private static final List<String> MODULES = List.of(
            "acog-core",
            "acog-jooq",
            "acog-providers-spi",
            "acog-providers-offline",
            "acog-providers-ffmpeg",
            "jave-nativebin-linux64-",
            "jasperreports-fonts-",
            "jooq-",
            "r2dbc-spi-",
            "reactive-streams-",
            "flyway-core-",
            "flyway-database-postgresql-",
            "postgresql-",
            "jackson-annotations-",
            "jackson-core-",
            "jackson-databind-",
            "jackson-datatype-jsr310-",
            "slf4j-api-");

    @Test
    void aHostOnTheModulePathMigratesStoresQueuesAndPublishesButCannotReachTheInternals(@TempDir Path storage)
            throws Exception {
        List<String> modulePath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            String module = entry.contains("acog-") && !name.endsWith(".jar")
                    ? Path.of(entry).getParent().getParent().getFileName().toString()
                    : name;
            if (MODULES.stream().anyMatch(module::startsWith)
                    && !entry.contains("acog-testkit")
                    && !entry.contains("acog-integration-tests")) {
                modulePath.add(entry);
            }
        }
        assertThat(modulePath).hasSizeGreaterThanOrEqualTo(MODULES.size());
        String hostClasses = Path.of(ModularHost.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();

        try (TestDatabase empty = PostgresServer.shared().createEmptyDatabase()) {
            PGSimpleDataSource connection = empty.dataSource().unwrap(PGSimpleDataSource.class);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--module-path",
                    String.join(File.pathSeparator, modulePath),
                    "--add-modules",
                    "io.acog.core,io.acog.providers.offline",
                    "-cp",
                    hostClasses,
                    ModularHost.class.getName(),
                    storage.toString(),
                    connection.getURL(),
                    connection.getUser()));
            if (connection.getPassword() != null) {
                command.add(connection.getPassword());
            }
            Process host = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(host.waitFor(5, TimeUnit.MINUTES))
                    .as("the host finished")
                    .isTrue();
            String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(host.exitValue()).as(output).isZero();
            List<String> lines = Arrays.stream(output.split("\\R"))
                    .filter(line -> !line.startsWith("SLF4J"))
                    .collect(Collectors.toList());
            assertThat(lines)
                    .as(output)
                    .contains(
                            "module io.acog.core",
                            "persona Dr. Module {host_key=7}",
                            "claimed 1 audio",
                            "internal closed",
                            "no test libraries",
                            "pipeline published by io.acog.providers.offline");
            assertThat(lines).as(output).anyMatch(line -> line.startsWith("migrated true to "));
        }
    }
}
