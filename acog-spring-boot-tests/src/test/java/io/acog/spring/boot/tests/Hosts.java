package io.acog.spring.boot.tests;

import io.acog.core.Acog;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.core.job.JobQuery;
import io.acog.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts host applications on a test database, as a host's main method would, and talks to them. */
final class Hosts {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Hosts() {}

    /**
     * What every test host sets: its database, the offline providers with placeholder media (no
     * ffmpeg work), a storage directory of its own, a quick poll, and the health details shown.
     */
    static List<String> defaults(TestDatabase database) {
        return defaults(database.jdbcUrl(), database.user());
    }

    /** {@link #defaults(TestDatabase)} for a database of another server. */
    static List<String> defaults(String jdbcUrl, String user) {
        List<String> properties = new ArrayList<>(datasource(jdbcUrl, user));
        properties.addAll(List.of(
                "spring.main.banner-mode=off",
                "server.port=0",
                "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always",
                "spring.datasource.hikari.maximum-pool-size=12",
                "acog.providers.offline.enabled=true",
                "acog.providers.offline.media=placeholder",
                "acog.worker.poll-interval=200ms",
                "acog.storage.local-directory=" + storageDirectory()));
        return properties;
    }

    /** The Spring Boot data source properties of a database; a password only from the environment. */
    static List<String> datasource(String jdbcUrl, String user) {
        List<String> properties =
                new ArrayList<>(List.of("spring.datasource.url=" + jdbcUrl, "spring.datasource.username=" + user));
        String password = System.getenv("ACOG_JDBC_PASSWORD");
        if (password != null) {
            properties.add("spring.datasource.password=" + password);
        }
        return properties;
    }

    /** Starts a host with a web server on a random port. */
    static ConfigurableApplicationContext web(TestDatabase database, Class<?>[] sources, String... properties) {
        return start(WebApplicationType.SERVLET, defaults(database), sources, properties);
    }

    /** Starts a host without a web server. */
    static ConfigurableApplicationContext plain(TestDatabase database, Class<?>[] sources, String... properties) {
        return start(WebApplicationType.NONE, defaults(database), sources, properties);
    }

    static ConfigurableApplicationContext start(
            WebApplicationType type, List<String> defaults, Class<?>[] sources, String... properties) {
        List<Class<?>> all = new ArrayList<>();
        all.add(TestApplication.class);
        all.addAll(Arrays.asList(sources));
        List<String> settings = new ArrayList<>(defaults);
        settings.addAll(Arrays.asList(properties));
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new))
                .web(type)
                .properties(settings.toArray(String[]::new))
                .run();
    }

    static Class<?>[] none() {
        return new Class<?>[0];
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static HttpResponse<String> get(ConfigurableApplicationContext context, String path) {
        return send(HttpRequest.newBuilder(uri(context, path)).GET());
    }

    static HttpResponse<String> post(
            ConfigurableApplicationContext context, String path, String body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(context, path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://localhost:" + port(context) + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The jobs of an episode, oldest first. */
    static List<Job> jobs(Acog acog, UUID episodeId) {
        return acog.jobs()
                .list(JobQuery.builder().episode(episodeId).limit(500).build())
                .items();
    }

    /** The jobs of one stage of an episode. */
    static List<Job> jobs(Acog acog, UUID episodeId, PipelineStage stage) {
        return jobs(acog, episodeId).stream()
                .filter(job -> job.stage() == stage)
                .toList();
    }

    private static Path storageDirectory() {
        try {
            Path directory = Files.createTempDirectory("acog-starter-test-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
