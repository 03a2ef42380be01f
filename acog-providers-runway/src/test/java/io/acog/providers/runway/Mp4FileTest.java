package io.acog.providers.runway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A downloaded clip's length read from its boxes. A file that is not an MP4 never gets here: the
 * download refuses it (acog-providers-http's {@code ProviderHttpDownloadTest}).
 */
class Mp4FileTest {

    @TempDir
    Path dir;

    @Test
    void theDurationComesFromTheMoviesHeader() throws IOException {
        assertThat(Mp4File.durationMs(write(FakeRunway.mp4(5_040, false)))).hasValue(5_040);
    }

    @Test
    void aMovieHeaderAfterTheMediaDataIsFoundToo() throws IOException {
        assertThat(Mp4File.durationMs(write(FakeRunway.mp4(8_000, true)))).hasValue(8_000);
    }

    @Test
    void aVersion1HeaderWith64BitTimesIsRead() throws IOException {
        ByteBuffer mvhd = ByteBuffer.allocate(8 + 112);
        mvhd.putInt(8 + 112).put("mvhd".getBytes(StandardCharsets.ISO_8859_1));
        mvhd.putInt(0x01000000); // version 1
        mvhd.putLong(0).putLong(0); // created, modified
        mvhd.putInt(90_000).putLong(900_000L); // time scale, duration: 10 s
        byte[] moov = FakeRunway.box("moov", mvhd.array());
        byte[] ftyp = FakeRunway.box("ftyp", "isom\0\0\2\0isom".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(Mp4File.durationMs(write(concat(ftyp, moov)))).hasValue(10_000);
    }

    @Test
    void anMp4WithoutAMovieHeaderHasNoKnownDuration() throws IOException {
        byte[] ftyp = FakeRunway.box("ftyp", "isom\0\0\2\0isom".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(Mp4File.durationMs(write(concat(ftyp, FakeRunway.box("mdat", new byte[64])))))
                .isEmpty();
    }

    @Test
    void boxesThatDoNotParseLeaveTheDurationUnknown() throws IOException {
        Path html = write("<html><body>Access denied</body></html>".getBytes(StandardCharsets.UTF_8));
        Path empty = write(new byte[0]);
        byte[] ftyp = FakeRunway.box("ftyp", "isom\0\0\2\0isom".getBytes(StandardCharsets.ISO_8859_1));
        byte[] cut = FakeRunway.box("moov", new byte[64]);
        Path truncated = write(concat(ftyp, Arrays.copyOf(cut, 40)));

        assertThat(Mp4File.durationMs(html)).isEmpty();
        assertThat(Mp4File.durationMs(empty)).isEmpty();
        assertThat(Mp4File.durationMs(truncated)).isEmpty();
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "clip", ".mp4"), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
