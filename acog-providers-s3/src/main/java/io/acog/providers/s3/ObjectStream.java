package io.acog.providers.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's bytes as {@link S3Storage#open} gives them. Closed before its end (a reader that
 * wanted only the header of a video), it aborts the connection rather than let the HTTP client
 * drain the rest of the object to reuse it, as the SDK advises.
 */
final class ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private boolean ended;

    ObjectStream(ResponseInputStream<?> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int read = super.read();
        ended |= read < 0;
        return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        ended |= read < 0;
        return read;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
