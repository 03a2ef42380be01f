package io.acog.providers.synthesia;

import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The episode's narration, copied from the pipeline's storage into a temporary file to be uploaded
 * as Synthesia's script audio: its length is known before the upload starts, and its first bytes
 * tell whether it is MP3, the one format Synthesia documents for script audio. Closing deletes the
 * file. Not shared between threads.
 */
final class ScriptAudio implements AutoCloseable {

    /** The MIME type Synthesia's script audio upload takes. */
    static final String MP3 = "audio/mpeg";

    private static final Logger LOG = LoggerFactory.getLogger(ScriptAudio.class);

    private static final int SNIFFED = 12;

    private final Path file;
    private final long size;

    private ScriptAudio(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /**
     * Copies the stored narration into a temporary file and checks that it is MP3.
     *
     * @param storage the pipeline's storage
     * @param audio the narration's URI in it
     * @return the copy; close it to delete it
     * @throws ProviderException retryable ({@link Reason#UNAVAILABLE}) when the storage cannot be
     *     read; permanent ({@link Reason#INVALID_REQUEST}) when the audio is empty or not MP3
     */
    static ScriptAudio copy(AssetStorage storage, URI audio) {
        Path file;
        try {
            file = Files.createTempFile("acog-synthesia-", ".mp3");
        } catch (IOException e) {
            throw new ProviderException(
                    SynthesiaSettings.NAME,
                    Reason.UNAVAILABLE,
                    true,
                    "cannot make a temporary file for the episode's audio: " + e.getMessage(),
                    null,
                    e);
        }
        try {
            try (InputStream in = storage.open(audio)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFFED);
            }
            requireMp3(head, audio);
            return new ScriptAudio(file, size);
        } catch (IOException e) {
            delete(file);
            throw new ProviderException(
                    SynthesiaSettings.NAME,
                    Reason.UNAVAILABLE,
                    true,
                    "the episode's audio cannot be read from the " + storage.name() + " storage: " + e.getMessage(),
                    null,
                    e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /**
     * Returns the copy.
     *
     * @return the temporary file
     */
    Path file() {
        return file;
    }

    /**
     * Returns the audio's size.
     *
     * @return the size in bytes
     */
    long size() {
        return size;
    }

    @Override
    public void close() {
        delete(file);
    }

    /**
     * Checks that the audio's first bytes open an MP3 stream: an ID3v2 tag, or an MPEG audio frame
     * header (Layers I to III; AAC's ADTS header shares the sync bits but has layer 0).
     */
    static void requireMp3(byte[] head, URI audio) {
        String name = fileName(audio);
        if (head.length == 0) {
            throw ProviderException.permanent(
                    SynthesiaSettings.NAME, Reason.INVALID_REQUEST, "the episode's audio " + name + " is empty");
        }
        if (startsWith(head, "ID3")) {
            return;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && ((head[1] >> 1) & 0x03) != 0) {
            return;
        }
        String format =
                startsWith(head, "RIFF") && head.length >= 12 && startsWith(Arrays.copyOfRange(head, 8, 12), "WAVE")
                        ? "WAV"
                        : startsWith(head, "OggS") ? "Ogg" : startsWith(head, "fLaC") ? "FLAC" : "not MP3";
        throw ProviderException.permanent(
                SynthesiaSettings.NAME,
                Reason.INVALID_REQUEST,
                "the episode's audio " + name + " is " + (format.startsWith("not") ? format : format + ", not MP3")
                        + ", but Synthesia takes script audio as MP3 only; have the voice provider speak MP3 (for"
                        + " ElevenLabs, an mp3_ elevenlabs.output-format such as mp3_44100_128, its default)");
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= expected.length
                && Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length);
    }

    private static String fileName(URI audio) {
        String path = audio.getPath() == null ? "" : audio.getPath();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary copy {} of an episode's audio: {}", file, e.toString());
        }
    }
}
