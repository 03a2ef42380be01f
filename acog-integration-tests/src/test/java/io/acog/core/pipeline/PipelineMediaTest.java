package io.acog.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.Cancellation;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.Publisher;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Timeline;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testkit.postgres.AcogPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * What the media stages hand their providers and keep: the timeline from the speech to the
 * renders and the assembly, clip lengths a generator offers, typed and resumable publishing,
 * thumbnails and captions, progress, and calls that came too early.
 */
@AcogPostgres
class PipelineMediaTest extends PipelineTestCase {

    private static OfflineProviders placeholders() {
        return PipelineTesting.offline().build();
    }

    @Test
    void theTimelineFlowsFromTheSpeechToTheRendersAndTheAssembly() throws InterruptedException {
        OfflineProviders offline = placeholders();
        List<AvatarRenderer.AvatarRequest> avatars = new CopyOnWriteArrayList<>();
        List<BrollGenerator.ClipRequest> clips = new CopyOnWriteArrayList<>();
        List<VideoAssembler.AssemblyRequest> assemblies = new CopyOnWriteArrayList<>();
        URI webhook = URI.create("https://host.example/acog/webhooks/renders");
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .renderCallbackUrl(webhook)
                        .avatarRenderer(watchedAvatar(offline.avatarRenderer(), avatars))
                        .brollGenerator(watchedBroll(offline.brollGenerator(), clips))
                        .videoAssembler(watchedAssembler(offline.videoAssembler(), assemblies, null)))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        Episode published = startAndRunToRest(pipeline, fixtures.episode().create());

        assertThat(published.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        Timeline timeline = published.timeline();
        Asset audio = acog.assets().list(published.id(), AssetType.AUDIO).get(0);
        assertThat(timeline.durationMs())
                .isEqualTo(audio.durationMs().longValue())
                .isPositive();
        assertThat(avatars).singleElement().satisfies(request -> {
            assertThat(request.windows())
                    .isNotEmpty()
                    .isEqualTo(timeline.cuts(Timeline.Source.AVATAR).stream()
                            .filter(cut -> cut.lengthMs() > 0)
                            .toList());
            assertThat(request.callbackUrl()).isEqualTo(webhook);
            assertThat(request.format()).isEqualTo(OutputFormat.LANDSCAPE);
        });
        assertThat(clips).hasSize(timeline.cuts(Timeline.Source.BROLL).size());
        for (BrollGenerator.ClipRequest clip : clips) {
            long needed = timeline.clip(clip.clipIndex()).lengthMs();
            assertThat(clip.neededMs()).isEqualTo(needed);
            assertThat(clip.seconds()).isEqualTo((int) Math.max(1, (needed + 999) / 1000));
        }
        assertThat(assemblies).singleElement().satisfies(request -> {
            assertThat(request.timeline()).isEqualTo(timeline);
            assertThat(request.clips().keySet()).hasSize(clips.size());
            assertThat(request.avatar()).isNotNull();
            assertThat(request.format().width()).isEqualTo(1920);
        });
    }

    @Test
    void aRenderCallbackUrlMustBeOneAProviderCanCall() {
        EpisodePipeline.Builder builder = EpisodePipeline.builder(acog);
        assertThatThrownBy(() -> builder.renderCallbackUrl(URI.create("/webhooks/renders")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("renderCallbackUrl is /webhooks/renders; it must be an absolute https (or http) URL"
                        + " that the providers' servers can reach");
    }

    @Test
    void aClipIsAskedForInALengthTheGeneratorOffers() throws InterruptedException {
        OfflineProviders offline = PipelineTesting.offline().clipSeconds(5, 10).build();
        List<BrollGenerator.ClipRequest> clips = new CopyOnWriteArrayList<>();
        EpisodePipeline pipeline = offline.installInto(
                        EpisodePipeline.builder(acog).brollGenerator(watchedBroll(offline.brollGenerator(), clips)))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        startAndRunToRest(pipeline, fixtures.episode().create());

        assertThat(clips).isNotEmpty().allSatisfy(clip -> {
            assertThat(clip.seconds()).isIn(5, 10);
            assertThat(clip.seconds() * 1000L >= clip.neededMs() || clip.seconds() == 10)
                    .as("%s covers its cut, or is the longest offered", clip)
                    .isTrue();
        });
    }

    @Test
    void aPublisherGetsTypedFieldsAndTheThumbnailAndCaptionsTheAssemblerMade() throws InterruptedException {
        OfflineProviders offline = placeholders();
        List<Publisher.PublishRequest> uploads = new CopyOnWriteArrayList<>();
        Publisher publisher = offline.publisher();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .videoAssembler(watchedAssembler(offline.videoAssembler(), new CopyOnWriteArrayList<>(), null))
                        .publisher(publishing(publisher, (request, call) -> {
                            uploads.add(request);
                            return publisher.publish(request, call);
                        })))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        Episode published = startAndRunToRest(pipeline, fixtures.episode().create());

        Asset thumbnail =
                acog.assets().list(published.id(), AssetType.THUMBNAIL).get(0);
        Asset captions = acog.assets().list(published.id(), AssetType.CAPTIONS).get(0);
        assertThat(thumbnail.primary()).isTrue();
        assertThat(captions.mimeType()).isEqualTo("application/x-subrip");
        assertThat(uploads).singleElement().satisfies(request -> {
            assertThat(request.title())
                    .isEqualTo(published.metadata().finalTitle())
                    .isNotBlank();
            assertThat(request.tags()).isEqualTo(published.metadata().tags());
            assertThat(request.privacy()).isEqualTo(Publisher.Privacy.PRIVATE);
            assertThat(request.containsSyntheticMedia()).isTrue();
            assertThat(request.thumbnail().toString()).isEqualTo(thumbnail.uri());
            assertThat(request.captions().toString()).isEqualTo(captions.uri());
        });
    }

    @Test
    void anUploadCutShortResumesFromItsCheckpointInsteadOfUploadingAgain() throws InterruptedException {
        OfflineProviders offline = placeholders();
        AtomicInteger uploads = new AtomicInteger();
        List<String> checkpointsSeen = new CopyOnWriteArrayList<>();
        Publisher publisher = offline.publisher();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .publisher(publishing(publisher, (request, call) -> {
                            checkpointsSeen.add(call.checkpoint().orElse("none"));
                            if (call.checkpoint().isEmpty()) {
                                uploads.incrementAndGet();
                                call.saveCheckpoint("{\"session\":\"upload-1\",\"sent\":1048576}");
                                // the connection drops after the first megabyte
                                throw ProviderException.retryable(
                                        publisher.name(),
                                        ProviderException.Reason.UNAVAILABLE,
                                        "connection reset",
                                        null);
                            }
                            return new Publisher.Publication(
                                    "https://videos.example/v/" + call.idempotencyKey(), "v1", null);
                        })))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        Episode published = startAndRunToRest(pipeline, fixtures.episode().create());

        assertThat(published.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(uploads).hasValue(1);
        assertThat(checkpointsSeen).containsExactly("none", "{\"session\":\"upload-1\",\"sent\":1048576}");
        Job upload =
                PipelineTesting.jobs(acog, published.id(), PipelineStage.UPLOAD).get(0);
        assertThat(upload.input()).containsEntry("checkpoint", "{\"session\":\"upload-1\",\"sent\":1048576}");
    }

    @Test
    void aCheckpointLongerThanTheLimitIsRefusedNamingIt() throws InterruptedException {
        OfflineProviders offline = placeholders();
        Publisher publisher = offline.publisher();
        List<String> refusals = new CopyOnWriteArrayList<>();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .publisher(publishing(publisher, (request, call) -> {
                            try {
                                call.saveCheckpoint("x".repeat(4001));
                            } catch (IllegalArgumentException e) {
                                refusals.add(e.getMessage());
                            }
                            return publisher.publish(request, call);
                        })))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        startAndRunToRest(pipeline, fixtures.episode().create());

        assertThat(refusals).containsExactly("checkpoint is 4001 characters long; it may be at most 4000");
    }

    @Test
    void aCheckpointSavedAfterTheLeaseWasLostIsRefusedAsTheSpiSays(javax.sql.DataSource dataSource) throws Exception {
        OfflineProviders offline = placeholders();
        Publisher publisher = offline.publisher();
        List<Throwable> refusals = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stolen = new java.util.concurrent.atomic.AtomicBoolean();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .publisher(publishing(publisher, (request, call) -> {
                            if (stolen.compareAndSet(false, true)) {
                                // another worker's claim took the job meanwhile
                                try (java.sql.Connection connection = dataSource.getConnection();
                                        java.sql.Statement steal = connection.createStatement()) {
                                    steal.executeUpdate("UPDATE jobs SET celery_task_id = 'someone-else'"
                                            + " WHERE stage = 'upload' AND status = 'running'");
                                } catch (java.sql.SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                                try {
                                    call.saveCheckpoint("{\"session\":\"s-1\"}");
                                } catch (RuntimeException e) {
                                    refusals.add(e);
                                    throw e;
                                }
                            }
                            return publisher.publish(request, call);
                        })))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        io.acog.core.episode.Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (io.acog.core.job.JobWorker worker =
                pipeline.worker("w").threads(2).lease(Duration.ofSeconds(2)).start()) {
            io.acog.testing.Waiting.until(() -> "a refused checkpoint", () -> !refusals.isEmpty());
            pipeline.cancel(episode.id());
        }

        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer holds the upload job")
                .hasCauseInstanceOf(io.acog.core.job.LeaseLostException.class);
    }

    @Test
    void aCallOverTheConcurrencyLimitWaitsWithoutSpendingARetry() throws InterruptedException {
        OfflineProviders offline = placeholders();
        VoiceSynthesizer voice = offline.voiceSynthesizer();
        AtomicInteger calls = new AtomicInteger();
        int refusals = 6; // more than the pipeline's retries
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .maxRetries(2)
                        .voiceSynthesizer(new VoiceSynthesizer() {
                            @Override
                            public String name() {
                                return voice.name();
                            }

                            @Override
                            public boolean serves(String requested) {
                                return true;
                            }

                            @Override
                            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                                if (calls.incrementAndGet() <= refusals) {
                                    throw ProviderException.overConcurrencyLimit(
                                            name(), "too many concurrent requests", Duration.ofMillis(10));
                                }
                                return voice.synthesize(request, call);
                            }
                        }))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        Episode published = startAndRunToRest(pipeline, fixtures.episode().create());

        assertThat(published.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(calls).hasValue(refusals + 1);
        Job audio =
                PipelineTesting.jobs(acog, published.id(), PipelineStage.AUDIO).get(0);
        assertThat(audio.retryCount()).isZero();
    }

    @Test
    void aQuotaThatResetsAtAKnownTimeIsWaitedFor() throws InterruptedException {
        OfflineProviders offline = placeholders();
        Publisher publisher = offline.publisher();
        List<Instant> tries = new CopyOnWriteArrayList<>();
        Instant[] reset = new Instant[1];
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .maxRetries(0)
                        .publisher(publishing(publisher, (request, call) -> {
                            tries.add(Instant.now());
                            if (tries.size() == 1) {
                                reset[0] = Instant.now().plusMillis(1500);
                                throw ProviderException.quotaExhaustedUntil(
                                        publisher.name(), "daily quota used up", reset[0]);
                            }
                            return publisher.publish(request, call);
                        })))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        Episode published = startAndRunToRest(pipeline, fixtures.episode().create());

        assertThat(published.status()).isEqualTo(EpisodeStatus.PUBLISHED); // no retries, yet not failed
        assertThat(tries).hasSize(2);
        // the database's clock and this JVM's agree closely on one machine; allow for rounding
        assertThat(tries.get(1)).isAfterOrEqualTo(reset[0].minusMillis(50));
    }

    @Test
    void theAssemblersProgressReachesTheListeners() throws InterruptedException {
        OfflineProviders offline = placeholders();
        List<Double> heard = new CopyOnWriteArrayList<>();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .videoAssembler(watchedAssembler(
                                offline.videoAssembler(), new CopyOnWriteArrayList<>(), new double[] {0.25, 0.5, 1.0}))
                        .listener(new PipelineListener() {
                            @Override
                            public void stageProgress(UUID episodeId, PipelineStage stage, double fractionDone) {
                                if (stage == PipelineStage.ASSEMBLY) {
                                    heard.add(fractionDone);
                                }
                            }
                        }))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        startAndRunToRest(pipeline, fixtures.episode().create());

        // the first report is told, then reports closer than a quarter second apart are dropped,
        // but the end always is
        assertThat(heard).startsWith(0.25).endsWith(1.0).isSorted();
    }

    /** The offline publisher's name, serving any platform, publishing as {@code publish} does. */
    private static Publisher publishing(
            Publisher offline, BiFunction<Publisher.PublishRequest, ProviderCall, Publisher.Publication> publish) {
        return new Publisher() {
            @Override
            public String name() {
                return offline.name();
            }

            @Override
            public boolean serves(String platform) {
                return true;
            }

            @Override
            public Publication publish(PublishRequest request, ProviderCall call) {
                return publish.apply(request, call);
            }
        };
    }

    private static AvatarRenderer watchedAvatar(AvatarRenderer avatar, List<AvatarRenderer.AvatarRequest> seen) {
        return new AvatarRenderer() {
            @Override
            public String name() {
                return avatar.name();
            }

            @Override
            public boolean serves(String requested) {
                return true;
            }

            @Override
            public RenderTask submit(AvatarRequest request, ProviderCall call) {
                seen.add(request);
                return avatar.submit(request, call);
            }

            @Override
            public RenderProgress poll(String taskId, ProviderCall call) {
                return avatar.poll(taskId, call);
            }

            @Override
            public Cancellation cancel(String taskId, ProviderCall call) {
                return avatar.cancel(taskId, call);
            }
        };
    }

    private static BrollGenerator watchedBroll(BrollGenerator broll, List<BrollGenerator.ClipRequest> seen) {
        return new BrollGenerator() {
            @Override
            public String name() {
                return broll.name();
            }

            @Override
            public List<Integer> clipSeconds() {
                return broll.clipSeconds();
            }

            @Override
            public RenderTask submit(ClipRequest request, ProviderCall call) {
                seen.add(request);
                return broll.submit(request, call);
            }

            @Override
            public RenderProgress poll(String taskId, ProviderCall call) {
                return broll.poll(taskId, call);
            }

            @Override
            public Cancellation cancel(String taskId, ProviderCall call) {
                return broll.cancel(taskId, call);
            }
        };
    }

    /**
     * The assembler, seen; it adds a thumbnail and captions to what it returns, and reports the
     * progress given (if any).
     */
    private static VideoAssembler watchedAssembler(
            VideoAssembler assembler, List<VideoAssembler.AssemblyRequest> seen, double[] progress) {
        return new VideoAssembler() {
            @Override
            public String name() {
                return assembler.name();
            }

            @Override
            public Video assemble(AssemblyRequest request, ProviderCall call) {
                seen.add(request);
                if (progress != null) {
                    for (double fraction : progress) {
                        call.progress(fraction);
                    }
                }
                Video video = assembler.assemble(request, call);
                return new Video(
                        video.video(),
                        video.durationMs(),
                        Media.ofBytes("thumbnail.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                        Media.ofBytes(
                                "captions.srt",
                                "application/x-subrip",
                                "1\n00:00:00,000 --> 00:00:01,000\nHello\n".getBytes(StandardCharsets.UTF_8)),
                        video.usage());
            }
        };
    }
}
