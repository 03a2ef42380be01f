package io.acog.providers.pexels;

import io.acog.providers.pexels.StockVideo.VideoFile;
import io.acog.spi.OutputFormat;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a search's videos, and which of its files, a clip takes. A video must have the frame's
 * orientation and a usable file no larger than {@code pexels.max-height}. Among those, in this
 * order: one that runs at least as long as the clip's cut (the assembler trims it) over one that
 * does not; one with a file that covers the frame's height over one without; the length closest to
 * the cut (of videos too short, the longest); then Pexels' own order, its relevance. Of the chosen
 * video's files: the smallest that covers the frame's shorter side, else the largest there is,
 * never one over the limit (a 4K file would only be scaled down).
 *
 * @param video the chosen video
 * @param file the chosen file of it
 */
record ClipChoice(StockVideo video, VideoFile file) {

    /**
     * Returns the task id that names this choice.
     *
     * @return {@code <video id>:<file id>}
     */
    String taskId() {
        return new ClipTask(video.id(), file.id()).id();
    }

    /**
     * Chooses the clip for a cut.
     *
     * @param videos the search's videos, in Pexels' order
     * @param format the episode's frame
     * @param neededMs how long the clip's cut runs, in milliseconds; 0 or less for any length
     * @param maxShortSide the largest file to take, as its shorter side
     * @param skipped videos not to take (found gone before)
     * @return the choice, or empty when no video fits
     */
    static Optional<ClipChoice> best(
            List<StockVideo> videos, OutputFormat format, long neededMs, int maxShortSide, Collection<Long> skipped) {
        Orientation orientation = Orientation.of(format);
        int frameShortSide = Math.min(format.width(), format.height());
        ClipChoice best = null;
        long[] bestRank = null;
        for (int i = 0; i < videos.size(); i++) {
            StockVideo video = videos.get(i);
            if (skipped.contains(video.id()) || !orientationFits(video, orientation)) {
                continue;
            }
            Optional<VideoFile> file = file(video, format, maxShortSide);
            if (file.isEmpty()) {
                continue;
            }
            boolean longEnough = neededMs <= 0 || video.durationMs() >= neededMs;
            boolean covers = file.get().shortSide() >= Math.min(frameShortSide, maxShortSide);
            long[] rank = {
                longEnough ? 0 : 1,
                covers ? 0 : 1,
                longEnough ? video.durationMs() - Math.max(0, neededMs) : neededMs - video.durationMs(),
                i
            };
            if (bestRank == null || compare(rank, bestRank) < 0) {
                best = new ClipChoice(video, file.get());
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Chooses the file of a video that fits the frame best: the smallest usable one whose shorter
     * side covers the frame's, else the largest usable one; none over {@code maxShortSide}, nor of
     * another orientation than the frame's.
     *
     * @param video the video
     * @param format the episode's frame
     * @param maxShortSide the largest file to take, as its shorter side
     * @return the file, or empty when the video has no usable one
     */
    static Optional<VideoFile> file(StockVideo video, OutputFormat format, int maxShortSide) {
        Orientation orientation = Orientation.of(format);
        int wanted = Math.min(Math.min(format.width(), format.height()), maxShortSide);
        List<VideoFile> usable = video.files().stream()
                .filter(VideoFile::usable)
                .filter(file -> orientation.fits(file.width(), file.height()))
                .filter(file -> file.shortSide() <= maxShortSide)
                .toList();
        Comparator<VideoFile> bySize = Comparator.comparingInt(VideoFile::shortSide)
                .thenComparingLong(file -> (long) file.width() * file.height());
        Optional<VideoFile> covering =
                usable.stream().filter(file -> file.shortSide() >= wanted).min(bySize);
        return covering.isPresent() ? covering : usable.stream().max(bySize);
    }

    /**
     * Returns the {@code size} to search with: the least size of video Pexels should return, so
     * that it has a file that covers the frame (within the limit). Pexels' sizes are {@code large}
     * (4K), {@code medium} (Full HD) and {@code small} (HD).
     *
     * @param format the episode's frame
     * @param maxShortSide the largest file to take, as its shorter side
     * @return the size parameter
     */
    static String minimumSize(OutputFormat format, int maxShortSide) {
        int wanted = Math.min(Math.min(format.width(), format.height()), maxShortSide);
        if (wanted >= 2160) {
            return "large";
        }
        return wanted >= 1080 ? "medium" : "small";
    }

    /** The video's own size decides; where it gives none, any of its files may. */
    private static boolean orientationFits(StockVideo video, Orientation orientation) {
        if (video.width() > 0 && video.height() > 0) {
            return orientation.fits(video.width(), video.height());
        }
        return true;
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int order = Long.compare(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "ClipChoice[video " + video.id() + " (" + video.durationMs() + " ms), " + file + "]";
    }
}
