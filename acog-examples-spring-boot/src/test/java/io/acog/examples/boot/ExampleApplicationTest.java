package io.acog.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acog.core.channel.ChannelRepository;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeQuery;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.EpisodeStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example as its README command runs it, with its own application.yml (one episode, and
 * placeholder media instead of ffmpeg's, for speed): the channel's episode is published by the
 * starter's worker, and health and ACOG's metrics are served.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "example.episodes[0]=Why black holes spin",
            // the README's command makes real media with ffmpeg; this test checks the wiring
            "acog.providers.offline.media=placeholder"
        })
class ExampleApplicationTest {

    @Autowired
    private ChannelRepository channels;

    @Autowired
    private EpisodeRepository episodes;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theChannelsEpisodeIsPublishedAndHealthAndMetricsAreServed() throws Exception {
        var channel = channels.getBySlug("cosmos-explained");

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            List<Episode> made =
                    episodes.list(EpisodeQuery.builder(channel.id()).build()).items();
            assertThat(made).isNotEmpty().allSatisfy(episode -> assertThat(episode.status())
                    .isEqualTo(EpisodeStatus.PUBLISHED));
        });

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"acog\"");

        HttpResponse<String> completed = get("/actuator/metrics/acog.jobs.completed");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).contains("\"stage\"").contains("upload");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
