package io.acog.providers.pexels;

import io.acog.spi.BrollGenerator;
import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderLimits;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code broll} stage on Pexels' free stock footage: each clip is the best-fitting existing
 * video for its description rather than a generated one. {@link #submit} searches and chooses (see
 * {@link ClipChoice}), {@link #poll} downloads the chosen file at once and returns it with its
 * author for attribution; nothing renders, so there is never a pending state and nothing to
 * cancel. Pexels is free: every clip costs $0. Thread-safe: calls share the HTTP client, the quota
 * seen and the recent choices, each safe to share.
 */
final class PexelsBroll implements BrollGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(PexelsBroll.class);

    /** The license of every video on Pexels, named in each clip's metadata. */
    static final String LICENSE = "Pexels License";

    /** The longest description a message quotes. */
    private static final int QUOTED = 120;

    private final PexelsSettings settings;
    private final PexelsClient client;
    private final RecentChoices recent;

    PexelsBroll(PexelsSettings settings, Clock clock) {
        this.settings = settings;
        this.client = new PexelsClient(settings, clock);
        this.recent = new RecentChoices(clock);
    }

    @Override
    public String name() {
        return PexelsSettings.NAME;
    }

    /**
     * Returns the account's limits: Pexels allows {@code pexels.requests-per-hour} (200) and {@code
     * pexels.requests-per-month} (20,000) requests, which ACOG's per-minute and per-day limits
     * express as an hour's share of each minute (200 / 60 = 3 a minute, so the hour never goes over)
     * and a 31-day month's share of each day (20,000 / 31 = 645 a day, so no month goes over). A
     * clip takes one search when its whole description finds a video, up to {@code
     * pexels.query-attempts} when it is shortened; the quota Pexels reports is kept to as well (see
     * {@link RequestQuota}).
     */
    @Override
    public ProviderLimits limits() {
        int perHour = settings.requestsPerHour();
        int perMonth = settings.requestsPerMonth();
        return ProviderLimits.none()
                .withRequestsPerMinute(perHour == 0 ? 0 : Math.max(1, perHour / 60))
                .withRequestsPerDay(perMonth == 0 ? 0 : Math.max(1, perMonth / 31));
    }

    /**
     * Chooses the clip: the checkpoint's choice when an earlier attempt of this job made one, else
     * the best-fitting video of a search for the description, shortened when nothing fits (see
     * {@link SearchQueries}). The choice is saved as the job's checkpoint before it is returned.
     *
     * @throws ProviderException {@link Reason#NOT_FOUND} (permanent) when no search finds a video
     *     that fits; {@link Reason#INVALID_REQUEST} for a blank description; else as the search
     *     failed
     */
    @Override
    public RenderTask submit(ClipRequest request, ProviderCall call) {
        ClipCheckpoint checkpoint = checkpoint(call);
        if (checkpoint.taskId() != null) {
            LOG.debug(
                    "Pexels clip {} of episode {}: reusing the chosen clip {}",
                    request.clipIndex(),
                    call.episodeId(),
                    checkpoint.taskId());
            return new RenderTask(checkpoint.taskId(), Duration.ZERO);
        }
        String description =
                request.description() == null ? "" : request.description().strip();
        if (description.isEmpty()) {
            throw ProviderException.permanent(
                    name(),
                    Reason.INVALID_REQUEST,
                    "b-roll clip " + request.clipIndex() + " has no description to search Pexels for");
        }
        Orientation orientation = Orientation.of(request.format());
        String size = ClipChoice.minimumSize(request.format(), settings.maxHeight());
        List<String> searched = new ArrayList<>();
        for (String query : SearchQueries.of(description, settings.queryAttempts())) {
            List<StockVideo> found = client.search(query, orientation, size, settings.perPage());
            searched.add(query);
            Optional<ClipChoice> choice = ClipChoice.best(
                    found, request.format(), request.neededMs(), settings.maxHeight(), checkpoint.goneVideoIds());
            LOG.debug(
                    "Pexels search '{}' ({}, {}) for clip {}: {} videos, {}",
                    query,
                    orientation.parameter(),
                    size,
                    request.clipIndex(),
                    found.size(),
                    choice.map(ClipChoice::toString).orElse("none fits"));
            if (choice.isPresent()) {
                String taskId = choice.get().taskId();
                call.saveCheckpoint(checkpoint.withTask(taskId).json());
                recent.keep(choice.get());
                return new RenderTask(taskId, Duration.ZERO);
            }
        }
        throw ProviderException.permanent(
                name(),
                Reason.NOT_FOUND,
                "no stock video matches '" + quoted(description) + "' (" + orientation.parameter() + ", at least "
                        + size + "; searched "
                        + String.join(
                                " / ",
                                searched.stream()
                                        .map(query -> "'" + quoted(query) + "'")
                                        .toList()) + ")");
    }

    /**
     * Downloads the chosen clip, with fresh links from {@code GET /videos/videos/{id}} unless this
     * JVM chose it within the hour. Never pending: done, or failed when the video or its file is
     * gone from Pexels (retryable: the job's checkpoint then lets go of it, so the next submit
     * chooses another).
     *
     * @throws ProviderException (retryable) when the lookup or the download fails: the next poll
     *     looks the video up for fresh links; {@link Reason#INVALID_REQUEST} (permanent) for a task
     *     id this adapter did not make
     */
    @Override
    public RenderProgress poll(String taskId, ProviderCall call) {
        ClipTask task = ClipTask.parse(taskId)
                .orElseThrow(() -> ProviderException.permanent(
                        name(),
                        Reason.INVALID_REQUEST,
                        "'" + taskId + "' is not a Pexels clip's task id (<video id>:<file id>)"));
        Optional<ClipChoice> kept = recent.recent(taskId);
        ClipChoice choice;
        if (kept.isPresent()) {
            choice = kept.get();
        } else {
            StockVideo video;
            try {
                video = client.video(task.videoId());
            } catch (ProviderException e) {
                if (e.reason() == Reason.NOT_FOUND) {
                    return gone(task, call, "video_gone", "Pexels video " + task.videoId() + " is gone (HTTP 404)");
                }
                throw e;
            }
            Optional<StockVideo.VideoFile> file = video.file(task.fileId());
            if (file.isEmpty() || !file.get().usable()) {
                return gone(
                        task,
                        call,
                        "file_gone",
                        "Pexels video " + task.videoId() + " no longer offers file " + task.fileId());
            }
            choice = new ClipChoice(video, file.get());
        }
        FileMedia media;
        try {
            media = client.download(choice.video(), choice.file());
        } catch (ProviderException e) {
            recent.forget(taskId); // the link may have expired: the next poll asks for a fresh one
            throw e;
        }
        recent.forget(taskId);
        StockVideo video = choice.video();
        LOG.debug(
                "Pexels clip {} downloaded: {} bytes, {}x{}, {} ms",
                taskId,
                media.size(),
                choice.file().width(),
                choice.file().height(),
                video.durationMs());
        Usage usage = Usage.cost(BigDecimal.ZERO);
        if (video.durationMs() > 0) {
            usage = usage.withSeconds(BigDecimal.valueOf(video.durationMs(), 3));
        }
        return new RenderProgress.Done(media, video.durationMs(), usage, attribution(choice));
    }

    /**
     * Returns {@link Cancellation#ALREADY_ENDED}, sending nothing: nothing renders at Pexels, the
     * video exists already and costs nothing, so there is nothing to stop (and not {@code
     * NOT_SUPPORTED}, which would tell of a render running on, maybe billed).
     */
    @Override
    public Cancellation cancel(String taskId, ProviderCall call) {
        recent.forget(taskId);
        return Cancellation.ALREADY_ENDED;
    }

    /** The author and source of the clip, as Pexels asks them credited, and its license. */
    static Map<String, String> attribution(ClipChoice choice) {
        StockVideo video = choice.video();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (video.author() != null) {
            metadata.put("author", video.author());
            metadata.put("attribution", "Video by " + video.author() + " on Pexels");
        }
        if (video.authorUrl() != null) {
            metadata.put("author_url", video.authorUrl());
        }
        if (video.pageUrl() != null) {
            metadata.put("source_url", video.pageUrl());
        }
        metadata.put("license", LICENSE);
        metadata.put("pexels_video_id", Long.toString(video.id()));
        metadata.put("pexels_file_id", Long.toString(choice.file().id()));
        return metadata;
    }

    /** Lets go of a clip whose video is gone, so that the next submit chooses another. */
    private RenderProgress gone(ClipTask task, ProviderCall call, String code, String why) {
        recent.forget(task.id());
        call.saveCheckpoint(checkpoint(call).withGone(task.videoId()).json());
        LOG.info("{}: the clip's job chooses another video on its next attempt", why);
        return RenderProgress.failed(code, why + "; another video is chosen on the next attempt", true);
    }

    /** The job's checkpoint; one this adapter did not write is ignored, as choosing again costs nothing. */
    private ClipCheckpoint checkpoint(ProviderCall call) {
        Optional<String> saved = call.checkpoint();
        if (saved.isEmpty() || saved.get().isBlank()) {
            return ClipCheckpoint.NONE;
        }
        Optional<ClipCheckpoint> read = ClipCheckpoint.parse(saved.get());
        if (read.isEmpty()) {
            LOG.warn("The checkpoint of a Pexels clip's job is not one this adapter wrote; the clip is chosen anew");
        }
        return read.orElse(ClipCheckpoint.NONE);
    }

    private static String quoted(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "…";
    }

    @Override
    public String toString() {
        return "PexelsBroll[" + settings.baseUrl() + ", files up to " + settings.maxHeight() + "p]";
    }
}
