package io.acog.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class ObjectStreamTest {

    private final AtomicInteger aborts = new AtomicInteger();

    private ObjectStream stream(byte[] bytes) {
        return new ObjectStream(new ResponseInputStream<>(
                GetObjectResponse.builder().build(),
                AbortableInputStream.create(new ByteArrayInputStream(bytes), aborts::incrementAndGet)));
    }

    @Test
    void closedBeforeItsEndTheDownloadIsAbortedRatherThanDrained() throws IOException {
        try (InputStream in = stream(new byte[10_000])) {
            assertThat(in.readNBytes(100)).hasSize(100);
        }

        assertThat(aborts).hasValue(1);
    }

    @Test
    void readToItsEndItClosesWithoutAborting() throws IOException {
        try (InputStream in = stream(new byte[10_000])) {
            assertThat(in.readAllBytes()).hasSize(10_000);
        }

        assertThat(aborts).hasValue(0);
    }
}
