package io.acog.testkit.providers;

import com.sun.net.httpserver.HttpServer;
import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small in-memory storage for testing the storage kit, as a remote one would be: files in a
 * map, {@code toy://bucket/<key>} URIs, shareable URLs served by the JDK's HTTP server, a secret
 * it holds, a backend that can be made to fail. A {@link Flaw} makes it break one of the kit's
 * rules.
 */
final class ToyStorage implements AssetStorage {

    private static final Logger LOG = LoggerFactory.getLogger(ToyStorage.class);

    /** A rule the storage breaks. */
    enum Flaw {
        NONE,
        NAMELESS,
        DROPS_THE_LAST_BYTE,
        REFUSES_EMPTY_FILES,
        TRUNCATES_AT_1_MIB,
        READS_A_MEDIA_OF_UNKNOWN_SIZE_AS_EMPTY,
        SERVES_STALE_AFTER_REPLACE,
        CHANGES_URI_ON_REPLACE,
        KEEPS_THE_OLD_TAIL,
        KEYS_BY_FILE_NAME,
        DELETE_DOES_NOTHING,
        THROWS_ON_DOUBLE_DELETE,
        OPENS_MISSING_AS_EMPTY,
        HALF_WRITES,
        SWALLOWS_MEDIA_FAILURES,
        NORMALIZES_KEYS,
        OPENS_MEDIA_BEFORE_CHECKING_THE_KEY,
        SHARES_A_URL_NEEDING_CREDENTIALS,
        LOGS_THE_SHARED_URL,
        SHARED_STAGING_BUFFER,
        RELEASES_CONNECTIONS_ONLY_AT_THE_END,
        LEAVES_MEDIA_OPEN,
        LEAKS_RUNTIME_EXCEPTIONS,
        IGNORES_FAILURES_ON_DELETE,
        LEAKS_SECRET_IN_MESSAGE,
        LOGS_SECRET,
        SECRET_IN_TOSTRING
    }

    /** The flaw storages made from now on get; set by the test that runs the kit. */
    static volatile Flaw flaw = Flaw.NONE;

    private static final Sharing SHARING = new Sharing();

    private final Flaw mine = flaw;
    private final String secret;
    private final boolean shares;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> readCache = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream staging = new ByteArrayOutputStream();
    private final Semaphore connections = new Semaphore(16);
    private volatile String failing;

    ToyStorage(String secret, boolean shares) {
        this.secret = secret;
        this.shares = shares;
    }

    /** Makes every call from now on fail, as a backend that fails {@code how}. */
    void fail(String how) {
        failing = how;
    }

    @Override
    public String name() {
        return mine == Flaw.NAMELESS ? " " : "toy";
    }

    @Override
    public URI store(String key, Media media) throws IOException {
        if (mine == Flaw.OPENS_MEDIA_BEFORE_CHECKING_THE_KEY) {
            media.open().close();
        }
        String place = mine == Flaw.NORMALIZES_KEYS ? normalized(key) : AssetStorage.checkKey(key);
        backend("store " + place);
        byte[] bytes = mine == Flaw.SHARED_STAGING_BUFFER ? readStaged(media) : read(place, media);
        if (mine == Flaw.REFUSES_EMPTY_FILES && bytes.length == 0) {
            throw new IOException("toy storage cannot store an empty file");
        }
        if (mine == Flaw.DROPS_THE_LAST_BYTE && bytes.length > 0) {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
        }
        if (mine == Flaw.TRUNCATES_AT_1_MIB) {
            bytes = Arrays.copyOf(bytes, Math.min(bytes.length, 1024 * 1024));
        }
        byte[] older = files.get(slot(place));
        if (mine == Flaw.KEEPS_THE_OLD_TAIL && older != null && older.length > bytes.length) {
            byte[] overwritten = older.clone();
            System.arraycopy(bytes, 0, overwritten, 0, bytes.length);
            bytes = overwritten;
        }
        files.put(slot(place), bytes);
        int version = versions.computeIfAbsent(place, k -> new AtomicInteger()).incrementAndGet();
        LOG.debug("stored {} ({} bytes)", place, bytes.length);
        return uri(place, mine == Flaw.CHANGES_URI_ON_REPLACE ? "v" + version + "/" : "");
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        String place = place(uri);
        backend("open " + place);
        if (mine == Flaw.SERVES_STALE_AFTER_REPLACE && readCache.containsKey(place)) {
            return new ByteArrayInputStream(readCache.get(place));
        }
        byte[] bytes = files.get(slot(place));
        if (bytes == null) {
            if (mine == Flaw.OPENS_MISSING_AS_EMPTY) {
                return new ByteArrayInputStream(new byte[0]);
            }
            throw new FileNotFoundException(uri + " does not exist");
        }
        readCache.put(place, bytes);
        if (!connections.tryAcquire()) {
            throw new IOException("toy storage could not open " + place + ": no connection left in its pool");
        }
        return new Download(bytes);
    }

    @Override
    public void delete(URI uri) throws IOException {
        String place = place(uri);
        if (mine != Flaw.IGNORES_FAILURES_ON_DELETE) {
            backend("delete " + place);
        } else if (failing != null) {
            return;
        }
        if (mine == Flaw.DELETE_DOES_NOTHING) {
            return;
        }
        if (files.remove(slot(place)) == null && mine == Flaw.THROWS_ON_DOUBLE_DELETE) {
            throw new FileNotFoundException(uri + " was already deleted");
        }
        readCache.remove(place);
    }

    @Override
    public Optional<URI> shareableUrl(URI uri, Duration validFor) throws IOException {
        if (!shares) {
            return Optional.empty();
        }
        String place = place(uri);
        backend("share " + place);
        byte[] bytes = files.get(slot(place));
        URI url = SHARING.share(bytes == null ? new byte[0] : bytes, mine == Flaw.SHARES_A_URL_NEEDING_CREDENTIALS);
        if (mine == Flaw.LOGS_THE_SHARED_URL) {
            LOG.info("shared {} as {}", place, url);
        }
        return Optional.of(url);
    }

    @Override
    public String toString() {
        return "ToyStorage[toy://bucket/" + (mine == Flaw.SECRET_IN_TOSTRING ? ", signed with " + secret : "") + "]";
    }

    /** Fails the call when the backend fails, as the flaw has it. */
    private void backend(String call) throws IOException {
        String how = failing;
        if (how == null) {
            return;
        }
        if (mine == Flaw.LOGS_SECRET) {
            LOG.warn("toy backend {}: cannot {} (signed with {})", how, call, secret);
        }
        if (mine == Flaw.LEAKS_RUNTIME_EXCEPTIONS) {
            throw new IllegalStateException("toy client: " + how);
        }
        throw new IOException("toy storage could not " + call + ": the backend is " + how
                + (mine == Flaw.LEAKS_SECRET_IN_MESSAGE ? " (signed with " + secret + ")" : ""));
    }

    /** Reads the whole media, then it is stored at once; the half-writing flaw stores as it reads. */
    private byte[] read(String place, Media media) throws IOException {
        if (mine == Flaw.READS_A_MEDIA_OF_UNKNOWN_SIZE_AS_EMPTY && media.size() < 0) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InputStream in = media.open();
        try {
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (mine == Flaw.HALF_WRITES) {
                    files.put(slot(place), bytes.toByteArray());
                }
            }
        } catch (IOException e) {
            if (mine == Flaw.SWALLOWS_MEDIA_FAILURES) {
                return bytes.toByteArray();
            }
            throw e;
        } finally {
            if (mine != Flaw.LEAVES_MEDIA_OPEN) {
                in.close();
            }
        }
        return bytes.toByteArray();
    }

    /** Reads the media into one buffer all stores share, unguarded: thread-unsafe. */
    private byte[] readStaged(Media media) throws IOException {
        staging.reset();
        try (InputStream in = media.open()) {
            in.transferTo(staging);
        }
        try {
            Thread.sleep(20); // a window for another thread to write into the buffer too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return staging.toByteArray();
    }

    /** Where a key's bytes are kept: the key, or only its file name with the colliding flaw. */
    private String slot(String place) {
        return mine == Flaw.KEYS_BY_FILE_NAME ? place.substring(place.lastIndexOf('/') + 1) : place;
    }

    private static String normalized(String key) {
        String normal = Path.of(key).normalize().toString();
        if (normal.isBlank() || normal.startsWith("..")) {
            throw new IllegalArgumentException("storage key '" + key + "' leaves the bucket");
        }
        return normal;
    }

    private static URI uri(String place, String version) {
        try {
            return new URI("toy", "bucket", "/" + version + place, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("storage key '" + place + "' cannot be in a URI", e);
        }
    }

    private static String place(URI uri) {
        if (!"toy".equals(uri.getScheme()) || !"bucket".equals(uri.getAuthority())) {
            throw new IllegalArgumentException(uri + " is not in this storage");
        }
        return uri.getPath().substring(1).replaceFirst("^v\\d+/", "");
    }

    /**
     * A file's bytes as from a connection of the pool, given back when the stream is closed (or,
     * with the leaking flaw, only when read to its end).
     */
    private final class Download extends FilterInputStream {

        private boolean released;

        Download(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read < 0) {
                release();
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read < 0) {
                release();
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            if (mine != Flaw.RELEASES_CONNECTIONS_ONLY_AT_THE_END) {
                release();
            }
            super.close();
        }

        private synchronized void release() {
            if (!released) {
                released = true;
                connections.release();
            }
        }
    }

    /** The server that serves shared files: one for the test JVM, as every toy storage shares. */
    private static final class Sharing {

        private final Map<String, byte[]> shared = new ConcurrentHashMap<>();
        private final Map<String, Boolean> guarded = new ConcurrentHashMap<>();
        private final HttpServer server;

        Sharing() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "toy-storage-sharing");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/shared/", exchange -> {
                String token = exchange.getRequestURI().getPath().substring("/shared/".length());
                byte[] bytes = shared.get(token);
                boolean refused = bytes == null
                        || (guarded.getOrDefault(token, false)
                                && exchange.getRequestHeaders().getFirst("Authorization") == null);
                byte[] body = refused ? "AccessDenied".getBytes(java.nio.charset.StandardCharsets.UTF_8) : bytes;
                exchange.sendResponseHeaders(refused ? 403 : 200, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        URI share(byte[] bytes, boolean needsCredentials) {
            String token = UUID.randomUUID().toString();
            shared.put(token, bytes);
            guarded.put(token, needsCredentials);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/shared/" + token + "?signature="
                    + UUID.randomUUID());
        }
    }
}
