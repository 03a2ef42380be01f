package io.acog.providers.runway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * How long a downloaded clip runs, read from its MP4 boxes without decoding it: the {@code mvhd}
 * box of its {@code moov}, wherever that sits in the file. That the file is an MP4 at all (its
 * first box {@code ftyp}) the download has checked already ({@code ProviderHttp.downloadMp4}).
 */
final class Mp4File {

    /** A box header: a 32-bit size and a four-letter type. */
    private static final int HEADER = 8;

    private Mp4File() {}

    /**
     * Reads a clip's duration from its boxes.
     *
     * @param file the file, an MP4
     * @return how long the video runs, in milliseconds; empty when no {@code moov} with a readable
     *     {@code mvhd} is found among boxes that parse
     * @throws IOException when the file cannot be read
     */
    static OptionalLong durationMs(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (Box box = box(channel, 0, size); box != null; box = box(channel, box.end(), size)) {
                if (box.type().equals("moov")) {
                    for (Box inner = box(channel, box.body(), box.end());
                            inner != null;
                            inner = box(channel, inner.end(), box.end())) {
                        if (inner.type().equals("mvhd")) {
                            return mvhd(channel, inner);
                        }
                    }
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.empty();
        }
    }

    /**
     * A box: its type, where its body starts and where it ends.
     *
     * @param type its four-letter type
     * @param body the offset of its body
     * @param end the offset after it
     */
    private record Box(String type, long body, long end) {}

    /** The box at {@code at}, or null when none fits before {@code limit}. */
    private static Box box(FileChannel channel, long at, long limit) throws IOException {
        if (at + HEADER > limit) {
            return null;
        }
        byte[] header = bytes(channel, at, HEADER);
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt());
        String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        long body = at + HEADER;
        if (size == 1) { // a 64-bit size follows the type
            if (at + HEADER + 8 > limit) {
                return null;
            }
            size = ByteBuffer.wrap(bytes(channel, at + HEADER, 8)).getLong();
            body += 8;
        } else if (size == 0) { // the box runs to the end
            size = limit - at;
        }
        if (size < body - at || at + size > limit) {
            return null;
        }
        return new Box(type, body, at + size);
    }

    /** The duration of an {@code mvhd} box: its time scale and duration, in a version 0 or 1 layout. */
    private static OptionalLong mvhd(FileChannel channel, Box mvhd) throws IOException {
        if (mvhd.body() + 4 > mvhd.end()) {
            return OptionalLong.empty();
        }
        int version = bytes(channel, mvhd.body(), 1)[0];
        int fields = version == 1 ? 4 + 8 + 8 + 4 + 8 : 4 + 4 + 4 + 4 + 4;
        if (mvhd.body() + fields > mvhd.end()) {
            return OptionalLong.empty();
        }
        ByteBuffer box = ByteBuffer.wrap(bytes(channel, mvhd.body(), fields));
        long timescale;
        long duration;
        if (version == 1) {
            box.position(4 + 8 + 8);
            timescale = Integer.toUnsignedLong(box.getInt());
            duration = box.getLong();
        } else {
            box.position(4 + 4 + 4);
            timescale = Integer.toUnsignedLong(box.getInt());
            duration = Integer.toUnsignedLong(box.getInt());
        }
        if (timescale == 0 || duration < 0 || (version == 0 && duration == 0xFFFFFFFFL)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(duration * 1000.0 / timescale));
    }

    private static byte[] bytes(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[length]);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the file ends inside an MP4 box");
            }
        }
        return buffer.array();
    }
}
