package io.acog.providers.ffmpeg;

import io.acog.spi.OutputFormat;
import io.acog.spi.Timeline;
import io.acog.spi.VideoAssembler.AssemblyRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one ffmpeg run that cuts an episode: its inputs, its filter graph and its output options.
 *
 * <p>Video: each {@linkplain Shots shot} becomes a stream of exactly its frames, scaled and cropped
 * to fill the frame at the output's rate — a window of the avatar video (one decoder, split), a
 * b-roll clip from its start (its last frame held if it is shorter than its cut), or a still card
 * with the segment's words (or the title) over the channel's background, slowly zooming; the shots
 * are chained with short crossfades; the captions are burnt in last. Audio: the narration, cut or
 * padded to the timeline's length, with the looped music ducked under it by a sidechain compressor,
 * normalised to YouTube's loudness (-14 LUFS, -1.5 dBTP). Out: H.264 + AAC in MP4, moov first.
 */
final class AssemblyGraph {

    /** How far a still card zooms in over its shot. */
    private static final double STILL_ZOOM = 0.06;

    private static final String AUDIO_FORMAT = "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo";

    private final AssemblyRequest request;
    private final Sources sources;
    private final ChannelStyle style;
    private final TextCard text;
    private final OutputFormat format;
    private final int fps;
    private final List<String> chains = new ArrayList<>();
    private final Map<Sources.Source, Integer> inputs = new LinkedHashMap<>();

    private AssemblyGraph(AssemblyRequest request, Sources sources, ChannelStyle style, TextCard text) {
        this.request = request;
        this.sources = sources;
        this.style = style;
        this.text = text;
        this.format = request.format();
        this.fps = format.fps();
    }

    /**
     * The render of {@code request}.
     *
     * @param graphFile where the caller writes {@link Render#graph()}; the arguments read it
     * @param captionsFile where the caller writes {@link Render#ass()}, when there is one
     * @param output the MP4 to write
     */
    static Render build(
            AssemblyRequest request,
            Sources sources,
            ChannelStyle style,
            TextCard text,
            Settings settings,
            Path graphFile,
            Path captionsFile,
            Path output) {
        AssemblyGraph graph = new AssemblyGraph(request, sources, style, text);
        String ass = request.burnCaptions() && !request.timeline().captions().isEmpty()
                ? Captions.ass(request.timeline().captions(), graph.format, style, text.family())
                : null;
        graph.input(sources.narration());
        String video = graph.video(ass == null ? null : captionsFile);
        String audio = graph.audio();
        List<String> arguments = new ArrayList<>();
        graph.inputs.keySet().forEach(source -> {
            if (source == sources.music()) {
                arguments.addAll(List.of("-stream_loop", "-1")); // the music repeats until the voice ends
            }
            arguments.addAll(List.of("-i", source.path().toAbsolutePath().toString()));
        });
        arguments.addAll(
                List.of("-filter_complex_script", graphFile.toAbsolutePath().toString()));
        arguments.addAll(List.of("-map", "[" + video + "]", "-map", "[" + audio + "]"));
        arguments.addAll(List.of(
                "-c:v",
                "libx264",
                "-preset",
                settings.preset(),
                "-crf",
                Integer.toString(settings.crf()),
                "-pix_fmt",
                "yuv420p"));
        arguments.addAll(List.of("-c:a", "aac", "-b:a", "192k", "-ar", "48000"));
        arguments.addAll(
                List.of("-movflags", "+faststart", "-y", output.toAbsolutePath().toString()));
        return new Render(List.copyOf(arguments), String.join(";\n", graph.chains) + "\n", ass);
    }

    /**
     * What to run and the scripts it reads.
     *
     * @param arguments ffmpeg's arguments
     * @param graph the filter graph, for {@code -filter_complex_script}
     * @param ass the captions to burn in, as an ASS script; null when none are
     */
    record Render(List<String> arguments, String graph, String ass) {}

    private int input(Sources.Source source) {
        return inputs.computeIfAbsent(source, key -> inputs.size());
    }

    /** The video chains; returns the label of the finished picture. */
    private String video(Path captionsFile) {
        List<Shots.Shot> shots = Shots.of(request.timeline(), fps);
        List<String> avatarWindows = splitAvatar(shots);
        int window = 0;
        for (int i = 0; i < shots.size(); i++) {
            Shots.Shot shot = shots.get(i);
            String source = switch (shot.cut().source()) {
                case AVATAR ->
                    "[" + avatarWindows.get(window++) + "]trim=start="
                            + FilterText.millis(shot.cut().sourceOffsetMs()) + ":end="
                            + FilterText.seconds(
                                    shot.cut().sourceOffsetMs() / 1000.0 + seconds(shot.streamFrames() + 1))
                            + ",setpts=PTS-STARTPTS," + fill();
                case BROLL ->
                    "[" + input(sources.clips().get(shot.cut().clipIndex()))
                            + ":v]setpts=PTS-STARTPTS,trim=end=" + FilterText.seconds(seconds(shot.streamFrames() + 1))
                            + "," + fill();
                case STILL -> still(shot);
            };
            // exactly the shot's frames: a source that runs short holds its last frame
            chains.add(source + ",tpad=stop_mode=clone:stop=" + shot.streamFrames() + ",trim=end_frame="
                    + shot.streamFrames() + ",setpts=PTS-STARTPTS[shot" + i + "]");
        }
        String picture = "shot0";
        for (int i = 1; i < shots.size(); i++) {
            Shots.Shot before = shots.get(i - 1);
            String faded = "faded" + i;
            chains.add("[" + picture + "][shot" + i + "]xfade=transition=fade:duration="
                    + FilterText.seconds(seconds(before.fadeFrames())) + ":offset="
                    + FilterText.seconds(seconds(shots.get(i).startFrame())) + "[" + faded + "]");
            picture = faded;
        }
        if (captionsFile != null) {
            chains.add("[" + picture + "]ass=filename=" + FilterText.value(captionsFile) + ":fontsdir="
                    + FilterText.value(text.fontFile().toAbsolutePath().getParent()) + "[captioned]");
            picture = "captioned";
        }
        return picture;
    }

    /** One label per avatar shot, each a copy of the avatar video from its start. */
    private List<String> splitAvatar(List<Shots.Shot> shots) {
        long windows = shots.stream()
                .filter(shot -> shot.cut().source() == Timeline.Source.AVATAR)
                .count();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            labels.add("avatar" + i);
        }
        if (windows > 0) {
            chains.add("[" + input(sources.avatar()) + ":v]setpts=PTS-STARTPTS,split=" + windows + "["
                    + String.join("][", labels) + "]");
        }
        return labels;
    }

    /** Scales and crops a picture to fill the frame, at the output's rate and pixel format. */
    private String fill() {
        int width = format.width();
        int height = format.height();
        return "scale=" + width + ":" + height + ":force_original_aspect_ratio=increase,crop=" + width + ":" + height
                + ",setsar=1,fps=" + fps + ",format=yuv420p";
    }

    /**
     * A card in the channel's colours with the segment's words, or the title when it speaks none:
     * drawn once on one frame, which zoompan turns into the shot's frames, zooming in slowly.
     */
    private String still(Shots.Shot shot) {
        int width = format.width();
        int height = format.height();
        int shorter = Math.min(width, height);
        String words =
                shot.cut().text().isBlank() ? request.title() : shot.cut().text();
        TextCard.Layout layout =
                text.layout(words, (int) (width * 0.84), (int) (height * 0.6), (int) Math.round(shorter * 0.075), (int)
                        Math.round(shorter * 0.035));
        int centerY = height / 2;
        StringBuilder card = new StringBuilder("color=c=")
                .append(style.background().ffmpeg())
                .append(":s=")
                .append(width)
                .append('x')
                .append(height)
                .append(":r=")
                .append(fps)
                .append(",trim=end_frame=1,format=yuv420p");
        if (!layout.lines().isEmpty()) {
            int barWidth = (int) (width * 0.12);
            int barHeight = Math.max(2, (int) (shorter * 0.008));
            card.append(',')
                    .append(text.draw(layout, style.text(), width, centerY))
                    .append(",drawbox=x=")
                    .append((width - barWidth) / 2)
                    .append(":y=")
                    .append(centerY + layout.height() / 2 + layout.fontSize() / 2)
                    .append(":w=")
                    .append(barWidth)
                    .append(":h=")
                    .append(barHeight)
                    .append(":color=")
                    .append(style.accent().ffmpeg())
                    .append(":t=fill");
        }
        String zoom = "1+" + FilterText.number(STILL_ZOOM) + "*on/" + shot.streamFrames();
        return card.append(",zoompan=z=")
                .append(FilterText.value(zoom))
                .append(":x=")
                .append(FilterText.value("(iw-iw/zoom)/2"))
                .append(":y=")
                .append(FilterText.value("(ih-ih/zoom)/2"))
                .append(":d=")
                .append(shot.streamFrames())
                .append(":s=")
                .append(width)
                .append('x')
                .append(height)
                .append(":fps=")
                .append(fps)
                .append(",setsar=1,format=yuv420p")
                .toString();
    }

    /** The audio chains; returns the label of the finished sound. */
    private String audio() {
        String length = FilterText.millis(request.timeline().durationMs());
        // the narration is the soundtrack, cut or padded with silence to the picture's length
        chains.add("[" + input(sources.narration()) + ":a]" + AUDIO_FORMAT + ",atrim=end=" + length + ",apad=whole_dur="
                + length + "[voice]");
        String sound = "voice";
        if (sources.music() != null) {
            chains.add("[voice]asplit=2[spoken][key]");
            chains.add("[" + input(sources.music()) + ":a]" + AUDIO_FORMAT + ",volume="
                    + FilterText.number(style.musicVolume()) + ",atrim=end=" + length + "[bed]");
            // the music dips while the voice speaks and comes back in the pauses
            chains.add("[bed][key]sidechaincompress=threshold=0.02:ratio=10:attack=20:release=400[ducked]");
            chains.add("[spoken][ducked]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[mixed]");
            sound = "mixed";
        }
        chains.add("[" + sound + "]loudnorm=I=-14:TP=-1.5:LRA=11," + AUDIO_FORMAT + "[sound]");
        return "sound";
    }

    private double seconds(long frames) {
        return (double) frames / fps;
    }
}
