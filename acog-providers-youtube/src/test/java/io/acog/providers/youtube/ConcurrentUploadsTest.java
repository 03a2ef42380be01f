package io.acog.providers.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.youtube.YouTubeMock.ACCESS_TOKEN;
import static io.acog.providers.youtube.YouTubeMock.CHUNK;
import static io.acog.providers.youtube.YouTubeMock.TOKEN;
import static io.acog.providers.youtube.YouTubeMock.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.Publisher.Publication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One publisher serving several threads at once: every upload succeeds, with one token refresh. */
class ConcurrentUploadsTest {

    private static final int THREADS = 6;
    private static final int SIZE = CHUNK + 1000;

    private YouTubeMock youtube;

    @BeforeEach
    void start() {
        youtube = new YouTubeMock();
    }

    @AfterEach
    void stop() {
        youtube.close();
    }

    @Test
    void concurrentUploadsAllSucceedAndShareOneAccessToken() throws Exception {
        // slow enough that the threads meet at the token endpoint
        youtube.server.stubFor(
                post(TOKEN).willReturn(YouTubeMock.token(ACCESS_TOKEN, 3599).withFixedDelay(300)));
        // each session its own upload id; the video's id is the session's
        youtube.server.stubFor(YouTubeMock.sessionStart()
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader(
                                "Location",
                                "{{request.baseUrl}}" + VIDEOS
                                        + "?uploadType=resumable&upload_id={{randomValue length=16 type='ALPHANUMERIC'}}")
                        .withTransformers("response-template")));
        youtube.server.stubFor(put(urlPathEqualTo(VIDEOS))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Range", equalTo("bytes 0-" + (CHUNK - 1) + "/" + SIZE))
                .willReturn(YouTubeMock.resumeIncomplete(CHUNK - 1)));
        youtube.server.stubFor(put(urlPathEqualTo(VIDEOS))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Range", equalTo("bytes " + CHUNK + "-" + (SIZE - 1) + "/" + SIZE))
                .willReturn(YouTubeMock.json(201, "{\"kind\":\"youtube#video\",\"id\":\"{{request.query.upload_id}}\"}")
                        .withTransformers("response-template")));
        YouTubePublisher publisher =
                youtube.publisher(Map.of(), new MutableClock(Instant.parse("2026-12-06T20:00:00Z")));
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            episodes.add(new Episode(SIZE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Publication>> publications = new ArrayList<>();
            for (Episode episode : episodes) {
                publications.add(pool.submit(() -> {
                    go.await();
                    return publisher.publish(episode.request(), episode.call);
                }));
            }
            go.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Publication> publication : publications) {
                ids.add(publication.get(60, TimeUnit.SECONDS).externalId());
            }

            assertThat(ids)
                    .hasSize(THREADS)
                    .doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).hasSize(16));
            assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(TOKEN))))
                    .hasSize(1);
            assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS))))
                    .hasSize(THREADS);
            for (Episode episode : episodes) {
                assertThat(UploadCheckpoint.read(episode.call.checkpoint()).videoId())
                        .isIn(ids);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
