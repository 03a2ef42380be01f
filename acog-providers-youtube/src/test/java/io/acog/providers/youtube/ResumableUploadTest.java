package io.acog.providers.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.youtube.Secrets.assertNoSecrets;
import static io.acog.providers.youtube.YouTubeMock.CAPTIONS;
import static io.acog.providers.youtube.YouTubeMock.THUMBNAILS;
import static io.acog.providers.youtube.YouTubeMock.TOKEN;
import static io.acog.providers.youtube.YouTubeMock.VIDEOS;
import static io.acog.providers.youtube.YouTubeMock.chunk;
import static io.acog.providers.youtube.YouTubeMock.created;
import static io.acog.providers.youtube.YouTubeMock.error;
import static io.acog.providers.youtube.YouTubeMock.resumeIncomplete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Publisher.Privacy;
import io.acog.spi.Publisher.Publication;
import io.acog.testkit.providers.TestProviderCall;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resumable upload against YouTube's documented protocol: a session saved before the first
 * byte, chunks answered by 308 and Range, a resume that asks how far the session got and sends only
 * the rest, an expired session replaced, thumbnail and captions done once, cancellation between
 * chunks.
 */
class ResumableUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three chunks of 256 KiB: two full, the last 75,712 bytes. */
    private static final int SIZE = 600_000;

    private static final String FIRST = "bytes 0-262143/600000";
    private static final String SECOND = "bytes 262144-524287/600000";
    private static final String THIRD = "bytes 524288-599999/600000";
    private static final String STATUS = "bytes */600000";

    private YouTubeMock youtube;
    private YouTubePublisher publisher;

    @BeforeEach
    void start() {
        youtube = new YouTubeMock();
        youtube.grantsTokens();
        publisher = youtube.publisher(Map.of(), new MutableClock(Instant.parse("2026-12-06T20:00:00Z")));
    }

    @AfterEach
    void stop() {
        youtube.close();
    }

    @Test
    void uploadsTheVideoInChunksThenSetsTheThumbnailAndAddsTheCaptions() throws Exception {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.setsThumbnails("vid-123");
        youtube.insertsCaptions("vid-123");
        Episode episode = new Episode(SIZE).withExtras(50_000);
        List<Integer> putsWhenSessionSaved = new ArrayList<>();
        WatchedCall call = new WatchedCall(
                episode.call,
                checkpoint -> {
                    if (checkpoint.contains("\"session\"") && putsWhenSessionSaved.isEmpty()) {
                        putsWhenSessionSaved.add(puts().size());
                    }
                },
                progress -> {});

        Publication publication = publisher.publish(episode.request(), call);

        assertThat(publication.url()).isEqualTo("https://www.youtube.com/watch?v=vid-123");
        assertThat(publication.externalId()).isEqualTo("vid-123");
        assertThat(publication.usage().costUsd()).isEqualByComparingTo(BigDecimal.ZERO);

        LoggedRequest start = single(postRequestedFor(urlPathEqualTo(VIDEOS)));
        assertThat(start.getHeader("X-Upload-Content-Length")).isEqualTo("600000");
        assertThat(start.getHeader("X-Upload-Content-Type")).isEqualTo("video/mp4");
        assertThat(start.getHeader("Content-Type")).startsWith("application/json");
        JsonNode resource = JSON.readTree(start.getBodyAsString());
        assertThat(resource.at("/snippet/title").asText()).isEqualTo("How compound interest works");
        assertThat(resource.at("/snippet/description").asText())
                .isEqualTo("Why money grows faster the longer you leave it.");
        assertThat(resource.at("/snippet/tags").toString())
                .isEqualTo("[\"finance\",\"compound interest\",\"investing\"]");
        assertThat(resource.at("/snippet/categoryId").asText()).isEqualTo("27");
        assertThat(resource.at("/snippet/defaultLanguage").asText()).isEqualTo("en");
        assertThat(resource.at("/snippet/defaultAudioLanguage").asText()).isEqualTo("en");
        assertThat(resource.at("/status/privacyStatus").asText()).isEqualTo("public");
        assertThat(resource.at("/status").has("publishAt")).isFalse();
        assertThat(resource.at("/status/selfDeclaredMadeForKids").isBoolean()).isTrue();
        assertThat(resource.at("/status/selfDeclaredMadeForKids").asBoolean()).isFalse();
        assertThat(resource.at("/status/containsSyntheticMedia").asBoolean()).isTrue();

        List<LoggedRequest> puts = puts();
        assertThat(puts).extracting(put -> put.getHeader("Content-Range")).containsExactly(FIRST, SECOND, THIRD);
        assertThat(puts)
                .allSatisfy(put -> assertThat(put.getHeader("Content-Type")).isEqualTo("video/mp4"));
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        puts.forEach(put -> sent.writeBytes(put.getBody()));
        assertThat(sent.toByteArray()).isEqualTo(episode.video);
        assertThat(putsWhenSessionSaved)
                .as("PUTs sent when the session was saved")
                .containsExactly(0);

        LoggedRequest thumbnail = single(postRequestedFor(urlPathEqualTo(THUMBNAILS)));
        assertThat(thumbnail.getHeader("Content-Type")).isEqualTo("image/png");
        assertThat(thumbnail.getBody()).isEqualTo(Episode.bytes(50_000, 7));
        LoggedRequest captions = single(postRequestedFor(urlPathEqualTo(CAPTIONS)));
        assertThat(captions.getHeader("Content-Type")).startsWith("multipart/related; boundary=");
        assertThat(captions.queryParameter("uploadType").firstValue()).isEqualTo("multipart");
        assertThat(captions.getBodyAsString())
                .contains("{\"snippet\":{\"videoId\":\"vid-123\",\"language\":\"en\",\"name\":\"English\"")
                .contains("00:00:00,000 --> 00:00:02,000\nHello");

        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(1);
        UploadCheckpoint last = UploadCheckpoint.read(episode.call.checkpoint());
        assertThat(last.videoId()).isEqualTo("vid-123");
        assertThat(last.thumbnailDone()).isTrue();
        assertThat(last.captionsDone()).isTrue();
        assertThat(episode.call.progress()).isSorted().endsWith(1.0).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aScheduledReleaseUploadsPrivateWithPublishAt() throws Exception {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        Episode episode = new Episode(SIZE);
        episode.privacy = Privacy.PUBLIC;
        episode.publishAt = Instant.parse("2027-01-15T17:00:00Z");
        episode.madeForKids = true;
        episode.categoryId = null;
        episode.language = null;

        publisher.publish(episode.request(), episode.call);

        JsonNode resource =
                JSON.readTree(single(postRequestedFor(urlPathEqualTo(VIDEOS))).getBodyAsString());
        assertThat(resource.at("/status/privacyStatus").asText()).isEqualTo("private");
        assertThat(resource.at("/status/publishAt").asText()).isEqualTo("2027-01-15T17:00:00Z");
        assertThat(resource.at("/status/selfDeclaredMadeForKids").asBoolean()).isTrue();
        assertThat(resource.at("/status/containsSyntheticMedia").asBoolean()).isTrue();
        assertThat(resource.at("/snippet").has("categoryId")).isFalse();
        assertThat(resource.at("/snippet").has("defaultLanguage")).isFalse();
    }

    @Test
    void unlistedWithoutASchedule() throws Exception {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        Episode episode = new Episode(SIZE);
        episode.privacy = Privacy.UNLISTED;

        publisher.publish(episode.request(), episode.call);

        JsonNode resource =
                JSON.readTree(single(postRequestedFor(urlPathEqualTo(VIDEOS))).getBodyAsString());
        assertThat(resource.at("/status/privacyStatus").asText()).isEqualTo("unlisted");
        assertThat(resource.at("/status").has("publishAt")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"503", "CONNECTION_RESET_BY_PEER"})
    void anInterruptedUploadResumesWithTheRestOnly(String interruption) {
        youtube.startsSession("up-1");
        youtube.server.stubFor(chunk("up-1", FIRST).willReturn(resumeIncomplete(262_143)));
        youtube.server.stubFor(chunk("up-1", SECOND)
                .inScenario("interrupted")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("cut")
                .willReturn(
                        interruption.equals("503")
                                ? error(503, "backendError", "Backend Error")
                                : aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        youtube.server.stubFor(chunk("up-1", STATUS)
                .inScenario("interrupted")
                .whenScenarioStateIs("cut")
                .willReturn(resumeIncomplete(262_143)));
        youtube.server.stubFor(chunk("up-1", SECOND)
                .inScenario("interrupted")
                .whenScenarioStateIs("cut")
                .willReturn(resumeIncomplete(524_287)));
        youtube.server.stubFor(chunk("up-1", THIRD).willReturn(created("vid-123")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isIn(Reason.UNAVAILABLE, Reason.SERVER_ERROR);
        assertThat(UploadCheckpoint.read(episode.call.checkpoint()).session()).hasToString(youtube.sessionUri("up-1"));
        int putsOfFirstAttempt = puts().size();

        TestProviderCall retry = episode.call.nextAttempt();
        Publication publication = publisher.publish(episode.request(), retry);

        assertThat(publication.externalId()).isEqualTo("vid-123");
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS))))
                .as("session starts over both attempts")
                .hasSize(1);
        assertThat(puts().subList(putsOfFirstAttempt, puts().size()))
                .extracting(put -> put.getHeader("Content-Range"))
                .containsExactly(STATUS, SECOND, THIRD);
        LoggedRequest query = puts().get(putsOfFirstAttempt);
        assertThat(query.getBody()).isEmpty();
        assertThat(query.getHeader("Content-Length")).isEqualTo("0");
        assertThat(puts())
                .filteredOn(put -> FIRST.equals(put.getHeader("Content-Range")))
                .hasSize(1);
        assertThat(UploadCheckpoint.read(retry.checkpoint()).videoId()).isEqualTo("vid-123");
    }

    @Test
    void aResumeWithoutRangeStartsFromTheFirstByte() {
        Episode episode = new Episode(SIZE);
        episode.call.saveCheckpoint(UploadCheckpoint.NONE
                .withSession(java.net.URI.create(youtube.sessionUri("up-1")), SIZE)
                .json());
        youtube.server.stubFor(chunk("up-1", STATUS).willReturn(aResponse().withStatus(308)));
        youtube.takesChunks("up-1", SIZE, "vid-123");

        publisher.publish(episode.request(), episode.call);

        assertThat(puts())
                .extracting(put -> put.getHeader("Content-Range"))
                .containsExactly(STATUS, FIRST, SECOND, THIRD);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).isEmpty();
    }

    @Test
    void aSavedSessionThatHadFinishedIsNotUploadedAgain() {
        youtube.setsThumbnails("vid-123");
        youtube.insertsCaptions("vid-123");
        Episode episode = new Episode(SIZE).withExtras(1000);
        episode.call.saveCheckpoint(UploadCheckpoint.NONE
                .withSession(java.net.URI.create(youtube.sessionUri("up-1")), SIZE)
                .json());
        youtube.server.stubFor(chunk("up-1", STATUS).willReturn(created("vid-123")));

        Publication publication = publisher.publish(episode.request(), episode.call);

        assertThat(publication.externalId()).isEqualTo("vid-123");
        assertThat(puts()).extracting(put -> put.getHeader("Content-Range")).containsExactly(STATUS);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).isEmpty();
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .hasSize(1);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 410})
    void anExpiredSessionIsReplacedByANewOne(int status) {
        Episode episode = new Episode(SIZE);
        episode.call.saveCheckpoint(UploadCheckpoint.NONE
                .withSession(java.net.URI.create(youtube.sessionUri("up-old")), SIZE)
                .json());
        youtube.server.stubFor(chunk("up-old", STATUS).willReturn(error(status, "notFound", "Not Found")));
        youtube.startsSession("up-new");
        youtube.takesChunks("up-new", SIZE, "vid-456");
        List<Integer> putsToNewWhenSaved = new ArrayList<>();
        WatchedCall call = new WatchedCall(
                episode.call,
                checkpoint -> {
                    if (checkpoint.contains("up-new") && putsToNewWhenSaved.isEmpty()) {
                        putsToNewWhenSaved.add(puts("up-new").size());
                    }
                },
                progress -> {});

        Publication publication = publisher.publish(episode.request(), call);

        assertThat(publication.externalId()).isEqualTo("vid-456");
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).hasSize(1);
        assertThat(puts("up-new"))
                .extracting(put -> put.getHeader("Content-Range"))
                .containsExactly(FIRST, SECOND, THIRD);
        assertThat(putsToNewWhenSaved).containsExactly(0);
    }

    @Test
    void aSessionForAVideoOfAnotherSizeIsNotResumed() {
        Episode episode = new Episode(SIZE);
        episode.call.saveCheckpoint(UploadCheckpoint.NONE
                .withSession(java.net.URI.create(youtube.sessionUri("up-old")), 1234)
                .json());
        youtube.startsSession("up-new");
        youtube.takesChunks("up-new", SIZE, "vid-456");

        publisher.publish(episode.request(), episode.call);

        assertThat(puts("up-old")).isEmpty();
        assertThat(puts("up-new")).hasSize(3);
    }

    @Test
    void aCheckpointWithTheVideoOnlyFinishesTheThumbnailAndCaptions() {
        youtube.setsThumbnails("vid-9");
        youtube.insertsCaptions("vid-9");
        Episode episode = new Episode(SIZE).withExtras(1000);
        episode.call.saveCheckpoint(UploadCheckpoint.NONE.withVideoId("vid-9").json());

        Publication publication = publisher.publish(episode.request(), episode.call);

        assertThat(publication.url()).isEqualTo("https://www.youtube.com/watch?v=vid-9");
        assertThat(youtube.requests(anyRequestedFor(urlPathEqualTo(VIDEOS)))).isEmpty();
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .hasSize(1);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).hasSize(1);
    }

    @Test
    void aCheckpointWithTheThumbnailDoneOnlyAddsTheCaptions() {
        youtube.insertsCaptions("vid-9");
        Episode episode = new Episode(SIZE).withExtras(1000);
        episode.call.saveCheckpoint(
                UploadCheckpoint.NONE.withVideoId("vid-9").withThumbnailDone().json());

        publisher.publish(episode.request(), episode.call);

        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .isEmpty();
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).hasSize(1);
    }

    @Test
    void aRetryAfterFailedCaptionsRepeatsNeitherTheUploadNorTheThumbnail() {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.setsThumbnails("vid-123");
        youtube.server.stubFor(post(urlPathEqualTo(CAPTIONS))
                .inScenario("captions")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("failed")
                .willReturn(error(500, "backendError", "Backend Error")));
        youtube.server.stubFor(post(urlPathEqualTo(CAPTIONS))
                .inScenario("captions")
                .whenScenarioStateIs("failed")
                .willReturn(YouTubeMock.json(200, "{\"kind\":\"youtube#caption\",\"id\":\"cap-1\"}")));
        Episode episode = new Episode(SIZE).withExtras(1000);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(failure).hasMessageContaining("captions.insert").hasMessageContaining("backendError");

        publisher.publish(episode.request(), episode.call.nextAttempt());

        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).hasSize(1);
        assertThat(puts()).hasSize(3);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .hasSize(1);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).hasSize(2);
    }

    @Test
    void aThumbnailOverTwoMegabytesIsSkipped() {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.insertsCaptions("vid-123");
        Episode episode = new Episode(SIZE).withExtras(Thumbnails.LIMIT + 1);

        Publication publication = publisher.publish(episode.request(), episode.call);

        assertThat(publication.externalId()).isEqualTo("vid-123");
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .isEmpty();
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).hasSize(1);
        assertThat(UploadCheckpoint.read(episode.call.checkpoint()).thumbnailDone())
                .isTrue();
    }

    @Test
    void aThumbnailOfExactlyTwoMegabytesIsSet() {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.setsThumbnails("vid-123");
        youtube.insertsCaptions("vid-123");
        Episode episode = new Episode(SIZE).withExtras(Thumbnails.LIMIT);

        publisher.publish(episode.request(), episode.call);

        assertThat(single(postRequestedFor(urlPathEqualTo(THUMBNAILS))).getBody())
                .hasSize(Thumbnails.LIMIT);
    }

    @Test
    void aThumbnailYouTubeRefusesForGoodIsSkippedAsTheVideoIsLive() {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.insertsCaptions("vid-123");
        youtube.server.stubFor(
                post(urlPathEqualTo(THUMBNAILS))
                        .willReturn(
                                error(
                                        403,
                                        "forbidden",
                                        "The thumbnail can't be set for the specified video. The request might not be properly authorized.")));
        Episode episode = new Episode(SIZE).withExtras(1000);

        Publication publication = publisher.publish(episode.request(), episode.call);

        assertThat(publication.externalId()).isEqualTo("vid-123");
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).hasSize(1);
    }

    @Test
    void aSpentQuotaForTheThumbnailWaitsAndTheRetrySetsOnlyIt() {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.insertsCaptions("vid-123");
        youtube.server.stubFor(post(urlPathEqualTo(THUMBNAILS))
                .inScenario("quota")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("spent")
                .willReturn(error(
                        403,
                        "quotaExceeded",
                        "The request cannot be completed because you have exceeded your quota.")));
        youtube.server.stubFor(post(urlPathEqualTo(THUMBNAILS))
                .inScenario("quota")
                .whenScenarioStateIs("spent")
                .willReturn(YouTubeMock.json(200, "{\"kind\":\"youtube#thumbnailSetResponse\",\"items\":[]}")));
        Episode episode = new Episode(SIZE).withExtras(1000);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));
        assertThat(failure.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(failure.retryAt()).hasValue(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(failure.attemptSpent()).isFalse();

        publisher.publish(episode.request(), episode.call.nextAttempt());

        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(VIDEOS)))).hasSize(1);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .hasSize(2);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).hasSize(1);
    }

    @Test
    void aCancelledEpisodeStopsBetweenChunksAndStartsNothingNew() {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.setsThumbnails("vid-123");
        Episode episode = new Episode(SIZE).withExtras(1000);
        WatchedCall call = new WatchedCall(episode.call, checkpoint -> {}, progress -> episode.call.requestCancel());

        ProviderException failure = assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), call)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("cancelled").hasMessageContaining("262144 of 600000 bytes");
        assertThat(puts()).extracting(put -> put.getHeader("Content-Range")).containsExactly(FIRST);
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .isEmpty();
    }

    @Test
    void anEpisodeCancelledBeforeTheUploadSendsNothing() {
        Episode episode = new Episode(SIZE);
        episode.call.requestCancel();

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("cancelled");
        assertThat(youtube.requests(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void anEpisodeCancelledOnceYouTubeHasTheVideoStillGetsItsPublication() {
        youtube.startsSession("up-1");
        youtube.takesChunks("up-1", SIZE, "vid-123");
        youtube.setsThumbnails("vid-123");
        youtube.insertsCaptions("vid-123");
        Episode episode = new Episode(SIZE).withExtras(1000);
        WatchedCall call = new WatchedCall(episode.call, checkpoint -> {}, progress -> {
            if (progress >= 1.0) {
                episode.call.requestCancel();
            }
        });

        Publication publication = publisher.publish(episode.request(), call);

        assertThat(publication.externalId()).isEqualTo("vid-123");
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(THUMBNAILS))))
                .isEmpty();
        assertThat(youtube.requests(postRequestedFor(urlPathEqualTo(CAPTIONS)))).isEmpty();
    }

    @Test
    void aCompletedUploadWithAMalformedAnswerIsRetryableAndTheRetryDoesNotUploadAgain() {
        youtube.startsSession("up-1");
        youtube.server.stubFor(chunk("up-1", FIRST).willReturn(resumeIncomplete(262_143)));
        youtube.server.stubFor(chunk("up-1", SECOND).willReturn(resumeIncomplete(524_287)));
        youtube.server.stubFor(chunk("up-1", THIRD).willReturn(YouTubeMock.json(201, "<html>upstream proxy</html>")));
        youtube.server.stubFor(chunk("up-1", STATUS).willReturn(created("vid-123")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(failure).hasMessageContaining("malformed");

        Publication publication = publisher.publish(episode.request(), episode.call.nextAttempt());

        assertThat(publication.externalId()).isEqualTo("vid-123");
        assertThat(puts())
                .extracting(put -> put.getHeader("Content-Range"))
                .containsExactly(FIRST, SECOND, THIRD, STATUS);
    }

    @Test
    void aSessionStartWithoutLocationIsRetryable() {
        youtube.server.stubFor(YouTubeMock.sessionStart().willReturn(aResponse().withStatus(200)));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("Location");
        assertThat(puts()).isEmpty();
    }

    @Test
    void aSessionThatTakesNoBytesFailsTheAttemptInsteadOfLooping() {
        youtube.startsSession("up-1");
        youtube.server.stubFor(
                put(urlPathEqualTo(VIDEOS)).willReturn(aResponse().withStatus(308)));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.retryable()).isTrue();
        assertThat(puts()).hasSize(3);
    }

    @Test
    void theSessionUriIsInNoMessage() {
        youtube.startsSession("up-secret-session");
        youtube.server.stubFor(
                chunk("up-secret-session", FIRST).willReturn(error(503, "backendError", "Backend Error")));
        Episode episode = new Episode(SIZE);

        ProviderException failure =
                assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

        assertThat(failure.getMessage()).doesNotContain("up-secret-session").contains(VIDEOS);
    }

    private List<LoggedRequest> puts() {
        return youtube.requests(putRequestedFor(urlPathEqualTo(VIDEOS)));
    }

    private List<LoggedRequest> puts(String uploadId) {
        return youtube.requests(putRequestedFor(urlPathEqualTo(VIDEOS)).withQueryParam("upload_id", equalTo(uploadId)));
    }

    private LoggedRequest single(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = youtube.requests(pattern);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
