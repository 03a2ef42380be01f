package io.acog.providers.ffmpeg;

import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Timeline;
import io.acog.spi.Usage;
import io.acog.spi.VideoAssembler;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code assembly} stage on ffmpeg: cuts an episode's narration, avatar video, b-roll clips and
 * still cards into the final MP4 along its {@link Timeline}, in one ffmpeg run, and makes its
 * thumbnail and SRT captions. Its name is {@code "ffmpeg"}.
 *
 * <p>The video: each cut shows a window of the avatar video, a b-roll clip from its start (its
 * last frame held if the clip is shorter than the cut), or a still card — the segment's words, or
 * the title when it speaks none, on the channel's background, slowly zooming in; cuts of no length
 * are skipped; consecutive shots crossfade for {@value Shots#CROSSFADE_MS} ms, the outgoing shot
 * running on under the fade, so every shot starts on its words and the video is as long as the
 * narration to the frame. Every picture is scaled and cropped to fill the {@linkplain
 * AssemblyRequest#format() format} at its frame rate. When the request says so, the timeline's
 * captions are burnt in (lower in a landscape frame, higher in a portrait one, clear of the Shorts
 * player's buttons). The sound is the narration, with the background music, if any, looped and
 * ducked under the voice, normalised to YouTube's loudness (-14 LUFS integrated, -1.5 dBTP). Out
 * comes H.264 (yuv420p) and AAC (192 kb/s, 48 kHz) in an MP4 whose index comes first ({@code
 * +faststart}), with a 1280×720 PNG thumbnail (a frame of the first avatar or b-roll shot with the
 * title drawn large) and the captions as SRT. Text is drawn with the font of {@link Fonts}, so a
 * machine without fonts renders the same.
 *
 * <p>Settings ({@link ProviderConfig}; environment {@code ACOG_FFMPEG_…}):
 *
 * <ul>
 *   <li>{@code ffmpeg.path}, {@code ffmpeg.font}: the binary and the font ({@link Ffmpeg}, {@link
 *       Fonts});
 *   <li>{@code ffmpeg.preset}: libx264's preset, default {@code veryfast};
 *   <li>{@code ffmpeg.crf}: libx264's quality, 0 to 51, default 20 (lower is better and bigger);
 *   <li>{@code ffmpeg.timeout}: how long one ffmpeg run may take before it is stopped, in seconds or
 *       ISO-8601, default {@code PT30M};
 *   <li>{@code ffmpeg.temp-dir}: where each assembly's temporary directory goes, default {@code
 *       java.io.tmpdir}; it needs room for the video and for copies of inputs not on local disk.
 * </ul>
 *
 * <p>Keys of the channel's {@code style_guide} it reads (colours as {@code "#RRGGBB"}):
 *
 * <ul>
 *   <li>{@code background_color}: still cards' background, default {@code #101820};
 *   <li>{@code text_color}: the words of still cards and the thumbnail's title, default white;
 *   <li>{@code accent_color}: the bar under a still card's words and the thumbnail's band, default
 *       {@code #FFB000};
 *   <li>{@code caption_color}, {@code caption_outline_color}: burnt-in captions' letters and their
 *       outline, default white on black;
 *   <li>{@code caption_size}: the captions' letter height in percent of the frame's shorter side,
 *       2 to 15, default 5.5 (59 px in 1920×1080 and in 1080×1920);
 *   <li>{@code music_volume}: the background music's level under the voice, 0 to 1, default 0.2.
 * </ul>
 *
 * <p>Inputs are read from {@link ProviderCall#storage()}: a {@code file:} URI of an existing file
 * is given to ffmpeg as it is; anything else is streamed to a file in the assembly's temporary
 * directory first (never held in memory). The returned {@link VideoAssembler.Video}'s media are
 * backed by files of that directory and are {@link AutoCloseable}: closing one deletes its file,
 * and closing the last deletes the directory. Close them once stored; media never closed leave
 * their files behind.
 *
 * <p>Failures: ffmpeg failing on the parts is a permanent {@link Reason#INVALID_REQUEST} naming the
 * part at fault where it can be told, with the end of ffmpeg's log; a part that cannot be read from
 * storage, a full disk or a run past the timeout is retryable; a style-guide value it cannot use is
 * permanent, naming the key. Cancelling the episode stops the run within seconds (a permanent
 * failure saying so).
 *
 * <p>Thread-safe: each call works in a directory of its own.
 */
public final class FfmpegAssembler implements VideoAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegAssembler.class);
    private static final String NAME = "ffmpeg";

    /** What the graph uses, checked once: a system ffmpeg may have been built without some. */
    private static final Set<String> FILTERS =
            Set.of("xfade", "zoompan", "tpad", "drawtext", "ass", "loudnorm", "sidechaincompress", "amix", "apad");

    private static final Set<String> ENCODERS = Set.of("libx264", "aac");

    /** How often a running assembly asks whether the episode was cancelled. */
    private static final long CANCEL_CHECK_MS = 2000;

    private final Ffmpeg ffmpeg;
    private final TextCard text;
    private final Settings settings;
    private final Consumer<List<String>> commands;

    /**
     * Finds ffmpeg and the font and reads the settings, as the class describes.
     *
     * @param config the host's settings
     * @throws IllegalStateException when no ffmpeg is found (saying how to configure one), when the
     *     one found lacks a filter or encoder the assembler uses, when the font is missing, or when
     *     a setting is out of range (naming it)
     */
    public FfmpegAssembler(ProviderConfig config) {
        this(config, arguments -> {});
    }

    /**
     * As the public constructor, and tells {@code commands} every ffmpeg command line (the
     * arguments after {@code ffmpeg}) before running it: how the benchmark runs the same command
     * by hand.
     */
    FfmpegAssembler(ProviderConfig config, Consumer<List<String>> commands) {
        this.settings = Settings.of(config);
        this.ffmpeg = Ffmpeg.locate(config);
        this.text = TextCard.of(Fonts.locate(config));
        this.commands = Objects.requireNonNull(commands, "commands");
        requireCapabilities(ffmpeg);
    }

    /**
     * Returns {@code "ffmpeg"}.
     *
     * @return the provider's name
     */
    @Override
    public String name() {
        return NAME;
    }

    /** The ffmpeg it runs. */
    Ffmpeg ffmpeg() {
        return ffmpeg;
    }

    /**
     * Cuts the video, as the class describes. Reports progress as the share of the narration
     * rendered.
     *
     * @param request the parts and the timeline
     * @param call the episode and stage it serves, and the storage to read the parts from
     * @return the video, its thumbnail and its captions (null when the timeline has none), each
     *     backed by a temporary file that closing it deletes; its length as read back from the file
     * @throws ProviderException as the class describes
     */
    @Override
    public Video assemble(AssemblyRequest request, ProviderCall call) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(call, "call");
        Timeline timeline = request.timeline();
        if (timeline.durationMs() <= 0) {
            throw invalid("the timeline is empty (its narration runs " + timeline.durationMs()
                    + " ms): there is nothing to assemble");
        }
        ChannelStyle style = ChannelStyle.of(request.channel());
        List<Shots.Shot> shots = Shots.of(timeline, request.format().fps());
        if (shots.isEmpty()) {
            throw invalid("the narration runs " + timeline.durationMs() + " ms, less than a frame at "
                    + request.format().fps() + " fps: there is nothing to show");
        }
        requireParts(request, shots);
        Workspace work;
        try {
            work = Workspace.create(settings.tempDirectory());
        } catch (IOException e) {
            throw unavailable("cannot make a temporary directory under " + settings.tempDirectory() + ": " + e);
        }
        try {
            Sources sources = fetch(request, shots, call, work);
            Path video = work.file("video.mp4");
            AssemblyGraph.Render render = AssemblyGraph.build(
                    request, sources, style, text, settings, work.file("graph.txt"), work.file("captions.ass"), video);
            write(work.file("graph.txt"), render.graph());
            if (render.ass() != null) {
                write(work.file("captions.ass"), render.ass());
            }
            long started = System.nanoTime();
            render(render.arguments(), sources, timeline, call);
            long rendered = System.nanoTime();
            Path thumbnail = thumbnail(request, shots, sources, style, work.file("thumbnail.png"));
            LOG.debug(
                    "ACOG rendered episode {} in {} ms, its thumbnail in {} ms",
                    call.episodeId(),
                    (rendered - started) / 1_000_000,
                    (System.nanoTime() - rendered) / 1_000_000);
            Path captions = null;
            if (!timeline.captions().isEmpty()) {
                captions = work.file("captions.srt");
                write(captions, Captions.srt(timeline.captions()));
            }
            MediaProbe probe = MediaProbe.probe(ffmpeg, video);
            work.deleteInputs();
            LOG.debug("ACOG assembled episode {}: {}", call.episodeId(), probe.probeLine());
            return new Video(
                    work.media(video, "video/mp4"),
                    probe.durationMs(),
                    thumbnail == null ? null : work.media(thumbnail, "image/png"),
                    captions == null ? null : work.media(captions, "application/x-subrip"),
                    Usage.none().withSeconds(BigDecimal.valueOf(Math.max(0, probe.durationMs()), 3)));
        } catch (RuntimeException | Error e) {
            work.delete();
            throw e;
        }
    }

    /** Runs the render, reporting progress, stopping it when the episode is cancelled. */
    private void render(List<String> arguments, Sources sources, Timeline timeline, ProviderCall call) {
        commands.accept(arguments);
        LOG.debug("ACOG runs ffmpeg {}", String.join(" ", arguments));
        long[] lastCancelCheck = {System.nanoTime() - CANCEL_CHECK_MS * 1_000_000}; // the first report checks
        LongConsumer progress = outMs -> {
            call.progress(Math.min(1.0, (double) outMs / timeline.durationMs()));
            long now = System.nanoTime();
            if (now - lastCancelCheck[0] >= CANCEL_CHECK_MS * 1_000_000) {
                lastCancelCheck[0] = now;
                if (call.cancelRequested()) {
                    throw ProviderException.permanent(
                            NAME, Reason.INVALID_REQUEST, "the episode was cancelled; the assembly was stopped");
                }
            }
        };
        try {
            ffmpeg.run(arguments, settings.timeout(), progress);
        } catch (FfmpegException e) {
            throw failure(e, sources);
        }
    }

    /** The thumbnail, from the first frame that can be had; null when none can. */
    private Path thumbnail(
            AssemblyRequest request, List<Shots.Shot> shots, Sources sources, ChannelStyle style, Path png) {
        List<Thumbnail.Frame> frames = new ArrayList<>(Thumbnail.frames(request, sources, shots));
        frames.add(null); // the channel's background, which always works
        FfmpegException last = null;
        for (Thumbnail.Frame frame : frames) {
            List<String> arguments = Thumbnail.arguments(frame, request.title(), style, text, png);
            commands.accept(arguments);
            try {
                ffmpeg.run(arguments, settings.timeout(), null);
                if (Files.isRegularFile(png) && Files.size(png) > 0) {
                    return png;
                }
            } catch (FfmpegException e) {
                last = e;
            } catch (IOException e) {
                throw unavailable("cannot read the thumbnail just made: " + e);
            }
        }
        LOG.warn("ACOG made no thumbnail: {}", last == null ? "ffmpeg wrote no frame" : last.getMessage());
        return null;
    }

    /** Every input as a file: a local file as it is, anything else streamed into the workspace. */
    private static Sources fetch(AssemblyRequest request, List<Shots.Shot> shots, ProviderCall call, Workspace work) {
        AssetStorage storage = call.storage();
        Sources.Source narration = source("the narration", request.audio(), false, "narration", storage, work);
        Set<Integer> clipIndexes = new TreeSet<>();
        boolean avatarShown = false;
        for (Shots.Shot shot : shots) {
            avatarShown |= shot.cut().source() == Timeline.Source.AVATAR;
            if (shot.cut().source() == Timeline.Source.BROLL) {
                clipIndexes.add(shot.cut().clipIndex());
            }
        }
        Sources.Source avatar =
                avatarShown ? source("the avatar video", request.avatar().uri(), true, "avatar", storage, work) : null;
        Map<Integer, Sources.Source> clips = new LinkedHashMap<>();
        for (int index : clipIndexes) {
            clips.put(
                    index,
                    source(
                            "b-roll clip " + index,
                            request.clips().get(index).uri(),
                            true,
                            "clip-" + index,
                            storage,
                            work));
        }
        Sources.Source music = request.music() == null
                ? null
                : source("the background music", request.music(), false, "music", storage, work);
        return new Sources(narration, avatar, clips, music);
    }

    private static Sources.Source source(
            String part, URI uri, boolean video, String name, AssetStorage storage, Workspace work) {
        Sources.Source source = new Sources.Source(part, uri, null, video);
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path local = Path.of(uri);
            if (Files.isRegularFile(local)) {
                return new Sources.Source(part, uri, local, video);
            }
        }
        Path copy = work.input(name + extension(uri));
        try (InputStream in = storage.open(uri)) {
            Files.copy(in, copy);
        } catch (IOException | RuntimeException e) {
            throw unavailable("cannot read " + source.describe() + " from the storage '" + storage.name() + "': "
                    + e.getMessage());
        }
        return new Sources.Source(part, uri, copy, video);
    }

    /** The URI path's extension, e.g. {@code .mp4}, which helps ffmpeg tell the format; else none. */
    private static String extension(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return extension.matches("\\.[a-z0-9]{1,5}") ? extension : "";
    }

    /** Checks that every cut's part is in the request, naming the first one missing. */
    private static void requireParts(AssemblyRequest request, List<Shots.Shot> shots) {
        for (Shots.Shot shot : shots) {
            Timeline.Cut cut = shot.cut();
            if (cut.source() == Timeline.Source.AVATAR && request.avatar() == null) {
                throw invalid("the cut of segment " + cut.segment() + " shows the avatar, but the request has no"
                        + " avatar video");
            }
            if (cut.source() == Timeline.Source.BROLL && !request.clips().containsKey(cut.clipIndex())) {
                throw invalid("the cut of segment " + cut.segment() + " shows b-roll clip " + cut.clipIndex()
                        + ", which the request lacks (it has clips "
                        + request.clips().keySet() + ")");
            }
        }
    }

    /**
     * A failed render as the pipeline should see it: a run stopped (timeout, interruption) is
     * retryable; ffmpeg refusing the parts is permanent, naming the part it could not use where it
     * can be told — a part its log names, else the first one that ffmpeg cannot read or that lacks
     * the stream the video needs.
     */
    private ProviderException failure(FfmpegException e, Sources sources) {
        if (e.exitCode() < 0) {
            return ProviderException.retryable(
                    NAME, Reason.TIMEOUT, "the assembly did not finish: " + e.getMessage(), null);
        }
        String culprit = null;
        for (Sources.Source source : sources.all()) {
            // ffmpeg names an input it cannot open as "PATH: what is wrong"
            String named = source.path().toAbsolutePath() + ": ";
            int at = e.getMessage().indexOf(named);
            if (at >= 0) {
                String complaint = e.getMessage()
                        .substring(at + named.length())
                        .lines()
                        .findFirst()
                        .orElse("");
                culprit = source.describe() + " is unusable: " + complaint;
                break;
            }
        }
        for (Sources.Source source : sources.all()) {
            if (culprit != null) {
                break;
            }
            culprit = unusable(source);
        }
        return invalid("cannot assemble the video"
                + (culprit == null ? " from its parts" : ": " + culprit)
                + "; " + e.getMessage());
    }

    /** Why ffmpeg cannot use {@code source}, or null when it can read it. */
    private String unusable(Sources.Source source) {
        try {
            MediaProbe probe = MediaProbe.probe(ffmpeg, source.path());
            if (source.video() ? !probe.hasVideo() : !probe.hasAudio()) {
                return source.describe() + " has no " + (source.video() ? "picture" : "sound");
            }
            return null;
        } catch (IllegalArgumentException unreadable) {
            return source.describe() + " is unusable: " + unreadable.getMessage();
        } catch (FfmpegException other) {
            return null;
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unavailable("cannot write " + file + ": " + e);
        }
    }

    private static ProviderException invalid(String message) {
        return ProviderException.permanent(NAME, Reason.INVALID_REQUEST, message);
    }

    private static ProviderException unavailable(String message) {
        return ProviderException.retryable(NAME, Reason.UNAVAILABLE, message, null);
    }

    /** Fails with what the ffmpeg found lacks: a system ffmpeg may be built without libass, say. */
    private static void requireCapabilities(Ffmpeg ffmpeg) {
        List<String> missing = new ArrayList<>();
        missing.addAll(absent(ffmpeg, "-filters", FILTERS));
        missing.addAll(absent(ffmpeg, "-encoders", ENCODERS));
        if (!missing.isEmpty()) {
            throw new IllegalStateException(ffmpeg.executable() + " (" + ffmpeg.origin() + ") lacks " + missing
                    + ", which the assembler uses; set " + Ffmpeg.PATH_SETTING + " (ACOG_FFMPEG_PATH) to a fuller"
                    + " build (ffmpeg 4.4 or later with libx264, libass and libfreetype), or unset it and take the"
                    + " PATH's ffmpeg away to use the bundled one");
        }
    }

    private static List<String> absent(Ffmpeg ffmpeg, String listing, Set<String> wanted) {
        Set<String> present = new TreeSet<>();
        for (String line : ffmpeg.log(List.of(listing), java.time.Duration.ofMinutes(1))) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length > 1) {
                present.add(columns[1]);
            }
        }
        return wanted.stream().filter(name -> !present.contains(name)).sorted().toList();
    }
}
