package io.acog.providers.elevenlabs;

import io.acog.spi.FileMedia;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The speech's audio file, written part by part as ElevenLabs answers, in a temporary file: MP3
 * parts are concatenated frame to frame (an ID3 tag at a part's start is left out, as a tag in the
 * middle of a stream is noise to a decoder), PCM parts are concatenated and the whole wrapped in a
 * WAV header. Not thread-safe: one per call. Closing it before {@link #finish(String)} deletes the file.
 */
final class StitchedAudio implements AutoCloseable {

    private static final int WAV_HEADER = 44;

    private final AudioEncoding encoding;
    private final Path file;
    private final OutputStream out;
    private long dataBytes;
    private Part part;
    private boolean finished;

    private StitchedAudio(AudioEncoding encoding, Path file, OutputStream out) {
        this.encoding = encoding;
        this.file = file;
        this.out = out;
    }

    /**
     * Starts a temporary file for the audio.
     *
     * @param encoding the parts' encoding
     * @return the file, empty
     * @throws IOException when the temporary file cannot be made
     */
    static StitchedAudio create(AudioEncoding encoding) throws IOException {
        Path file = Files.createTempFile("acog-elevenlabs-", "." + encoding.extension());
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
            if (encoding.pcm()) {
                out.write(new byte[WAV_HEADER]); // written for real once the length is known
            }
            return new StitchedAudio(encoding, file, out);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Starts the next part: the audio of one request, decoded, is written to the returned stream.
     *
     * @return where the part's bytes go; closing it does nothing
     */
    OutputStream nextPart() {
        part = new Part(!encoding.pcm());
        return part;
    }

    /**
     * Returns how many bytes of audio the current part held, tags left out.
     *
     * @return the part's audio bytes
     * @throws UncheckedIOException when its last bytes cannot be written
     */
    long endPart() {
        part.end();
        dataBytes += part.written;
        return part.written;
    }

    /**
     * Finishes the file: after this, closing leaves it to the returned media.
     *
     * @param name the file name without extension, e.g. {@code "voice"}
     * @return the media, deleting the file when closed
     * @throws IOException when the file cannot be written
     */
    FileMedia finish(String name) throws IOException {
        out.close();
        if (encoding.pcm()) {
            writeWavHeader();
        }
        finished = true;
        return FileMedia.temporary(file, name + "." + encoding.extension(), encoding.mimeType());
    }

    /** Deletes the file unless {@link #finish} handed it on. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private void writeWavHeader() throws IOException {
        if (dataBytes > 0xFFFF_FFFFL - (WAV_HEADER - 8)) {
            throw new IOException("the speech is " + dataBytes + " bytes of PCM, more than a WAV file holds");
        }
        ByteBuffer header = ByteBuffer.allocate(WAV_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'R', 'I', 'F', 'F'})
                .putInt((int) (dataBytes + WAV_HEADER - 8))
                .put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '})
                .putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(encoding.sampleRate())
                .putInt(encoding.bytesPerSecond())
                .putShort((short) 2) // bytes a sample frame
                .putShort((short) 16) // bits a sample
                .put(new byte[] {'d', 'a', 't', 'a'})
                .putInt((int) dataBytes)
                .flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
        }
    }

    /** One part's bytes on their way into the file, a leading ID3v2 tag skipped. */
    private final class Part extends OutputStream {

        private static final int TAG_HEADER = 10;

        private final byte[] head = new byte[TAG_HEADER];
        private int headLength;
        private boolean headDecided;
        private long skip;
        private long written;

        Part(boolean skipTag) {
            headDecided = !skipTag;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int at = offset;
            int left = length;
            while (left > 0) {
                if (!headDecided) {
                    int n = Math.min(left, TAG_HEADER - headLength);
                    System.arraycopy(bytes, at, head, headLength, n);
                    headLength += n;
                    at += n;
                    left -= n;
                    if (headLength == TAG_HEADER) {
                        decideHead();
                    }
                } else if (skip > 0) {
                    int n = (int) Math.min(skip, left);
                    skip -= n;
                    at += n;
                    left -= n;
                } else {
                    copy(bytes, at, left);
                    written += left;
                    left = 0;
                }
            }
        }

        /** A part shorter than a tag's header is audio (or nothing). */
        void end() {
            if (!headDecided && headLength > 0) {
                pass(headLength);
            }
            headDecided = true;
        }

        private void decideHead() {
            headDecided = true;
            boolean tag = head[0] == 'I'
                    && head[1] == 'D'
                    && head[2] == '3'
                    && (head[6] & 0x80) == 0
                    && (head[7] & 0x80) == 0
                    && (head[8] & 0x80) == 0
                    && (head[9] & 0x80) == 0;
            if (tag) {
                // a syncsafe size: 7 bits a byte; a footer (flag 0x10) adds another 10 bytes
                skip = ((long) (head[6] & 0x7F) << 21)
                        | ((head[7] & 0x7F) << 14)
                        | ((head[8] & 0x7F) << 7)
                        | (head[9] & 0x7F);
                if ((head[5] & 0x10) != 0) {
                    skip += TAG_HEADER;
                }
            } else {
                pass(TAG_HEADER);
            }
        }

        private void pass(int length) {
            copy(head, 0, length);
            written += length;
        }

        /**
         * Writes to the file; a failure there is the machine's (a full disk), not the connection's,
         * so it is not an {@link IOException} the reader would take for a broken answer.
         */
        private void copy(byte[] bytes, int offset, int length) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the speech to " + file, e);
            }
        }

        @Override
        public void close() {
            // the file stays open for the next part
        }
    }
}
