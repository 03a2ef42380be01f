package io.acog.providers.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload of a stream: create it, send parts of {@code s3.part-size} read from the
 * stream in order, complete it. Any failure aborts it, so that S3 keeps (and bills) no orphaned
 * parts; the failure is thrown, with an abort's own failure added as suppressed.
 *
 * <p>One part at a time is held in memory, in a buffer reused from part to part; a part is resent
 * from it on a retry.
 */
final class MultipartUpload {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);

    /** S3's most parts in one upload. */
    static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final S3Failures failures;
    private final ObjectAddress where;
    private final String contentType;

    MultipartUpload(S3Client client, S3Failures failures, ObjectAddress where, String contentType) {
        this.client = client;
        this.failures = failures;
        this.where = where;
        this.contentType = contentType;
    }

    /**
     * Uploads the stream: {@code first} holds the first {@code firstLength} bytes already read from
     * it (the whole buffer), the rest is read from {@code rest}, in parts of {@code first.length}.
     *
     * @param first the buffer holding the first part, reused for the next ones
     * @param rest the stream after the first part; not closed here
     * @return how many bytes were uploaded, in how many parts
     * @throws IOException when reading, an S3 call or completing fails; the upload is then aborted
     */
    Uploaded upload(byte[] first, InputStream rest) throws IOException {
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(request ->
                            request.bucket(where.bucket()).key(where.key()).contentType(contentType))
                    .uploadId();
        } catch (SdkException e) {
            throw failures.failed("start a multipart upload of", where, e);
        }
        try {
            Uploaded uploaded = sendParts(uploadId, first, rest);
            LOG.debug("{}: multipart upload {} complete, {} parts", where, uploadId, uploaded.parts());
            return uploaded;
        } catch (IOException | RuntimeException | Error e) {
            abort(uploadId, e);
            throw e;
        }
    }

    private Uploaded sendParts(String uploadId, byte[] buffer, InputStream rest) throws IOException {
        List<CompletedPart> parts = new ArrayList<>();
        long total = 0;
        int length = buffer.length;
        while (true) {
            int partNumber = parts.size() + 1;
            if (partNumber > MAX_PARTS) {
                throw new IOException("S3 storage could not store " + where + ": it is larger than " + MAX_PARTS
                        + " parts of " + S3Settings.describe(buffer.length) + "; raise "
                        + S3Settings.NAME + ".part-size");
            }
            parts.add(sendPart(uploadId, partNumber, buffer, length));
            total += length;
            length = S3Storage.readFully(rest, buffer);
            if (length == 0) {
                break;
            }
        }
        try {
            client.completeMultipartUpload(request -> request.bucket(where.bucket())
                    .key(where.key())
                    .uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (SdkException e) {
            throw failures.failed("complete the multipart upload of", where, e);
        }
        return new Uploaded(total, parts.size());
    }

    private CompletedPart sendPart(String uploadId, int partNumber, byte[] buffer, int length) throws IOException {
        try {
            String eTag = client.uploadPart(
                            request -> request.bucket(where.bucket())
                                    .key(where.key())
                                    .uploadId(uploadId)
                                    .partNumber(partNumber)
                                    .contentLength((long) length),
                            RequestBody.fromContentProvider(
                                    () -> new ByteArrayInputStream(buffer, 0, length), length, contentType))
                    .eTag();
            return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
        } catch (SdkException e) {
            throw failures.failed("upload part " + partNumber + " of", where, e);
        }
    }

    private void abort(String uploadId, Throwable failure) {
        // an interrupted thread would make the abort fail at once: abort first, interrupt again after
        boolean interrupted = Thread.interrupted();
        try {
            client.abortMultipartUpload(
                    request -> request.bucket(where.bucket()).key(where.key()).uploadId(uploadId));
            LOG.debug("{}: multipart upload {} aborted after a failure", where, uploadId);
        } catch (SdkException e) {
            LOG.warn(
                    "{}: multipart upload {} could not be aborted; its parts stay billed until a lifecycle rule"
                            + " removes incomplete uploads",
                    where,
                    uploadId);
            failure.addSuppressed(failures.failed("abort the multipart upload of", where, e));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What an upload sent.
     *
     * @param bytes the object's size
     * @param parts how many parts it took
     */
    record Uploaded(long bytes, int parts) {}
}
