package io.acog.testkit.postgres;

import io.acog.core.Acog;
import io.acog.testkit.fixtures.AcogFixtures;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link AcogPostgres}; register it through the annotation. The
 * databases it makes are dropped when their class (or, per method, their test) ends, pass or fail.
 */
public final class AcogPostgresExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AcogPostgresExtension.class);
    private static final String DATABASE = "database";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).isolation() == AcogPostgres.Isolation.PER_CLASS) {
            databaseOf(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        databaseOf(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class
                || type == TestDatabase.class
                || type == PostgresServer.class
                || type == Acog.class
                || type == AcogFixtures.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == PostgresServer.class) {
            return PostgresServer.shared();
        }
        TestDatabase database = databaseOf(context);
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == TestDatabase.class) {
            return database;
        }
        if (type == Acog.class || type == AcogFixtures.class) {
            Acog acog = acog(context, database);
            return type == Acog.class ? acog : new AcogFixtures(acog);
        }
        throw new ParameterResolutionException("@AcogPostgres cannot inject " + type.getName());
    }

    /**
     * Returns the database of the test running in {@code context}, for other extensions (one that
     * injects a data-access library's own context, say): the same database the test's parameters
     * get.
     *
     * @param context the extension context of the test or its class
     * @return the database, made on first use
     * @throws IllegalStateException when the test class does not carry {@link AcogPostgres}
     */
    public static TestDatabase database(ExtensionContext context) {
        return databaseOf(context);
    }

    /**
     * The database for this context: the class's, made on first use and stored in the class
     * context (so nested classes and all its tests find it), or per method in the method context.
     * JUnit closes stored {@link ExtensionContext.Store.CloseableResource}s when their context ends.
     */
    private static TestDatabase databaseOf(ExtensionContext context) {
        AcogPostgres settings = settings(context);
        ExtensionContext owner = settings.isolation() == AcogPostgres.Isolation.PER_METHOD
                        && context.getTestMethod().isPresent()
                ? context
                : classContext(context);
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        DATABASE,
                        key -> new Dropping(
                                settings.migrated()
                                        ? PostgresServer.shared().createDatabase()
                                        : PostgresServer.shared().createEmptyDatabase()),
                        Dropping.class)
                .database;
    }

    /** One {@link Acog} per database, on the system clock; build your own for another clock. */
    private static Acog acog(ExtensionContext context, TestDatabase database) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "acog:" + database.name(),
                        key -> Acog.builder().dataSource(database.dataSource()).build(),
                        Acog.class);
    }

    /** The outermost class context that carries the annotation, so nested classes share it. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext owner = context;
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            ExtensionContext candidate = current.get();
            if (candidate.getTestClass().isPresent()
                    && candidate.getTestMethod().isEmpty()
                    && AnnotationSupport.isAnnotated(candidate.getTestClass(), AcogPostgres.class)) {
                owner = candidate;
            }
            current = candidate.getParent();
        }
        return owner;
    }

    private static AcogPostgres settings(ExtensionContext context) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            Optional<AcogPostgres> found =
                    AnnotationSupport.findAnnotation(current.get().getTestClass(), AcogPostgres.class);
            if (found.isPresent()) {
                return found.get();
            }
            current = current.get().getParent();
        }
        throw new IllegalStateException(
                "AcogPostgresExtension is registered through @AcogPostgres;" + " annotate the test class with it");
    }

    // Both interfaces: JUnit before 5.13 closes only CloseableResource, later versions prefer
    // AutoCloseable (and close a value once).
    @SuppressWarnings("deprecation")
    private record Dropping(TestDatabase database) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
