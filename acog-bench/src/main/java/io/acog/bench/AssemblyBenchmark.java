package io.acog.bench;

import io.acog.core.pipeline.LocalFileStorage;
import io.acog.providers.ffmpeg.AssemblerCommands;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.spi.AssetStorage;
import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Timeline;
import io.acog.spi.Timeline.Caption;
import io.acog.spi.Timeline.Cut;
import io.acog.spi.Timeline.Source;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VideoAssembler.AssemblyRequest;
import io.acog.spi.VideoAssembler.Part;
import io.acog.spi.VideoAssembler.Video;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code acog-bench/run assembly [--seconds N] [--rounds N] [--preset P]}: the assembly of a
 * 1080p episode (3 minutes by default) — narration, an avatar video, 8 b-roll clips, 20 cuts
 * (avatar, b-roll, still cards) with captions burnt in and background music — by {@link
 * io.acog.providers.ffmpeg.FfmpegAssembler}, against the same ffmpeg command line run by hand. The
 * parts are made with ffmpeg first (not timed). The assembler's command line is read through
 * {@link AssemblerCommands}, a class in the assembler's package that reaches its package-private
 * constructor; the hand-run gets the same arguments with another output file. Three rounds by
 * default (each runs both, taking turns at going first); medians count.
 *
 * <p>Prints {@code assembly_seconds=… ffmpeg_direct_seconds=… ratio=… peak_heap_mb=…}: ratio is
 * the hand-run's time over the assembler's (target ≥ 0.95: ACOG adds little to ffmpeg), and
 * peak_heap_mb the JVM heap's peak during the assembler's runs, the heap pools' peaks summed after
 * resetting them (target ≤ 128: media never pass through the heap). A second line gives the same
 * comparison in CPU seconds (the JVM's and its ffmpeg children's), steadier than wall time on a
 * shared machine.
 */
final class AssemblyBenchmark {

    private static final int CUTS = 20;
    private static final int CLIPS = 8;
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private AssemblyBenchmark() {}

    static void run(String[] args) throws Exception {
        int seconds = Bench.intArg(args, "--seconds", 180);
        int rounds = Bench.intArg(args, "--rounds", 3);
        String preset = stringArg(args, "--preset", "veryfast");
        Path work = Files.createTempDirectory("acog-bench-assembly-");
        try {
            Ffmpeg ffmpeg = Ffmpeg.locate(ProviderConfig.fromEnvironment());
            System.err.println("making the parts of a " + seconds + " s 1080p episode with " + ffmpeg.executable()
                    + " (not timed)...");
            AssemblyRequest request = parts(ffmpeg, work, seconds * 1000L);
            Map<String, String> settings = new HashMap<>(Map.of("ffmpeg.preset", preset));
            ProviderConfig.fromEnvironment().get("ffmpeg.path").ifPresent(path -> settings.put("ffmpeg.path", path));
            List<List<String>> commands = new ArrayList<>();
            VideoAssembler assembler = AssemblerCommands.recording(ProviderConfig.of(settings), commands::add);

            double[] acog = new double[rounds];
            double[] direct = new double[rounds];
            double[] acogCpu = new double[rounds];
            double[] directCpu = new double[rounds];
            long peakHeap = 0;
            List<Video> videos = new ArrayList<>();
            List<String> render = null;
            try {
                for (int round = 0; round < rounds; round++) {
                    // the first round must start with the assembler, to learn its command line;
                    // later ones take turns at going first, so that neither always meets the
                    // machine in the same state
                    if (round % 2 == 1) {
                        double directStart = cpuSeconds();
                        direct[round] = runDirectly(ffmpeg, render, work, round);
                        directCpu[round] = cpuSeconds() - directStart;
                    }
                    System.gc();
                    resetHeapPeaks();
                    double cpu = cpuSeconds();
                    long started = System.nanoTime();
                    Video video = assembler.assemble(request, new BenchCall(new LocalFileStorage(work)));
                    acog[round] = (System.nanoTime() - started) / 1e9;
                    acogCpu[round] = cpuSeconds() - cpu;
                    peakHeap = Math.max(peakHeap, heapPeaks());
                    videos.add(video); // kept open: the render's scripts live as long as its media
                    System.err.printf(
                            Locale.ROOT,
                            "round %d: assembler %.1f s (%s)%n",
                            round + 1,
                            acog[round],
                            describe(ffmpeg, video.video(), work));
                    if (render == null) {
                        render = new ArrayList<>(commands.get(0)); // the render; the thumbnail comes next
                    }
                    if (round % 2 == 0) {
                        double directStart = cpuSeconds();
                        direct[round] = runDirectly(ffmpeg, render, work, round);
                        directCpu[round] = cpuSeconds() - directStart;
                    }
                }
            } finally {
                videos.forEach(AssemblyBenchmark::close);
            }
            double assemblySeconds = median(acog);
            double directSeconds = median(direct);
            System.out.printf(
                    Locale.ROOT,
                    "assembly_seconds=%.1f ffmpeg_direct_seconds=%.1f ratio=%.3f peak_heap_mb=%.1f%n",
                    assemblySeconds,
                    directSeconds,
                    directSeconds / assemblySeconds,
                    peakHeap / (1024.0 * 1024.0));
            // CPU time is steadier than wall time on a shared machine: the same figures in it
            System.out.printf(
                    Locale.ROOT,
                    "assembly_cpu_seconds=%.1f ffmpeg_direct_cpu_seconds=%.1f cpu_ratio=%.3f%n",
                    median(acogCpu),
                    median(directCpu),
                    median(directCpu) / median(acogCpu));
        } finally {
            delete(work);
        }
    }

    /**
     * The parts of an episode of {@code durationMs}: a narration, an avatar video covering its
     * windows back to back, {@value #CLIPS} b-roll clips (each a little shorter than its cut, so the
     * last frame is held), background music, and a timeline of {@value #CUTS} cuts — avatar, b-roll,
     * avatar, b-roll, still — with a caption every 3 s.
     */
    private static AssemblyRequest parts(Ffmpeg ffmpeg, Path work, long durationMs) {
        List<Cut> cuts = new ArrayList<>();
        long avatarMs = 0;
        int clip = 0;
        Map<Integer, Long> clipLengths = new HashMap<>();
        for (int i = 0; i < CUTS; i++) {
            long start = boundary(i, durationMs);
            long end = boundary(i + 1, durationMs);
            String words = "Segment " + (i + 1) + " of the episode, spoken over this cut";
            switch (i % 5) {
                case 0, 2 -> {
                    cuts.add(new Cut(i, Source.AVATAR, start, end, -1, avatarMs, words));
                    avatarMs += end - start;
                }
                case 1, 3 -> {
                    clipLengths.put(clip, Math.max(1000, end - start - 1000));
                    cuts.add(new Cut(i, Source.BROLL, start, end, clip++, 0, words));
                }
                default -> cuts.add(new Cut(i, Source.STILL, start, end, -1, 0, words));
            }
        }
        List<Caption> captions = new ArrayList<>();
        for (long at = 0; at + 3000 <= durationMs; at += 3000) {
            captions.add(new Caption(at + 100, at + 2900, "Caption at " + at / 1000 + " seconds, a few words long"));
        }
        Path narration = work.resolve("narration.wav");
        make(
                ffmpeg,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=220:beep_factor=3:sample_rate=48000:duration=" + seconds(durationMs),
                narration.toString());
        Path music = work.resolve("music.wav");
        make(ffmpeg, "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000:duration=20", music.toString());
        Path avatar = testVideo(ffmpeg, work.resolve("avatar.mp4"), avatarMs + 1000, "null");
        Map<Integer, Part> clips = new HashMap<>();
        for (Map.Entry<Integer, Long> entry : clipLengths.entrySet()) {
            Path file = testVideo(
                    ffmpeg,
                    work.resolve("clip-" + entry.getKey() + ".mp4"),
                    entry.getValue(),
                    "hue=h=" + 45 * entry.getKey());
            clips.put(entry.getKey(), new Part(file.toUri(), entry.getValue()));
        }
        return new AssemblyRequest(
                new ChannelBrief("Bench", "benchmarks", Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                "What a three-minute episode costs to assemble",
                new Timeline(durationMs, cuts, captions),
                OutputFormat.LANDSCAPE,
                narration.toUri(),
                new Part(avatar.toUri(), avatarMs + 1000),
                clips,
                music.toUri(),
                true);
    }

    /** Where cut {@code i} starts: evenly spaced, give or take up to 1.4 s, the ends fixed. */
    private static long boundary(int i, long durationMs) {
        long even = i * durationMs / CUTS;
        return i == 0 || i == CUTS ? even : even + ((i * 7919L) % 5 - 2) * 700;
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** A 1080p H.264 test pattern of {@code ms}, through {@code filter}. */
    private static Path testVideo(Ffmpeg ffmpeg, Path file, long ms, String filter) {
        make(
                ffmpeg,
                "-f",
                "lavfi",
                "-i",
                "testsrc2=s=1920x1080:r=30:d=" + seconds(ms),
                "-vf",
                filter,
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-crf",
                "28",
                "-pix_fmt",
                "yuv420p",
                file.toString());
        return file;
    }

    private static void make(Ffmpeg ffmpeg, String... arguments) {
        List<String> list = new ArrayList<>(Arrays.asList(arguments));
        list.add(list.size() - 1, "-y");
        ffmpeg.run(list, TIMEOUT, null);
    }

    /**
     * Runs the assembler's render as a person would, in ffmpeg's own process, writing another file;
     * returns the seconds it took.
     */
    private static double runDirectly(Ffmpeg ffmpeg, List<String> render, Path work, int round)
            throws IOException, InterruptedException {
        Path handMade = work.resolve("direct.mp4");
        List<String> command = new ArrayList<>(List.of(ffmpeg.executable().toString(), "-hide_banner", "-nostdin"));
        command.addAll(render.subList(0, render.size() - 1));
        command.add(handMade.toString());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("ffmpeg by hand exited with " + exit + ": " + String.join(" ", command));
        }
        System.err.printf(
                Locale.ROOT,
                "round %d: ffmpeg by hand %.1f s (%s)%n",
                round + 1,
                seconds,
                MediaProbe.probe(ffmpeg, handMade).probeLine());
        return seconds;
    }

    /**
     * CPU seconds used so far by this JVM and by the child processes it has waited for (ffmpeg's
     * runs; Linux {@code /proc/self/stat}, elsewhere the JVM's alone).
     */
    private static double cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 0, cutime field 13, cstime field 14, in 1/100 s
            return jvm + (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return jvm;
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeaks() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String describe(Ffmpeg ffmpeg, Media media, Path work) throws IOException {
        Path copy = work.resolve("acog.mp4");
        try (InputStream in = media.open()) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return MediaProbe.probe(ffmpeg, copy).probeLine();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void close(Video video) {
        for (Media media : Arrays.asList(video.video(), video.thumbnail(), video.captions())) {
            if (media instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("could not close " + media + ": " + e);
                }
            }
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The assembly stage's call: its parts are local files in the benchmark's directory, read where
     * they are through a {@link LocalFileStorage} of it.
     */
    private static final class BenchCall implements ProviderCall {

        private final UUID episode = UUID.randomUUID();
        private final AssetStorage storage;
        private volatile int reported = -1;

        BenchCall(AssetStorage storage) {
            this.storage = storage;
        }

        @Override
        public UUID episodeId() {
            return episode;
        }

        @Override
        public String stage() {
            return "assembly";
        }

        @Override
        public String idempotencyKey() {
            return "bench-" + episode;
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public AssetStorage storage() {
            return storage;
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.empty();
        }

        @Override
        public void saveCheckpoint(String checkpoint) {}

        @Override
        public void progress(double fractionDone) {
            int tenth = (int) (fractionDone * 10);
            if (tenth > reported) {
                reported = tenth;
                System.err.printf(Locale.ROOT, "  assembled %d%%%n", tenth * 10);
            }
        }
    }
}
