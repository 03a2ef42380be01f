package io.acog.examples.mocks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code aws-chunked} content encoding, decoded as S3 does: the AWS SDK streams a payload it
 * signs (or checksums in a trailer) over plain HTTP as chunks, each {@code <hex size>[;chunk-signature=…]\r\n
 * <bytes>\r\n}, ended by a chunk of size 0 and any trailer headers.
 */
final class AwsChunked {

    private AwsChunked() {}

    /**
     * Tells whether a request's body is {@code aws-chunked}.
     *
     * @param contentEncoding its {@code Content-Encoding}; null for none
     * @param contentSha256 its {@code x-amz-content-sha256}; null for none
     * @return whether to {@link #decode} it
     */
    static boolean applies(String contentEncoding, String contentSha256) {
        return (contentEncoding != null
                        && contentEncoding.toLowerCase(Locale.ROOT).contains("aws-chunked"))
                || (contentSha256 != null && contentSha256.startsWith("STREAMING-"));
    }

    /**
     * Returns the payload of an {@code aws-chunked} body.
     *
     * @param raw the body as sent
     * @return the bytes it carries
     * @throws IllegalArgumentException when it is not {@code aws-chunked}, saying where it breaks
     */
    static byte[] decode(byte[] raw) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length);
        int at = 0;
        while (true) {
            int lineEnd = lineEnd(raw, at);
            String header = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
            int extension = header.indexOf(';');
            String size = (extension < 0 ? header : header.substring(0, extension)).trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("aws-chunked chunk header '" + header + "' at byte " + at);
            }
            at = lineEnd + 2;
            if (length == 0) {
                return decoded.toByteArray(); // trailers, if any, follow: nothing of the payload
            }
            if (length < 0 || at + length + 2 > raw.length) {
                throw new IllegalArgumentException(
                        "aws-chunked chunk of " + length + " bytes at byte " + at + " runs past the body's end");
            }
            decoded.write(raw, at, length);
            at += length;
            if (raw[at] != '\r' || raw[at + 1] != '\n') {
                throw new IllegalArgumentException("aws-chunked chunk at byte " + at + " does not end with CRLF");
            }
            at += 2;
        }
    }

    private static int lineEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("aws-chunked body ends without a chunk header's CRLF after byte " + from);
    }
}
