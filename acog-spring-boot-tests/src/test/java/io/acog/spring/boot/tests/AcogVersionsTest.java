package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.internal.license.VersionPrinter;
import org.jooq.Constants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * The library versions the starter runs with here are the ones the host's Spring Boot BOM manages
 * (Flyway 11, not the Flyway 13 ACOG builds with): printed for the record, and checked.
 */
class AcogVersionsTest {

    @Test
    void theClassPathHasTheVersionsSpringBootManages() throws ReflectiveOperationException {
        String boot = SpringBootVersion.getVersion();
        // read at run time: Flyway's jar has no Implementation-Version, and jOOQ's constant would
        // be inlined by the compiler
        String flyway = VersionPrinter.getVersion();
        String jooq = (String) Constants.class.getField("FULL_VERSION").get(null);
        String micrometer = MeterRegistry.class.getPackage().getImplementationVersion();
        String postgresql = org.postgresql.Driver.class.getPackage().getImplementationVersion();
        System.out.printf(
                "ACOG starter test class path: Spring Boot %s, Flyway %s, jOOQ %s, Micrometer %s, PostgreSQL JDBC %s%n",
                boot, flyway, jooq, micrometer, postgresql);

        assertThat(boot).isEqualTo(System.getProperty("acog.test.boot-version"));
        // Boot 3.5 and 4.0 both manage Flyway 11 and jOOQ 3.19; ACOG's own build uses Flyway 13
        assertThat(flyway).startsWith("11.");
        assertThat(jooq).startsWith("3.19.");
        assertThat(micrometer).isNotBlank();
    }
}
