package io.acog.providers.s3;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the AWS SDK's exceptions into the {@link IOException}s that {@link
 * io.acog.spi.AssetStorage} promises, with messages that say what failed and which setting to
 * check. A message never holds the secret access key, a signature or a presigned URL: S3's own
 * error text is quoted, but never its raw body, and anything that looks like a signature is masked.
 */
final class S3Failures {

    /** S3 error codes that mean the credentials or the bucket's policy do not allow the call. */
    private static final Set<String> REFUSED = Set.of(
            "AccessDenied",
            "AllAccessDisabled",
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "ExpiredToken",
            "InvalidToken",
            "TokenRefreshRequired",
            "AccountProblem",
            "RequestTimeTooSkewed");

    /** S3 error codes that mean the region is wrong for the bucket. */
    private static final Set<String> WRONG_REGION =
            Set.of("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException");

    private static final Pattern SIGNED =
            Pattern.compile("(?i)(X-Amz-(?:Signature|Credential|Security-Token)=|Signature=|Credential=)[^&\\s,\"']+");

    private final S3Settings settings;

    S3Failures(S3Settings settings) {
        this.settings = settings;
    }

    /**
     * Returns the exception for a failed call.
     *
     * @param action what was being done, e.g. {@code "read"}
     * @param where the object
     * @param failure what the SDK threw
     * @return the exception to throw: {@link FileNotFoundException} for a missing object, {@link
     *     InterruptedIOException} when the thread was interrupted (its flag set again), else an
     *     {@link IOException}
     */
    IOException failed(String action, ObjectAddress where, SdkException failure) {
        String what = "S3 storage could not " + action + " " + where;
        if (failure instanceof AwsServiceException service) {
            return serviceFailure(what, where, service);
        }
        Optional<MediaContent.MediaReadFailure> media = mediaFailure(failure);
        if (media.isPresent()) {
            return mediaFailed(action, where, media.get());
        }
        if (failure instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            Thread.currentThread().interrupt();
            return wrap(new InterruptedIOException(what + ": interrupted"), failure);
        }
        if (failure instanceof ApiCallAttemptTimeoutException || failure instanceof ApiCallTimeoutException) {
            return wrap(
                    new IOException(what + ": timed out (each attempt may take " + key("timeout") + " = "
                            + settings.timeout() + ", " + settings.maxAttempts() + " attempt(s))"),
                    failure);
        }
        return wrap(new IOException(what + ": " + safe(failure.getMessage())), failure);
    }

    /**
     * S3 answered with an error. The SDK's exception is not attached as the cause: its message
     * quotes the server's text unmasked, and everything useful in it (code, status, message, request
     * id) is in this message.
     */
    private IOException serviceFailure(String what, ObjectAddress where, AwsServiceException failure) {
        AwsErrorDetails details = failure.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String message = details == null || details.errorMessage() == null ? "" : details.errorMessage();
        int status = failure.statusCode();
        String said = (code.isEmpty() ? "" : code + " ") + "(HTTP " + status + ")"
                + (message.isEmpty() ? "" : ": " + safe(message))
                + (failure.requestId() == null ? "" : " [request id " + safe(failure.requestId()) + "]");
        if (missing(failure)) {
            return new FileNotFoundException(where + " does not exist, " + said);
        }
        if (code.equals("NoSuchBucket")) {
            return new IOException(what + ": the bucket '" + where.bucket() + "' does not exist, " + said + "; check "
                    + key("bucket") + ", " + key("endpoint") + " and " + key("region"));
        }
        if (status == 403 || REFUSED.contains(code)) {
            return new IOException(what + ": refused, " + said + "; check the credentials (" + key("access-key-id")
                    + " and " + key("secret-access-key") + ", or the AWS SDK's default chain) and the bucket's policy");
        }
        if (status == 301 || WRONG_REGION.contains(code)) {
            return new IOException(what + ": " + said + "; check " + key("region") + " (now " + settings.region()
                    + ") and " + key("endpoint"));
        }
        return new IOException(what + ": " + said);
    }

    /**
     * Returns the exception for media that could not be read while it was being stored.
     *
     * @param action what was being done, e.g. {@code "store"}
     * @param where the object
     * @param failure the media's failure
     * @return an {@link IOException} whose cause is the media's own
     */
    IOException mediaFailed(String action, ObjectAddress where, MediaContent.MediaReadFailure failure) {
        return wrap(
                new IOException("S3 storage could not " + action + " " + where + ": reading the media failed: "
                        + safe(failure.getMessage())),
                failure.getCause());
    }

    /** The media's own read failure, which {@link MediaContent} marks and the SDK wraps. */
    private static Optional<MediaContent.MediaReadFailure> mediaFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MediaContent.MediaReadFailure read) {
                return Optional.of(read);
            }
        }
        return Optional.empty();
    }

    private String key(String key) {
        return S3Settings.NAME + "." + key;
    }

    /** Masks signatures and, should a server echo it, the secret access key. */
    String safe(String text) {
        if (text == null) {
            return "";
        }
        String masked = SIGNED.matcher(text).replaceAll("$1***");
        Optional<String> secret =
                settings.credentials().map(pair -> pair.secretAccessKey().reveal());
        if (secret.isPresent() && !secret.get().isEmpty()) {
            masked = masked.replace(secret.get(), "***");
        }
        return masked;
    }

    private static <T extends IOException> T wrap(T exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }

    /**
     * Tells whether a service failure says the object is missing.
     *
     * @param failure what the SDK threw
     * @return whether it is S3's {@code NoSuchKey}, or a 404 without a body (as to a HEAD)
     */
    static boolean missing(SdkException failure) {
        if (!(failure instanceof AwsServiceException service)) {
            return false;
        }
        AwsErrorDetails details = service.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        return code.equals("NoSuchKey") || (service.statusCode() == 404 && code.isEmpty());
    }
}
