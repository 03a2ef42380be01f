package io.acog.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Boot application that runs an ACOG channel. Everything ACOG needs is configured in
 * {@code application.yml}: the starter builds the pipeline, migrates the schema, starts a worker,
 * and serves {@code /actuator/health} and {@code /actuator/metrics}. The code here only says which
 * channel to run and what to make ({@link ChannelRunner}), and starts an embedded PostgreSQL when
 * no database is configured ({@link EmbeddedDatabase}, listed in {@code META-INF/spring.factories}).
 *
 * <p>Run it with {@code scripts/spring-boot-example} from the repository's root.
 */
@SpringBootApplication
@EnableConfigurationProperties(ExampleChannel.class)
public class ExampleApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's command line, e.g. {@code --example.exit-when-done=true}
     */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
