package io.acog.providers.ffmpeg;

import io.acog.spi.Timeline;
import io.acog.spi.VideoAssembler.AssemblyRequest;
import io.acog.spi.VideoAssembler.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The video's 1280×720 thumbnail: a frame of the first shot that films something (the avatar or a
 * b-roll clip; before captions are burnt in), scaled and cropped to fill, with the title large on a
 * dark band — or, when nothing is filmed, the title on the channel's background.
 */
final class Thumbnail {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private Thumbnail() {}

    /**
     * A frame to show: {@code atMs} into {@code source}.
     *
     * @param source the avatar video or a b-roll clip
     * @param atMs where in it
     */
    record Frame(Path source, long atMs) {}

    /**
     * The frames to try, best first: the middle of the first filmed shot, then its source's start
     * (a clip may be shorter than its cut, and seeking past its end gives no frame). Empty when no
     * shot is filmed.
     */
    static List<Frame> frames(AssemblyRequest request, Sources sources, List<Shots.Shot> shots) {
        for (Shots.Shot shot : shots) {
            Timeline.Cut cut = shot.cut();
            if (cut.source() == Timeline.Source.AVATAR) {
                Path avatar = sources.avatar().path();
                return List.of(new Frame(avatar, cut.sourceOffsetMs() + cut.lengthMs() / 2), new Frame(avatar, 0));
            }
            if (cut.source() == Timeline.Source.BROLL) {
                Part clip = request.clips().get(cut.clipIndex());
                long middle = clip.durationMs() > 0
                        ? Math.min(cut.lengthMs(), clip.durationMs()) / 2
                        : Math.min(cut.lengthMs() / 2, 1000);
                Path path = sources.clips().get(cut.clipIndex()).path();
                return List.of(new Frame(path, middle), new Frame(path, 0));
            }
        }
        return List.of();
    }

    /** ffmpeg's arguments writing the thumbnail of {@code frame} (null: the background) to {@code png}. */
    static List<String> arguments(Frame frame, String title, ChannelStyle style, TextCard text, Path png) {
        List<String> arguments = new ArrayList<>();
        if (frame == null) {
            arguments.addAll(List.of(
                    "-f", "lavfi", "-i", "color=c=" + style.background().ffmpeg() + ":s=" + WIDTH + "x" + HEIGHT));
        } else {
            arguments.addAll(List.of(
                    "-ss",
                    FilterText.millis(frame.atMs()),
                    "-i",
                    frame.source().toAbsolutePath().toString()));
        }
        StringBuilder picture = new StringBuilder("scale=" + WIDTH + ":" + HEIGHT
                + ":force_original_aspect_ratio=increase,crop=" + WIDTH + ":" + HEIGHT + ",setsar=1");
        TextCard.Layout layout = text.layout(title, (int) (WIDTH * 0.88), (int) (HEIGHT * 0.5), 96, 52);
        if (!layout.lines().isEmpty()) {
            // a dark band under the title keeps it legible over any picture; the accent edges it
            int centerY = (int) (HEIGHT * 0.62);
            int padding = layout.fontSize() / 3;
            int bandTop = Math.max(0, centerY - layout.height() / 2 - padding);
            int bandHeight = Math.min(HEIGHT - bandTop, layout.height() + 2 * padding);
            picture.append(",drawbox=x=0:y=")
                    .append(bandTop)
                    .append(":w=iw:h=")
                    .append(bandHeight)
                    .append(":color=black@0.75:t=fill")
                    .append(",drawbox=x=0:y=")
                    .append(Math.min(HEIGHT - 8, bandTop + bandHeight))
                    .append(":w=iw:h=8:color=")
                    .append(style.accent().ffmpeg())
                    .append(":t=fill,")
                    .append(text.draw(layout, style.text(), WIDTH, centerY));
        }
        arguments.addAll(List.of(
                "-vf",
                picture.toString(),
                "-frames:v",
                "1",
                "-y",
                png.toAbsolutePath().toString()));
        return arguments;
    }
}
