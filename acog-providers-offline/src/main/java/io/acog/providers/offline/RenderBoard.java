package io.acog.providers.offline;

import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.Media;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The offline renders of avatar and b-roll videos, as a provider keeps them: each pending for the
 * configured polls, then done with its video (made at the poll that finds it done, once), unless
 * a cancel stopped it first. Thread-safe.
 */
final class RenderBoard {

    private final CallLog log;
    private final int pendingPolls;
    private final Duration checkAfter;
    private final Map<String, Render> renders = new ConcurrentHashMap<>();
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    RenderBoard(CallLog log, int pendingPolls, Duration checkAfter) {
        this.log = log;
        this.pendingPolls = pendingPolls;
        this.checkAfter = checkAfter;
    }

    /** A render at the provider: how often it was polled, whether it ended, and what it delivers. */
    private static final class Render {
        final UUID episodeId;
        final String stage;
        final long millis;
        final BigDecimal perSecond;
        private final String taskId;
        private final Function<String, Media> make;
        // guarded by this
        private int polls;
        private boolean cancelled;
        private boolean ended;
        private Media media;

        Render(
                String taskId,
                UUID episodeId,
                String stage,
                long millis,
                BigDecimal perSecond,
                Function<String, Media> make) {
            this.taskId = taskId;
            this.episodeId = episodeId;
            this.stage = stage;
            this.millis = millis;
            this.perSecond = perSecond;
            this.make = make;
        }

        /**
         * The finished video, made at the first poll that finds the render done and kept for the
         * polls after it; made again only if the pipeline closed (deleted) it meanwhile.
         */
        synchronized Media media() {
            if (media == null || (media instanceof FileMedia file && !file.readable())) {
                media = make.apply(taskId);
            }
            return media;
        }
    }

    /**
     * Accepts render {@code taskId}, whose video runs {@code millis} at {@code perSecond} and is
     * made by {@code make} (given the task id) when the render is done.
     */
    RenderTask submit(
            String taskId,
            String stage,
            ProviderCall call,
            long millis,
            BigDecimal perSecond,
            Function<String, Media> make) {
        renders.put(taskId, new Render(taskId, call.episodeId(), stage, millis, perSecond, make));
        return new RenderTask(taskId, pendingPolls == 0 ? Duration.ZERO : checkAfter);
    }

    RenderProgress poll(String stage, String taskId, ProviderCall call) {
        log.record(stage, "poll", call);
        Render render = renders.get(taskId);
        if (render == null || !render.stage.equals(stage)) {
            throw ProviderException.permanent(
                    OfflineProviders.NAME, ProviderException.Reason.NOT_FOUND, "no " + stage + " render " + taskId);
        }
        synchronized (render) {
            if (render.cancelled) {
                return RenderProgress.failed("cancelled", "the render was cancelled", false);
            }
            render.polls++;
            if (render.polls <= pendingPolls) {
                return RenderProgress.pending(checkAfter, (double) render.polls / (pendingPolls + 1));
            }
            render.ended = true;
        }
        BigDecimal seconds = BigDecimal.valueOf(render.millis, 3);
        return RenderProgress.done(
                render.media(),
                render.millis,
                Usage.cost(render.perSecond.multiply(seconds).setScale(Usage.COST_SCALE, RoundingMode.HALF_UP))
                        .withSeconds(seconds));
    }

    Cancellation cancel(String stage, String taskId, ProviderCall call) {
        log.record(stage, "cancel", call);
        Render render = renders.get(taskId);
        if (render == null) {
            return Cancellation.ALREADY_ENDED; // nothing runs under that id
        }
        synchronized (render) {
            if (render.ended || render.cancelled) {
                return Cancellation.ALREADY_ENDED;
            }
            render.cancelled = true;
        }
        stopped.add(taskId);
        return Cancellation.STOPPED;
    }

    /** The renders a cancel stopped. */
    Set<String> stopped() {
        return Set.copyOf(stopped);
    }

    /** The task ids of an episode's renders, in order. */
    List<String> of(UUID episodeId) {
        return new TreeMap<>(renders)
                .entrySet().stream()
                        .filter(entry -> entry.getValue().episodeId.equals(episodeId))
                        .map(Map.Entry::getKey)
                        .toList();
    }

    int size() {
        return renders.size();
    }
}
