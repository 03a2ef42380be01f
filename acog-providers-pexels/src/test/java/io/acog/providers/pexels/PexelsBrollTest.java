package io.acog.providers.pexels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.pexels.FakePexels.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testkit.providers.TestProviderCall;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A clip's round against the local Pexels: the search, the choice, its checkpoint and the download. */
class PexelsBrollTest {

    private static final String SKYLINE = "city skyline at dusk with light trails";

    private FakePexels fake;

    @BeforeEach
    void start() {
        fake = new FakePexels().serving();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aSearchSendsTheKeyAsItIsAndTheFramesOrientationAndTakesTheClosestVideoThatIsLongEnough() {
        TestProviderCall call = TestProviderCall.forStage("broll");

        RenderTask task = fake.adapter().submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        // 1001 runs 4 s (too short), 1002 12 s, 1003 30 s: the 12 s one, in its Full HD file
        assertThat(task.taskId()).isEqualTo("1002:22");
        assertThat(task.checkAfter()).isEqualTo(Duration.ZERO);
        assertThat(fake.searches()).hasSize(1);
        LoggedRequest search = fake.searches().get(0);
        assertThat(search.getHeader("Authorization")).isEqualTo(FakePexels.API_KEY);
        assertThat(search.queryParameter("query").firstValue()).isEqualTo(SKYLINE);
        assertThat(search.queryParameter("orientation").firstValue()).isEqualTo("landscape");
        assertThat(search.queryParameter("size").firstValue()).isEqualTo("medium");
        assertThat(search.queryParameter("per_page").firstValue()).isEqualTo("15");
        assertThat(call.checkpoints()).containsExactly("{\"v\":1,\"task\":\"1002:22\"}");
    }

    @Test
    void theSettingsChooseThePageSizeAndTheLargestFile() {
        RenderTask task = fake.adapter(Clock.systemUTC(), Map.of("pexels.per-page", "80", "pexels.max-height", "720"))
                .submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll"));

        // the 12 s video's largest file within 720p is its 540p one (the 720p file is the 4 s video's)
        assertThat(task.taskId()).isEqualTo("1002:21");
        LoggedRequest search = fake.searches().get(0);
        assertThat(search.queryParameter("per_page").firstValue()).isEqualTo("80");
        assertThat(search.queryParameter("size").firstValue()).isEqualTo("small");
    }

    @Test
    void thePollRightAfterDownloadsTheChosenFileWithoutTheKeyAndCreditsItsAuthorAtNoCost() throws Exception {
        PexelsBroll pexels = fake.adapter();
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = pexels.submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        RenderProgress progress = pexels.poll(task.taskId(), call);

        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        RenderProgress.Done done = (RenderProgress.Done) progress;
        try (FileMedia media = (FileMedia) done.media()) {
            assertThat(Files.readAllBytes(media.file())).isEqualTo(FakePexels.mp4(22));
            assertThat(media.mimeType()).isEqualTo("video/mp4");
            assertThat(media.fileName()).isEqualTo("pexels-1002-1920x1080.mp4");
        }
        assertThat(done.durationMs()).isEqualTo(12_000);
        assertThat(done.usage().costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(done.usage().seconds()).isEqualByComparingTo("12");
        assertThat(done.metadata())
                .containsEntry("author", "Author 1002")
                .containsEntry("author_url", "https://www.pexels.com/@author1002")
                .containsEntry("source_url", "https://www.pexels.com/video/test-video-1002/")
                .containsEntry("license", "Pexels License")
                .containsEntry("pexels_video_id", "1002")
                .containsEntry("pexels_file_id", "22")
                .containsEntry("attribution", "Video by Author 1002 on Pexels");
        assertThat(fake.lookups()).as("the search's link was used").isEmpty();
        assertThat(fake.downloads()).hasSize(1);
        assertThat(fake.downloads().get(0).getUrl()).isEqualTo("/files/22.mp4?s=old&profile_id=175");
        assertThat(fake.downloads().get(0).containsHeader("Authorization"))
                .as("the API key sent to the CDN")
                .isFalse();
    }

    @Test
    void aPollInAnotherJvmLooksTheVideoUpForAFreshLink() throws Exception {
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = fake.adapter().submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        RenderProgress progress = fake.adapter().poll(task.taskId(), call);

        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        assertThat(fake.lookups()).hasSize(1);
        assertThat(fake.lookups().get(0).getUrl()).isEqualTo("/videos/videos/1002");
        assertThat(fake.lookups().get(0).getHeader("Authorization")).isEqualTo(FakePexels.API_KEY);
        assertThat(fake.downloads()).hasSize(1);
        assertThat(fake.downloads().get(0).getUrl()).isEqualTo("/files/22.mp4?s=fresh&profile_id=175");
        ((FileMedia) ((RenderProgress.Done) progress).media()).close();
    }

    @Test
    void aSubmitAfterACrashReusesTheCheckpointsChoiceWithoutSearchingAgain() {
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask first = fake.adapter().submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        // another worker runs the job again, as after a crash before ACOG recorded the task
        RenderTask again = fake.adapter().submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call.nextAttempt());

        assertThat(again).isEqualTo(first);
        assertThat(fake.searches()).as("searches sent").hasSize(1);
    }

    @Test
    void aDescriptionThatFindsNothingIsSearchedShorterThenGivenUpOnAsNotFound() {
        fake.server.resetAll();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH)).willReturn(FakePexels.api("{\"videos\":[]}")));
        TestProviderCall call = TestProviderCall.forStage("broll");

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> fake.adapter()
                        .submit(clip("slow motion of golden retriever puppies", 5_000, OutputFormat.LANDSCAPE), call));

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("no stock video matches 'slow motion of golden retriever puppies'");
        assertThat(fake.searches().stream()
                        .map(request -> request.queryParameter("query").firstValue())
                        .toList())
                .containsExactly("slow motion of golden retriever puppies", "slow motion of", "slow motion");
        assertThat(call.checkpoints()).isEmpty();
    }

    @Test
    void aShorterQueryThatFindsAVideoIsTaken() {
        fake.server.resetAll();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH)).willReturn(FakePexels.api("{\"videos\":[]}")));
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH))
                .withQueryParam("query", equalTo("city skyline at dusk"))
                .willReturn(FakePexels.api(fake.search(List.of(FakePexels.LONG), "old"))));

        RenderTask task = fake.adapter()
                .submit(clip(SKYLINE + ".", 9_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll"));

        assertThat(task.taskId()).isEqualTo("1003:31");
        assertThat(fake.searches()).hasSize(2);
    }

    @Test
    void anUprightFrameSearchesPortraitAndTakesTheFullHdFileNotTheFourK() {
        RenderTask task = fake.adapter()
                .submit(clip("rain on a window", 3_000, OutputFormat.PORTRAIT), TestProviderCall.forStage("broll"));

        assertThat(task.taskId()).isEqualTo("2001:42");
        assertThat(fake.searches().get(0).queryParameter("orientation").firstValue())
                .isEqualTo("portrait");
    }

    @Test
    void anExpiredLinkIsRetryableAndTheNextPollDownloadsFromAFreshOne() throws Exception {
        fake.server.stubFor(get(urlPathEqualTo("/files/22.mp4"))
                .withQueryParam("s", equalTo("old"))
                .willReturn(aResponse().withStatus(403).withBody("<Error>Request has expired</Error>")));
        PexelsBroll pexels = fake.adapter();
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = pexels.submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        ProviderException expired =
                catchThrowableOfType(ProviderException.class, () -> pexels.poll(task.taskId(), call));
        RenderProgress progress = pexels.poll(task.taskId(), call);

        assertThat(expired.retryable()).isTrue();
        assertThat(expired.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(expired.getMessage())
                .contains("file 22 of Pexels video 1002", "/files/22.mp4", "HTTP 403")
                .doesNotContain("s=old", "expired</Error>");
        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        assertThat(fake.lookups()).hasSize(1);
        assertThat(fake.downloads().stream().map(LoggedRequest::getUrl).toList())
                .containsExactly("/files/22.mp4?s=old&profile_id=175", "/files/22.mp4?s=fresh&profile_id=175");
        ((FileMedia) ((RenderProgress.Done) progress).media()).close();
    }

    @Test
    void aLookupThatFailsIsRetryableAndTheNextPollGoesOn() throws Exception {
        fake.server.stubFor(get(urlPathEqualTo("/videos/videos/1002"))
                .inScenario("lookup")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakePexels.json(502, "{\"error\":\"Bad Gateway\"}"))
                .willSetStateTo("recovered"));
        fake.server.stubFor(get(urlPathEqualTo("/videos/videos/1002"))
                .inScenario("lookup")
                .whenScenarioStateIs("recovered")
                .willReturn(
                        FakePexels.api(fake.video(FakePexels.MEDIUM, "fresh").toString())));
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = fake.adapter().submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);
        PexelsBroll elsewhere = fake.adapter();

        ProviderException failed =
                catchThrowableOfType(ProviderException.class, () -> elsewhere.poll(task.taskId(), call));
        RenderProgress progress = elsewhere.poll(task.taskId(), call);

        assertThat(failed.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failed.retryable()).isTrue();
        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        assertThat(fake.lookups()).hasSize(2);
        assertThat(fake.downloads()).hasSize(1);
        ((FileMedia) ((RenderProgress.Done) progress).media()).close();
    }

    @Test
    void aDownloadCutMidBodyIsRetryable() {
        fake.server.stubFor(get(urlPathEqualTo("/files/22.mp4"))
                .willReturn(aResponse().withStatus(200).withFault(Fault.CONNECTION_RESET_BY_PEER)));
        PexelsBroll pexels = fake.adapter();
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = pexels.submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> pexels.poll(task.taskId(), call));

        assertThat(e.retryable()).as(e.getMessage()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain("s=old");
    }

    @Test
    void aDownloadSlowerThanTheDownloadTimeoutTimesOut() {
        fake.server.stubFor(get(urlPathEqualTo("/files/22.mp4"))
                .willReturn(
                        aResponse().withStatus(200).withBody(FakePexels.mp4(22)).withFixedDelay(5_000)));
        PexelsBroll pexels = fake.adapter(Clock.systemUTC(), Map.of("pexels.download-timeout", "1"));
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = pexels.submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> pexels.poll(task.taskId(), call));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aDownloadThatIsNotAnMp4IsRetryable() {
        fake.server.stubFor(get(urlPathEqualTo("/files/22.mp4"))
                .willReturn(aResponse().withStatus(200).withBody("<html>Sign in to continue</html>")));
        PexelsBroll pexels = fake.adapter();
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = pexels.submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> pexels.poll(task.taskId(), call));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("not an MP4");
    }

    @Test
    void aVideoGoneFromPexelsFailsRetryablyAndTheNextSubmitChoosesAnother() {
        fake.server.stubFor(get(urlPathEqualTo("/videos/videos/1002"))
                .willReturn(FakePexels.json(404, "{\"error\":\"Not Found\"}")));
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = fake.adapter().submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);
        PexelsBroll elsewhere = fake.adapter();

        RenderProgress progress = elsewhere.poll(task.taskId(), call);
        RenderTask next = elsewhere.submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call.nextAttempt());

        assertThat(progress).isInstanceOf(RenderProgress.Failed.class);
        RenderProgress.Failed failed = (RenderProgress.Failed) progress;
        assertThat(failed.code()).isEqualTo("video_gone");
        assertThat(failed.retryable()).isTrue();
        assertThat(call.checkpoints()).last().isEqualTo("{\"v\":1,\"gone\":[1002]}");
        assertThat(next.taskId()).as("the next closest video").isEqualTo("1003:31");
        assertThat(fake.searches()).hasSize(2);
    }

    @Test
    void aFileNoLongerOfferedFailsRetryably() {
        fake.server.stubFor(get(urlPathEqualTo("/videos/videos/1002"))
                .willReturn(FakePexels.api(fake.video(
                                new FakePexels.Video(
                                        1002, 4096, 2160, 12, List.of(new FakePexels.File(26, "hd", 1920, 1080))),
                                "fresh")
                        .toString())));
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = fake.adapter().submit(clip(SKYLINE, 9_000, OutputFormat.LANDSCAPE), call);

        RenderProgress progress = fake.adapter().poll(task.taskId(), call);

        assertThat(progress).isInstanceOf(RenderProgress.Failed.class);
        assertThat(((RenderProgress.Failed) progress).code()).isEqualTo("file_gone");
        assertThat(fake.downloads()).isEmpty();
    }

    @Test
    void cancellingSendsNothingAsNothingRendersAtPexels() {
        Cancellation cancelled = fake.adapter().cancel("1002:22", TestProviderCall.forStage("broll"));

        assertThat(cancelled).isEqualTo(Cancellation.ALREADY_ENDED);
        assertThat(fake.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBlankDescriptionOrAForeignTaskIdIsRefusedWithoutARequest() {
        PexelsBroll pexels = fake.adapter();

        ProviderException blank = catchThrowableOfType(
                ProviderException.class,
                () -> pexels.submit(clip("  ", 3_000, OutputFormat.LANDSCAPE), TestProviderCall.forStage("broll")));
        ProviderException foreign = catchThrowableOfType(
                ProviderException.class, () -> pexels.poll("task_9f8e7d", TestProviderCall.forStage("broll")));

        assertThat(blank.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(blank.retryable()).isFalse();
        assertThat(foreign.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(fake.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void clipsFromSeveralThreadsAtOnceAllArriveWithTheirOwnFiles() throws Exception {
        PexelsBroll pexels = fake.adapter();
        long[] needed = {2_000, 9_000, 20_000, 45_000, 2_000, 9_000, 20_000, 45_000};
        String[] expected = {"1001:13", "1002:22", "1003:31", "1003:31", "1001:13", "1002:22", "1003:31", "1003:31"};
        ExecutorService threads = Executors.newFixedThreadPool(needed.length);
        try {
            List<Future<RenderProgress.Done>> clips = new ArrayList<>();
            for (long ms : needed) {
                Callable<RenderProgress.Done> round = () -> {
                    TestProviderCall call = TestProviderCall.forStage("broll");
                    RenderTask task = pexels.submit(clip(SKYLINE, ms, OutputFormat.LANDSCAPE), call);
                    return (RenderProgress.Done) pexels.poll(task.taskId(), call);
                };
                clips.add(threads.submit(round));
            }
            for (int i = 0; i < clips.size(); i++) {
                RenderProgress.Done done = clips.get(i).get();
                String fileId = expected[i].substring(expected[i].indexOf(':') + 1);
                try (FileMedia media = (FileMedia) done.media()) {
                    assertThat(Files.readAllBytes(media.file()))
                            .as("clip %d", i)
                            .isEqualTo(FakePexels.mp4(Long.parseLong(fileId)));
                }
                assertThat(done.metadata()).containsEntry("pexels_file_id", fileId);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(fake.searches()).hasSize(needed.length);
    }
}
