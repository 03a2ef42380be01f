package io.acog.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Keeps Spring Boot 3.5's own Flyway off when the application has no Flyway migrations of its own.
 * On Boot 3.5, Flyway on the class path (ACOG brings it for its own schema) switches on Boot's
 * Flyway auto-configuration, which then refuses a database whose ACOG tables were migrated before
 * ("non-empty schema ... but no schema history table") and otherwise leaves an empty {@code
 * flyway_schema_history} behind. ACOG migrates with its own history table, so Boot's Flyway has
 * nothing to do unless the application has migrations: this sets {@code spring.flyway.enabled=false}
 * as a last-resort default, only when no {@code spring.flyway.*} location or switch is set and
 * nothing is under {@code classpath:db/migration}. Boot 4 runs Flyway only with its {@code
 * spring-boot-flyway} module, so there this changes nothing. Registered in {@code
 * META-INF/spring.factories}.
 */
public final class BootFlywayDefault implements EnvironmentPostProcessor {

    static final String ENABLED = "spring.flyway.enabled";

    /** Created by Spring Boot from {@code META-INF/spring.factories}. */
    public BootFlywayDefault() {}

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(ENABLED)
                || environment.containsProperty("spring.flyway.locations")
                || hasMigrations(application.getClassLoader())) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("acogBootFlywayDefault", Map.of(ENABLED, "false")));
    }

    private static boolean hasMigrations(ClassLoader loader) {
        try {
            return new PathMatchingResourcePatternResolver(loader).getResources("classpath*:db/migration/**/*").length
                    > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for Flyway migrations in classpath:db/migration", e);
        }
    }
}
