package io.acog.testkit.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a real PostgreSQL database of its own, with the ACOG schema, and
 * injects it into constructors, lifecycle methods and test methods as a parameter of type
 * {@link javax.sql.DataSource} (a connection pool), {@link TestDatabase}, {@link PostgresServer},
 * {@link io.acog.core.Acog} (on the system clock) or {@link io.acog.testkit.fixtures.AcogFixtures}.
 * Another extension can reach the same database with
 * {@link AcogPostgresExtension#database(org.junit.jupiter.api.extension.ExtensionContext)}:
 *
 * <pre>{@code
 * @AcogPostgres
 * class ChannelStoreTest {
 *     @Test
 *     void storesChannels(Acog acog, AcogFixtures fixtures) { ... }
 * }
 * }</pre>
 *
 * <p>The server is the JVM's {@link PostgresServer#shared()} (no setup: see there). The database is
 * made before the first test of the class and dropped after the last; with
 * {@link Isolation#PER_METHOD} every test gets a fresh one. Nested classes share their enclosing
 * class's database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AcogPostgresExtension.class)
public @interface AcogPostgres {

    /**
     * How long a database lives.
     *
     * @return {@link Isolation#PER_CLASS} by default
     */
    Isolation isolation() default Isolation.PER_CLASS;

    /**
     * Whether the database has the ACOG schema ({@code true}) or is empty ({@code false}).
     *
     * @return {@code true} by default
     */
    boolean migrated() default true;

    /** How long a database lives, and so which tests see each other's rows. */
    enum Isolation {
        /** One database for all tests of the class. */
        PER_CLASS,
        /** A new database for every test method. */
        PER_METHOD
    }
}
