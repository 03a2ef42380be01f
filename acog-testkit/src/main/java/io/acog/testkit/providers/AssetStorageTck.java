package io.acog.testkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility kit every {@link AssetStorage} passes, the storage counterpart of {@link
 * ProviderTck}: extend it with your storage (and, for a remote one, a double of its backend:
 * WireMock, the JDK's HttpServer, a local server; the kit needs no mock library, only the hooks
 * below), and JUnit 5 runs its checks.
 *
 * <p>It checks that the storage
 *
 * <ul>
 *   <li>has a name;
 *   <li>gives back the bytes it stored: a small text, an empty file, and a file of {@link
 *       #largeFileSize()} bytes, of known size and of unknown size;
 *   <li>replaces: storing again under a key returns the same URI, which opens to the new bytes
 *       only (a shorter file leaves no tail of the older one);
 *   <li>keeps distinct keys apart, nested folders included;
 *   <li>fails with an {@link IOException} to open a deleted file or a key never stored, and takes
 *       a second delete of a file as no error;
 *   <li>stores all or nothing: when the media fails part-way through its reading, {@code store}
 *       throws an {@link IOException} and the key holds what it held before (nothing, or the
 *       older version), never part of the new media, as {@link AssetStorage#store} promises;
 *   <li>refuses keys that {@link AssetStorage#checkKey(String)} refuses (blank, absolute, {@code
 *       ..} traversal, doubled or trailing {@code /}, {@code \}) with an {@link
 *       IllegalArgumentException} that names the key, before it opens the media, and writes
 *       nothing where a traversal would have led;
 *   <li>gives either no {@linkplain AssetStorage#shareableUrl shareable URL}, or an HTTP(S) URL
 *       that serves the stored bytes without credentials and that no log line shows;
 *   <li>is thread-safe: several threads storing, reading and deleting distinct keys at once all
 *       find their files intact;
 *   <li>lets go of what a stream held when it is closed before its end (an HTTP storage's
 *       connection), so many partial reads leave it working; and closes every stream it opens on a
 *       media it stores, whether the store succeeds or fails;
 *   <li>when its backend fails (the optional {@link #backendFails(String)} hook), throws {@link
 *       IOException}s from {@code store}, {@code open} (or the reading of what it opened) and
 *       {@code delete}, never a {@link RuntimeException} leaking from its client;
 *   <li>keeps its secrets (by default every {@link #settings()} value whose setting's name says
 *       key, secret, token or password) out of exception messages, out of the log lines written
 *       while it works and fails, and out of its {@code toString}.
 * </ul>
 *
 * <p>The kit calls {@link #storage()} at the start of every check (and of every backend failure
 * of {@link #backendFailuresAreIOExceptions()}) and uses that storage for the whole check; give a
 * storage whose backend works. Each check puts its files under a folder of its own ({@code
 * tck-<random>/}), so a backend shared by all checks works too, though a fresh one for each is
 * simplest when {@link #backendFails(String)} breaks it. The log checks read what the SLF4J binding
 * writes to {@code System.out} and {@code System.err} (slf4j-simple does; set the storage's logger
 * to debug in its tests so its debug lines are checked too).
 *
 * <pre>{@code
 * class S3StorageTckTest extends AssetStorageTck {
 *     S3Mock s3 = ...;
 *     protected AssetStorage storage() { return new S3Storage(settings pointing at s3); }
 *     protected Map<String, String> settings() { return s3.settings(); } // its secrets
 *     protected List<String> backendFailures() { return List.of("500 InternalError", "unreachable"); }
 *     protected void backendFails(String failure) { ... }
 * }
 * }</pre>
 *
 * <p>The kit's own test runs it against an in-memory storage that passes every check, and against
 * storages that each break one rule, each failing the check for that rule.
 */
public abstract class AssetStorageTck {

    /**
     * The size of the large file by default: 17 MiB, past the S3 storage's default multipart
     * threshold (16 MiB), so a storage that sends large files another way sends one.
     */
    protected static final int LARGE_FILE_SIZE = 17 * 1024 * 1024;

    /** How long a shareable URL is asked to work for. */
    protected static final Duration SHARED_FOR = Duration.ofMinutes(10);

    private static final String TYPE = "application/octet-stream";

    /**
     * How many times {@link #streamsClosedBeforeTheirEndLetGoOfWhatTheyHeld()} opens a file: past
     * the 50 connections of the AWS SDK's pool.
     */
    private static final int PARTIAL_READS = 64;

    /** What a media that fails part-way says. */
    private static final String MEDIA_FAILURE = "the media's disk went away (AssetStorageTck)";

    /** Makes a storage's subclass. */
    protected AssetStorageTck() {}

    // ---- what the storage's author supplies ----

    /**
     * Makes the storage under test, its backend working. Called at the start of every check.
     *
     * @return the storage
     * @throws Exception when it cannot be made
     */
    protected abstract AssetStorage storage() throws Exception;

    // ---- what the storage's author may override ----

    /**
     * Returns the settings the storage was made with; by default only its secrets are taken from
     * them ({@link #secrets()}). Empty by default.
     *
     * @return the settings, as {@link io.acog.spi.ProviderConfig#of} takes them
     */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /**
     * Returns the secret values the storage holds: by default every value of {@link #settings()}
     * whose setting's name says key, secret, token or password (six characters or longer). None
     * skips {@link #keepsSecretsOutOfMessagesAndLogs()}.
     *
     * @return the secrets, never to be seen in a message, a log line or a {@code toString}
     */
    protected Set<String> secrets() {
        return Secrets.inSettings(settings());
    }

    /**
     * Returns the ways {@link #backendFails(String)} can make the backend fail, e.g. {@code "500
     * InternalError"}, {@code "connection reset"}, {@code "unreachable"}. Empty, the default, skips
     * {@link #backendFailuresAreIOExceptions()}.
     *
     * @return the failures' names; each check is named after one
     */
    protected List<String> backendFailures() {
        return List.of();
    }

    /**
     * Makes the backend of the storage last returned by {@link #storage()} fail in one of the ways
     * of {@link #backendFailures()}, for every call that storage makes from now on.
     *
     * @param failure one of {@link #backendFailures()}
     * @throws Exception when the backend cannot be made to fail so
     */
    protected void backendFails(String failure) throws Exception {
        throw new UnsupportedOperationException("backendFailures() names " + failure
                + ", but backendFails(String) is not overridden to make the backend fail so");
    }

    /**
     * Returns the size of the large file stored and read back, and of the large media that fails
     * part-way. Lower it for a slow backend; keep it past any size at which the storage sends a
     * file another way (the S3 storage's {@code s3.multipart-threshold}).
     *
     * @return the size in bytes; {@link #LARGE_FILE_SIZE} by default
     */
    protected int largeFileSize() {
        return LARGE_FILE_SIZE;
    }

    /**
     * Returns how many threads {@link #concurrentStoresOpensAndDeletesKeepEveryFileIntact()} runs
     * at once.
     *
     * @return the number of threads, 8 by default
     */
    protected int concurrentThreads() {
        return 8;
    }

    /**
     * Returns a URI of this storage for a key never stored, next to a stored one. By default the
     * stored URI resolved against a new file name, which suits storages whose URIs follow their
     * keys' folders ({@code file:}, {@code s3://}).
     *
     * @param stored a URI the storage returned for a key in the check's folder
     * @return a URI of a key in the same folder that was never stored
     */
    protected URI neverStoredUri(URI stored) {
        return stored.resolve("never-stored-" + UUID.randomUUID() + ".bin");
    }

    /**
     * Fetches a {@linkplain AssetStorage#shareableUrl shareable URL} as a provider's server would:
     * a plain GET, without credentials. By default with the JDK's HTTP client, following no
     * redirect.
     *
     * @param url the URL; a secret, kept out of every message
     * @return the body of a 200 answer
     * @throws IOException when the fetch fails or the answer is not 200
     * @throws InterruptedException when interrupted while waiting
     */
    protected byte[] fetchWithoutCredentials(URI url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url.getRawPath() + " (a shareable URL) answered HTTP "
                    + response.statusCode() + ": "
                    + new String(response.body(), 0, Math.min(response.body().length, 300), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    // ---- the checks ----

    /**
     * The storage has a name, for error messages to name it by.
     *
     * @throws Exception when the storage cannot be made
     */
    @Test
    public void hasAName() throws Exception {
        assertThat(storage().name()).as("the storage's name").isNotBlank();
    }

    /**
     * A small text stored opens to the same bytes.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void storesAndReadsBackASmallText() throws Exception {
        AssetStorage storage = storage();
        byte[] text = "Tides turn twice a day. Ünïcödé, too.\n".getBytes(StandardCharsets.UTF_8);
        URI uri = storage.store(folder() + "/captions/voice.vtt", Media.ofBytes("voice.vtt", "text/vtt", text));
        assertThat(uri).as("the URI store returned").isNotNull();
        assertSameBytes(read(storage, uri), text, "the small text read back");
    }

    /**
     * An empty file stored opens to no bytes.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void storesAndReadsBackAnEmptyFile() throws Exception {
        AssetStorage storage = storage();
        URI uri = storage.store(folder() + "/empty.bin", Media.ofBytes("empty.bin", TYPE, new byte[0]));
        assertSameBytes(read(storage, uri), new byte[0], "the empty file read back");
    }

    /**
     * A file of {@link #largeFileSize()} bytes, of known size, opens to the same bytes.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void storesAndReadsBackALargeFile() throws Exception {
        AssetStorage storage = storage();
        byte[] bytes = random(largeFileSize(), 17);
        URI uri = storage.store(folder() + "/final/video.mp4", Media.ofBytes("video.mp4", "video/mp4", bytes));
        assertSameBytes(read(storage, uri), bytes, "the large file read back");
    }

    /**
     * A file of {@link #largeFileSize()} bytes whose size is not known until read (as from a
     * process), read in short bursts, opens to the same bytes.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void storesAndReadsBackALargeFileOfUnknownSize() throws Exception {
        AssetStorage storage = storage();
        byte[] bytes = random(largeFileSize(), 18);
        URI uri = storage.store(folder() + "/final/render.mp4", new StreamedMedia(bytes, -1, Integer.MAX_VALUE));
        assertSameBytes(read(storage, uri), bytes, "the large file of unknown size read back");
    }

    /**
     * Storing again under a key returns the same URI (a key names one place, and assets record the
     * URI), which opens to the new bytes only, a shorter file included.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void storingAgainReplacesTheContentAtTheSameUri() throws Exception {
        AssetStorage storage = storage();
        String key = folder() + "/audio/voice.wav";
        byte[] first = random(50_000, 1);
        byte[] longer = random(80_000, 2);
        byte[] shorter = "short".getBytes(StandardCharsets.UTF_8);
        URI uri = storage.store(key, Media.ofBytes("voice.wav", "audio/wav", first));
        assertSameBytes(read(storage, uri), first, "the first version");
        assertThat(storage.store(key, Media.ofBytes("voice.wav", "audio/wav", longer)))
                .as("the URI of the second store under %s", key)
                .isEqualTo(uri);
        assertSameBytes(read(storage, uri), longer, "what the URI opens to after a second store");
        assertThat(storage.store(key, Media.ofBytes("voice.wav", "audio/wav", shorter)))
                .as("the URI of the third store under %s", key)
                .isEqualTo(uri);
        assertSameBytes(read(storage, uri), shorter, "what the URI opens to after a shorter third store");
    }

    /**
     * Keys that differ, however little, hold their own files, folders nested deep included. (No key
     * is both a file and a folder: a disk cannot hold that, and ACOG's keys never need it.)
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void distinctKeysDoNotCollide() throws Exception {
        AssetStorage storage = storage();
        String at = folder();
        List<String> keys = List.of(
                at + "/a.bin",
                at + "/a.bin.bak",
                at + "/a-b.bin",
                at + "/ab.bin",
                at + "/ab/c.bin",
                at + "/a/bc.bin",
                at + "/b/a.bin",
                at + "/b/c/a.bin",
                at + "/1/2/3/4/5/6/7/8/deep.bin",
                folder() + "/a.bin");
        Map<String, URI> uris = new LinkedHashMap<>();
        for (String key : keys) {
            uris.put(key, storage.store(key, Media.ofBytes("a.bin", TYPE, content(key))));
        }
        assertThat(Set.copyOf(uris.values()))
                .as("the URIs of %s distinct keys: %s", keys.size(), uris)
                .hasSize(keys.size());
        for (Map.Entry<String, URI> stored : uris.entrySet()) {
            assertSameBytes(
                    read(storage, stored.getValue()), content(stored.getKey()), "the file of " + stored.getKey());
        }
    }

    /**
     * Opening a deleted file fails with an {@link IOException}.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void aDeletedFileCannotBeOpened() throws Exception {
        AssetStorage storage = storage();
        URI uri = storage.store(folder() + "/doomed.bin", Media.ofBytes("doomed.bin", TYPE, random(1000, 3)));
        storage.delete(uri);
        assertOpenFails(storage, uri, "opening a deleted file");
    }

    /**
     * Deleting a file already deleted is not an error, as {@link AssetStorage#delete} promises: a
     * clean-up that runs twice (a retried stage, say) does not fail.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void deletingTwiceIsNoError() throws Exception {
        AssetStorage storage = storage();
        URI uri = storage.store(folder() + "/twice.bin", Media.ofBytes("twice.bin", TYPE, random(1000, 4)));
        storage.delete(uri);
        Throwable second = catchThrowable(() -> storage.delete(uri));
        assertThat(second).as("what deleting a file already gone threw").isNull();
    }

    /**
     * Opening a key of this storage that was never stored fails with an {@link IOException}.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void openingAKeyNeverStoredFails() throws Exception {
        AssetStorage storage = storage();
        URI present = storage.store(folder() + "/present.bin", Media.ofBytes("present.bin", TYPE, random(100, 5)));
        assertOpenFails(storage, neverStoredUri(present), "opening a key never stored");
    }

    /**
     * A media that fails part-way through its reading makes {@code store} throw an {@link
     * IOException} and leaves nothing readable at a key that held nothing: no half-written file.
     * Both a small media of known size and a large one are tried.
     *
     * @throws Exception when the storage fails otherwise
     */
    @Test
    public void aMediaThatFailsMidwayLeavesNothingAtTheKey() throws Exception {
        AssetStorage storage = storage();
        for (StreamedMedia failing : failingMedia()) {
            String key = folder() + "/failing/" + failing.fileName();
            // the key's URI, without assuming how keys make URIs: store, then delete
            URI uri = storage.store(key, Media.ofBytes(failing.fileName(), TYPE, new byte[] {1}));
            storage.delete(uri);
            assertStoreFails(storage, key, failing);
            assertOpenFails(storage, uri, "opening " + key + " after " + failing + " failed to be stored there");
        }
    }

    /**
     * A media that fails part-way through its reading makes {@code store} throw an {@link
     * IOException} and leaves the older version at its key, whole, as {@link AssetStorage#store}
     * promises (replacing is all or nothing).
     *
     * @throws Exception when the storage fails otherwise
     */
    @Test
    public void aMediaThatFailsMidwayLeavesTheOlderVersion() throws Exception {
        AssetStorage storage = storage();
        for (StreamedMedia failing : failingMedia()) {
            String key = folder() + "/failing/" + failing.fileName();
            byte[] older = random(70_000, 6);
            URI uri = storage.store(key, Media.ofBytes(failing.fileName(), TYPE, older));
            assertStoreFails(storage, key, failing);
            assertSameBytes(
                    read(storage, uri), older, "what " + key + " holds after " + failing + " failed to replace it");
        }
    }

    /**
     * Keys that {@link AssetStorage#checkKey(String)} refuses are refused with an {@link
     * IllegalArgumentException} naming the key, before the media is opened; a traversal writes
     * nothing where it leads.
     *
     * @throws Exception when the storage fails otherwise
     */
    @Test
    public void invalidKeysAreRefusedBeforeAnythingIsWritten() throws Exception {
        AssetStorage storage = storage();
        String at = folder();
        URI victim = storage.store(at + "/victim.bin", Media.ofBytes("victim.bin", TYPE, new byte[] {1}));
        storage.delete(victim);
        List<String> invalid = List.of(
                "",
                "   ",
                "/" + at + "/absolute.bin",
                "../" + at + "-escaped.bin",
                at + "/../../" + at + "-escaped.bin",
                at + "/sub/../victim.bin",
                at + "/./victim.bin",
                at + "//victim.bin",
                at + "/trailing/",
                at + "\\victim.bin");
        for (String key : invalid) {
            StreamedMedia media = new StreamedMedia(random(100, 7), 100, Integer.MAX_VALUE);
            Throwable thrown = catchThrowable(() -> storage.store(key, media));
            assertThat(thrown)
                    .as("what storing under the key '%s' threw", key)
                    .isInstanceOf(IllegalArgumentException.class);
            if (!key.isBlank()) {
                assertThat(thrown.getMessage())
                        .as("the message refusing the key '%s'", key)
                        .contains(key);
            }
            assertThat(media.opens())
                    .as("times the media was opened for the key '%s'", key)
                    .isZero();
        }
        assertOpenFails(storage, victim, "opening " + at + "/victim.bin, where refused keys led");
    }

    /**
     * A shareable URL, where the storage gives one, is an HTTP(S) URL that serves the stored bytes
     * without credentials, and no log line shows it (it is a secret while it lives). Skipped for a
     * storage that gives none, as {@link AssetStorage#shareableUrl} allows.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void aShareableUrlServesTheStoredBytesWithoutCredentials() throws Exception {
        AssetStorage storage = storage();
        byte[] bytes = random(200_000, 8);
        List<Optional<URI>> shared = new ArrayList<>();
        List<byte[]> fetched = new ArrayList<>();
        String logs = CapturedOutput.of(() -> {
            URI uri = storage.store(folder() + "/shared/voice.wav", Media.ofBytes("voice.wav", "audio/wav", bytes));
            shared.add(storage.shareableUrl(uri, SHARED_FOR));
            if (shared.get(0).isPresent()) {
                fetched.add(fetchWithoutCredentials(shared.get(0).get()));
            }
            return null;
        });
        Assumptions.assumeTrue(shared.get(0).isPresent(), "the storage gives no shareable URLs");
        URI url = shared.get(0).get();
        assertThat(url.getScheme())
                .as("the shareable URL's scheme")
                .isNotNull()
                .satisfies(scheme -> assertThat(scheme.toLowerCase(Locale.ROOT)).isIn("http", "https"));
        assertSameBytes(fetched.get(0), bytes, "what the shareable URL served");
        assertThat(logs)
                .as("the log lines written while the URL was made and fetched")
                .doesNotContain(url.toString());
        if (url.getRawQuery() != null) {
            assertThat(logs)
                    .as("the log lines written while the URL was made and fetched")
                    .doesNotContain(url.getRawQuery());
        }
    }

    /**
     * Several threads at once each store, read back and delete files of their own keys, and each
     * finds every one of its files intact until it deletes it.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void concurrentStoresOpensAndDeletesKeepEveryFileIntact() throws Exception {
        AssetStorage storage = storage();
        String at = folder();
        int threads = concurrentThreads();
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    Map<URI, byte[]> mine = new LinkedHashMap<>();
                    for (int round = 0; round < rounds; round++) {
                        String key = at + "/thread-" + thread + "/file-" + round + ".bin";
                        byte[] bytes = random(1000 + 10_000 * thread + 997 * round, thread * 100 + round);
                        URI uri = storage.store(key, Media.ofBytes("file.bin", TYPE, bytes));
                        assertSameBytes(read(storage, uri), bytes, key + " read back at once");
                        mine.put(uri, bytes);
                    }
                    for (Map.Entry<URI, byte[]> file : mine.entrySet()) {
                        assertSameBytes(
                                read(storage, file.getKey()), file.getValue(), file.getKey() + " read back later");
                        storage.delete(file.getKey());
                        assertOpenFails(storage, file.getKey(), "opening " + file.getKey() + " after deleting it");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> thread : done) {
                try {
                    thread.get(10, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Files opened and closed after a few bytes, many more times than a connection pool holds
     * connections (a reader that wanted only a video's header), leave the storage working: each
     * stream closed early lets go of what it held.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void streamsClosedBeforeTheirEndLetGoOfWhatTheyHeld() throws Exception {
        AssetStorage storage = storage();
        byte[] bytes = random(1024 * 1024, 15);
        URI uri = storage.store(folder() + "/header/video.mp4", Media.ofBytes("video.mp4", "video/mp4", bytes));
        for (int i = 0; i < PARTIAL_READS; i++) {
            try (InputStream in = storage.open(uri)) {
                assertSameBytes(in.readNBytes(100), Arrays.copyOf(bytes, 100), "the first bytes, read " + (i + 1));
            }
        }
        assertSameBytes(read(storage, uri), bytes, "the file read whole after " + PARTIAL_READS + " partial reads");
    }

    /**
     * Every stream the storage opens on a media it stores is closed by the time {@code store}
     * returns or throws: a media in a temporary file holds a file handle per open stream.
     *
     * @throws Exception when the storage fails
     */
    @Test
    public void closesEveryStreamItOpensOnTheMedia() throws Exception {
        AssetStorage storage = storage();
        List<StreamedMedia> media = new ArrayList<>(List.of(
                new StreamedMedia("small.wav", random(60_000, 16), 60_000, Integer.MAX_VALUE),
                new StreamedMedia("large.mp4", random(largeFileSize(), 17), -1, Integer.MAX_VALUE)));
        media.addAll(failingMedia());
        for (StreamedMedia stored : media) {
            Throwable thrown = catchThrowable(() -> storage.store(folder() + "/closed/" + stored.fileName(), stored));
            if (stored.fails()) {
                assertThat(thrown).as("what storing %s threw", stored).isInstanceOf(IOException.class);
            } else {
                assertThat(thrown).as("what storing %s threw", stored).isNull();
            }
            assertThat(stored.opens()).as("times %s was opened", stored).isPositive();
            assertThat(stored.closes())
                    .as("streams closed of the %s that storing %s opened", stored.opens(), stored)
                    .isEqualTo(stored.opens());
        }
    }

    /**
     * For each of {@link #backendFailures()}: with the backend failing, {@code store}, {@code open}
     * (or the reading of what it opened) and {@code delete} throw {@link IOException}s, not a
     * {@link RuntimeException} from the storage's client, and none holds a secret.
     *
     * @return a check per failure
     */
    @TestFactory
    public Stream<DynamicTest> backendFailuresAreIOExceptions() {
        Assumptions.assumeFalse(backendFailures().isEmpty(), "no backendFailures() to make the backend fail with");
        return backendFailures().stream()
                .map(failure -> DynamicTest.dynamicTest(failure, () -> {
                    for (Throwable thrown : failingCalls(failure)) {
                        Secrets.assertNoneIn(thrown, secrets());
                    }
                }));
    }

    /**
     * No secret is in an exception's message, in a log line written while the storage works and
     * fails (in each of {@link #backendFailures()}), or in its {@code toString}. Skipped when the
     * storage holds no {@link #secrets()}.
     *
     * @throws Exception when the storage fails unexpectedly
     */
    @Test
    public void keepsSecretsOutOfMessagesAndLogs() throws Exception {
        Assumptions.assumeFalse(secrets().isEmpty(), "the storage holds no secrets()");
        List<Throwable> thrown = new ArrayList<>();
        List<String> described = new ArrayList<>();
        String logs = CapturedOutput.of(() -> {
            AssetStorage storage = storage();
            described.add(storage.toString());
            String at = folder();
            URI uri = storage.store(at + "/voice.wav", Media.ofBytes("voice.wav", "audio/wav", random(5000, 9)));
            read(storage, uri);
            storage.shareableUrl(uri, SHARED_FOR);
            storage.delete(uri);
            thrown.add(catchThrowable(() -> read(storage, uri)));
            thrown.add(
                    catchThrowable(() -> storage.store(at + "/../x.bin", Media.ofBytes("x.bin", TYPE, new byte[1]))));
            for (String failure : backendFailures()) {
                thrown.addAll(failingCalls(failure));
            }
            return null;
        });
        Secrets.assertNoneIn(logs, "the log lines written while the storage worked and failed", secrets());
        for (Throwable failure : thrown) {
            Secrets.assertNoneIn(failure, secrets());
        }
        Secrets.assertNoneIn(described.get(0), "the storage's toString", secrets());
    }

    // ---- helpers ----

    /** A folder of its own for a check's files. */
    private static String folder() {
        return "tck-" + UUID.randomUUID();
    }

    /**
     * Stores a file with a working backend, makes the backend fail, then stores, opens and deletes:
     * each must throw an {@link IOException}. Returns what they threw.
     */
    private List<Throwable> failingCalls(String failure) throws Exception {
        AssetStorage storage = storage();
        String at = folder();
        URI stored = storage.store(at + "/before.wav", Media.ofBytes("before.wav", "audio/wav", random(5000, 10)));
        backendFails(failure);
        Throwable store = catchThrowable(
                () -> storage.store(at + "/during.wav", Media.ofBytes("during.wav", "audio/wav", random(5000, 11))));
        assertThat(store)
                .as("what store threw with the backend failing (%s)", failure)
                .isInstanceOf(IOException.class);
        Throwable open = catchThrowable(() -> read(storage, stored));
        assertThat(open)
                .as("what open (and reading) threw with the backend failing (%s)", failure)
                .isInstanceOf(IOException.class);
        Throwable delete = catchThrowable(() -> storage.delete(stored));
        assertThat(delete)
                .as("what delete threw with the backend failing (%s)", failure)
                .isInstanceOf(IOException.class);
        return List.of(store, open, delete);
    }

    /**
     * A small media of known size (sent in one request by S3), a large one of known size and a large
     * one of unknown size (sent in parts), each failing past its middle: after S3's first part.
     */
    private List<StreamedMedia> failingMedia() {
        int large = largeFileSize();
        return List.of(
                new StreamedMedia("small.wav", random(60_000, 12), 60_000, 40_000),
                new StreamedMedia("large.mp4", random(large, 13), large, large / 4 * 3),
                new StreamedMedia("streamed.mp4", random(large, 14), -1, large / 4 * 3));
    }

    private static void assertStoreFails(AssetStorage storage, String key, StreamedMedia failing) {
        Throwable thrown = catchThrowable(() -> storage.store(key, failing));
        assertThat(thrown).as("what storing %s under %s threw", failing, key).isInstanceOf(IOException.class);
        assertThat(failing.opens()).as("times %s was opened", failing).isPositive();
    }

    private static void assertOpenFails(AssetStorage storage, URI uri, String what) {
        Throwable thrown = catchThrowable(() -> storage.open(uri).close());
        assertThat(thrown).as("what %s threw", what).isInstanceOf(IOException.class);
    }

    private static byte[] read(AssetStorage storage, URI uri) throws IOException {
        try (InputStream in = storage.open(uri)) {
            return in.readAllBytes();
        }
    }

    /** Compares without printing megabytes when they differ. */
    private static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        int first = Arrays.mismatch(actual, expected);
        assertThat(first)
                .as(
                        "%s: %s bytes where %s were stored; first difference at byte %s",
                        what, actual.length, expected.length, first)
                .isEqualTo(-1);
    }

    private static byte[] content(String key) {
        return (key + " holds this, and no other key does").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Media read in short bursts, as from a pipe, that may fail once {@code failAfter} bytes were
     * read; it counts the times it was opened.
     */
    private static final class StreamedMedia implements Media {

        private final String fileName;
        private final byte[] bytes;
        private final long size;
        private final int failAfter;
        private final AtomicInteger opens = new AtomicInteger();
        private final AtomicInteger closes = new AtomicInteger();

        StreamedMedia(byte[] bytes, long size, int failAfter) {
            this("media.bin", bytes, size, failAfter);
        }

        StreamedMedia(String fileName, byte[] bytes, long size, int failAfter) {
            this.fileName = fileName;
            this.bytes = bytes;
            this.size = size;
            this.failAfter = failAfter;
        }

        int opens() {
            return opens.get();
        }

        int closes() {
            return closes.get();
        }

        boolean fails() {
            return failAfter < bytes.length;
        }

        @Override
        public String fileName() {
            return fileName;
        }

        @Override
        public String mimeType() {
            return TYPE;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() {
            opens.incrementAndGet();
            return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                private int read;
                private boolean closed;

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        closes.incrementAndGet();
                    }
                    super.close();
                }

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (read >= failAfter) {
                        throw new IOException(MEDIA_FAILURE);
                    }
                    int n = super.read(buffer, offset, Math.min(Math.min(length, 64 * 1024), failAfter - read));
                    read += Math.max(n, 0);
                    return n;
                }

                @Override
                public long skip(long count) throws IOException {
                    int most = (int) Math.min(Math.max(count, 0), 64 * 1024);
                    return Math.max(read(new byte[most], 0, most), 0);
                }
            };
        }

        @Override
        public String toString() {
            return (failAfter < bytes.length ? "a media failing after " + failAfter + " of " : "a media of ")
                    + bytes.length + " bytes (" + (size < 0 ? "size unknown" : "size known") + ")";
        }
    }
}
