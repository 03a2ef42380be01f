package io.acog.providers.s3;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether the mock bucket lets a request go on, as S3 decides for a private bucket: a request
 * signed in its {@code Authorization} header must name the access key id (its signature, over an
 * {@code aws-chunked} payload, is not checked); a presigned URL (the query's {@code
 * X-Amz-Signature}) is checked in full as Signature Version 4 has S3 check it, and refused once
 * {@code X-Amz-Expires} has passed; an unsigned request is refused.
 */
final class BucketAccess {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private BucketAccess() {}

    /**
     * Returns S3's refusal of the request, or empty when it may go on.
     *
     * @param request the request
     * @param query its query parameters, decoded
     * @param secret the secret access key the mock's only key pair signs with
     * @param accessKeyId that key pair's id
     * @return the error to answer, or empty
     */
    static Optional<ResponseDefinition> refusal(
            Request request, Map<String, String> query, String secret, String accessKeyId) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/")
                    ? Optional.empty()
                    : Optional.of(refused(
                            403,
                            "InvalidAccessKeyId",
                            "The AWS Access Key Id you provided does not exist in our records."));
        }
        if (!query.containsKey("X-Amz-Signature")) {
            return Optional.of(refused(403, "AccessDenied", "Access Denied"));
        }
        return presignedRefusal(request, query, secret, accessKeyId);
    }

    private static Optional<ResponseDefinition> presignedRefusal(
            Request request, Map<String, String> query, String secret, String accessKeyId) {
        String[] scope = query.getOrDefault("X-Amz-Credential", "").split("/");
        if (scope.length != 5 || !scope[0].equals(accessKeyId)) {
            return Optional.of(refused(
                    403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."));
        }
        if (!"AWS4-HMAC-SHA256".equals(query.get("X-Amz-Algorithm"))) {
            return Optional.of(refused(
                    400, "AuthorizationQueryParametersError", "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
        }
        String amzDate = query.getOrDefault("X-Amz-Date", "");
        Instant signedAt;
        long expires;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
            expires = Long.parseLong(query.getOrDefault("X-Amz-Expires", ""));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.of(refused(
                    400,
                    "AuthorizationQueryParametersError",
                    "X-Amz-Date must be in the ISO8601 Long Format and X-Amz-Expires a number of seconds"));
        }
        if (expires > 604_800) {
            return Optional.of(refused(
                    400,
                    "AuthorizationQueryParametersError",
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800"));
        }
        if (Instant.now().isAfter(signedAt.plusSeconds(expires))) {
            return Optional.of(refused(403, "AccessDenied", "Request has expired"));
        }
        String canonical = request.getMethod().getName() + "\n"
                + encode(S3Mock.decode(request.getUrl().split("\\?", 2)[0]), false) + "\n"
                + canonicalQuery(query) + "\n"
                + canonicalHeaders(request, query.getOrDefault("X-Amz-SignedHeaders", "")) + "\n"
                + query.getOrDefault("X-Amz-SignedHeaders", "") + "\n"
                + "UNSIGNED-PAYLOAD";
        String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + credentialScope + "\n" + hex(sha256(canonical));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, scope[4]);
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                query.get("X-Amz-Signature").getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(refused(
                    403,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key"
                            + " and signing method."));
        }
        return Optional.empty();
    }

    private static String canonicalQuery(Map<String, String> query) {
        Map<String, String> sorted = new TreeMap<>();
        query.forEach((name, value) -> {
            if (!name.equals("X-Amz-Signature")) {
                sorted.put(encode(name, true), encode(value, true));
            }
        });
        StringBuilder canonical = new StringBuilder();
        sorted.forEach((name, value) -> canonical
                .append(canonical.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(value));
        return canonical.toString();
    }

    private static String canonicalHeaders(Request request, String signedHeaders) {
        StringBuilder canonical = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = request.getHeader(name);
            canonical
                    .append(name.toLowerCase(Locale.ROOT))
                    .append(':')
                    .append(value == null ? "" : value.trim().replaceAll(" +", " "))
                    .append('\n');
        }
        return canonical.toString();
    }

    /** Signature Version 4's URI encoding: all but unreserved characters, {@code /} too when asked. */
    private static String encode(String text, boolean slash) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || (c == '/' && !slash)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static ResponseDefinition refused(int status, String code, String message) {
        return S3Mock.error(status, code, message).withTransformers().build();
    }
}
