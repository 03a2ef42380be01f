package io.acog.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.Media;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys local disk used to take and S3 refuses. The storage kit (acog-testkit's
 * LocalFileStorageTckTest) checks the rest of the storage contract.
 */
class LocalFileStorageTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "episodes/1/../voice.wav",
                "episodes/./voice.wav",
                "episodes//voice.wav",
                "episodes/1/",
                "a\\b.wav"
            })
    void keysThatAreNotPlainRelativePathsAreRefusedAsS3RefusesThem(String key) throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        Media untouchable = new Media() {
            @Override
            public String fileName() {
                return "voice.wav";
            }

            @Override
            public String mimeType() {
                return "audio/wav";
            }

            @Override
            public long size() {
                return 5;
            }

            @Override
            public InputStream open() {
                throw new AssertionError("the media of a refused key was opened");
            }
        };

        assertThatThrownBy(() -> storage.store(key, untouchable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'");
        try (Stream<Path> written = Files.walk(root)) {
            assertThat(written.filter(Files::isRegularFile)).as("files written").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/etc/voice.wav", "../voice.wav"})
    void blankAbsoluteAndEscapingKeysAreRefused(String key) {
        LocalFileStorage storage = new LocalFileStorage(root.resolve("assets"));

        assertThatThrownBy(() -> storage.store(key, Media.ofBytes("voice.wav", "audio/wav", new byte[5])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolve("voice.wav")).doesNotExist();
    }

    @Test
    void aPlainKeyIsAFileUnderTheRoot() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);

        var uri = storage.store(
                "episodes/1/voice.wav",
                Media.ofBytes("voice.wav", "audio/wav", "RIFF".getBytes(StandardCharsets.US_ASCII)));

        assertThat(uri).isEqualTo(root.resolve("episodes/1/voice.wav").toUri());
        assertThat(root.resolve("episodes/1/voice.wav")).hasContent("RIFF");
    }
}
