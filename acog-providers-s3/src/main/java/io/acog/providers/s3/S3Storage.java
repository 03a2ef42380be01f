package io.acog.providers.s3;

import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Asset storage in one S3 bucket (AWS, or an S3-compatible server set by {@code s3.endpoint}),
 * objects named {@code s3.prefix} + key and recorded as {@code s3://bucket/prefix+key}.
 *
 * <p>Media of known size below {@code s3.multipart-threshold} goes up in one {@code PutObject},
 * streamed from {@link Media#open()} (opened again on a retry); larger media, and media of unknown
 * size, go up as a multipart upload in parts of {@code s3.part-size}, aborted on any failure.
 * Media that turns out to fit in one part is sent with one {@code PutObject} after all.
 *
 * <p>Thread-safe: the S3 client and presigner are built once and shared. They are kept for the
 * JVM's life, since {@link AssetStorage} has no close.
 */
final class S3Storage implements AssetStorage {

    private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);

    private final S3Settings settings;
    private final S3Clients clients;
    private final S3Failures failures;

    S3Storage(S3Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clients = new S3Clients(settings);
        this.failures = new S3Failures(settings);
    }

    @Override
    public String name() {
        return S3Settings.NAME;
    }

    /**
     * Stores the media, replacing any object of that key.
     *
     * @throws IllegalArgumentException when the key is blank or not a plain relative path
     * @throws IOException when the media cannot be read or S3 refuses or fails the upload; a
     *     multipart upload is aborted first
     */
    @Override
    public URI store(String key, Media media) throws IOException {
        Objects.requireNonNull(media, "media");
        ObjectAddress where = ObjectAddress.of(settings.bucket(), settings.prefix(), key);
        long size = media.size();
        if (size >= 0 && size < settings.multipartThreshold()) {
            try (MediaContent content = new MediaContent(media)) {
                put(where, RequestBody.fromContentProvider(content, size, media.mimeType()), size, media.mimeType());
            }
            LOG.debug("stored {} ({} bytes)", where, size);
            return where.uri();
        }
        if (size > settings.partSize() * MultipartUpload.MAX_PARTS) {
            throw new IOException("S3 storage could not store " + where + ": its " + size + " bytes are more than "
                    + MultipartUpload.MAX_PARTS + " parts of " + S3Settings.describe(settings.partSize())
                    + "; raise " + S3Settings.NAME + ".part-size");
        }
        byte[] buffer = new byte[Math.toIntExact(settings.partSize())];
        try (InputStream in = media.open()) {
            int first = readFully(in, buffer);
            if (first < buffer.length) {
                // known to be small after all: one request, as for media of known size
                ContentStreamProvider bytes = () -> new ByteArrayInputStream(buffer, 0, first);
                put(where, RequestBody.fromContentProvider(bytes, first, media.mimeType()), first, media.mimeType());
                LOG.debug("stored {} ({} bytes, size not known beforehand)", where, first);
                return where.uri();
            }
            MultipartUpload.Uploaded uploaded =
                    new MultipartUpload(clients.client(), failures, where, media.mimeType()).upload(buffer, in);
            LOG.debug("stored {} ({} bytes in {} parts)", where, uploaded.bytes(), uploaded.parts());
            return where.uri();
        }
    }

    private void put(ObjectAddress where, RequestBody body, long size, String contentType) throws IOException {
        try {
            clients.client()
                    .putObject(
                            request -> request.bucket(where.bucket())
                                    .key(where.key())
                                    .contentType(contentType)
                                    .contentLength(size),
                            body);
        } catch (SdkException e) {
            throw failures.failed("store", where, e);
        } catch (UncheckedIOException e) {
            // the SDK lets a body that fails to open before the request is sent through unwrapped
            if (e.getCause() instanceof MediaContent.MediaReadFailure failure) {
                throw failures.mediaFailed("store", where, failure);
            }
            throw e;
        }
    }

    /**
     * Opens the object for reading; closing the stream before its end aborts the download. Read it
     * promptly: the SDK aborts a stream not read within 60 seconds of its opening, lest a forgotten
     * stream hold a connection.
     *
     * @throws IllegalArgumentException when the URI is not an {@code s3:} URI of this bucket
     * @throws java.io.FileNotFoundException when no object has that key
     * @throws IOException when S3 refuses or fails the call
     */
    @Override
    public InputStream open(URI uri) throws IOException {
        ObjectAddress where = ObjectAddress.parse(uri, settings.bucket());
        try {
            return new ObjectStream(clients.client()
                    .getObject(request -> request.bucket(where.bucket()).key(where.key())));
        } catch (SdkException e) {
            throw failures.failed("read", where, e);
        }
    }

    /**
     * Deletes the object; one already gone is not an error.
     *
     * @throws IllegalArgumentException when the URI is not an {@code s3:} URI of this bucket
     * @throws IOException when S3 refuses or fails the call
     */
    @Override
    public void delete(URI uri) throws IOException {
        ObjectAddress where = ObjectAddress.parse(uri, settings.bucket());
        try {
            clients.client()
                    .deleteObject(request -> request.bucket(where.bucket()).key(where.key()));
            LOG.debug("deleted {}", where);
        } catch (SdkException e) {
            // S3 answers 204 for a missing key; some S3-compatible servers answer 404 NoSuchKey
            if (!S3Failures.missing(e)) {
                throw failures.failed("delete", where, e);
            }
        }
    }

    /**
     * Returns a presigned GET URL of the object, valid for {@code validFor} but at most {@code
     * s3.presign-max}. The URL carries a signature: it is never logged. Signing makes no call to S3,
     * so a missing object is not noticed here. With temporary credentials (a role), the URL stops
     * working when they expire, which may be sooner.
     *
     * @throws IllegalArgumentException when the URI is not an {@code s3:} URI of this bucket, or
     *     {@code validFor} is not positive
     * @throws IOException when no credentials can be found to sign with
     */
    @Override
    public Optional<URI> shareableUrl(URI uri, Duration validFor) throws IOException {
        ObjectAddress where = ObjectAddress.parse(uri, settings.bucket());
        Objects.requireNonNull(validFor, "validFor");
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a shareable URL must be valid for a positive time, not " + validFor);
        }
        Duration valid = validFor.compareTo(settings.presignMax()) > 0 ? settings.presignMax() : validFor;
        try {
            URI url = clients.presigner()
                    .presignGetObject(GetObjectPresignRequest.builder()
                            .signatureDuration(valid)
                            .getObjectRequest(
                                    request -> request.bucket(where.bucket()).key(where.key()))
                            .build())
                    .url()
                    .toURI();
            LOG.debug("presigned a GET URL of {} valid for {}", where, valid);
            return Optional.of(url);
        } catch (SdkException e) {
            throw failures.failed("presign a URL of", where, e);
        } catch (URISyntaxException e) {
            throw new IOException("S3 storage could not presign a URL of " + where + ": the SDK's URL is not a URI");
        }
    }

    /** Releases the clients' connections; for tests, since a registered storage lives as long as the JVM. */
    void close() {
        clients.close();
    }

    @Override
    public String toString() {
        return "S3Storage[s3://" + settings.bucket() + "/" + settings.prefix() + "]";
    }

    /**
     * Reads until the buffer is full or the stream ends.
     *
     * @return how many bytes were read: less than the buffer's length only at the stream's end
     */
    static int readFully(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }
}
