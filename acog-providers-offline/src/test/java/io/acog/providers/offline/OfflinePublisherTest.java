package io.acog.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.ProviderException;
import io.acog.spi.Publisher;
import io.acog.spi.Publisher.Publication;
import io.acog.spi.Publisher.PublishRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher resumes from its checkpoint, as {@link Publisher#publish} asks. */
class OfflinePublisherTest {

    @TempDir
    Path storage;

    private static PublishRequest request() {
        return new PublishRequest(
                OfflineRendersTest.CHANNEL,
                URI.create("file:///final.mp4"),
                "Neutron stars, explained",
                "What a teaspoon weighs.",
                List.of("astronomy"),
                null,
                Publisher.Privacy.UNLISTED,
                null,
                false,
                true,
                null,
                null,
                "en",
                Map.of());
    }

    @Test
    void aRetryAfterAFailureBehindTheCheckpointUploadsOnce() {
        OfflineProviders offline = OfflineProviders.builder()
                .fail("upload", OfflineProviders.Failure.RETRYABLE, 1)
                .build();
        Publisher publisher = offline.publisher();
        JobCall job = new JobCall("upload", storage);

        assertThatThrownBy(() -> publisher.publish(request(), job.attempt()))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(job.checkpoint()).as("saved before the failure").isPresent();
        Publication publication = publisher.publish(request(), job.attempt());

        assertThat(offline.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.videoId()).isEqualTo(job.checkpoint().orElseThrow());
            assertThat(upload.episodeId()).isEqualTo(job.episodeId());
            assertThat(upload.title()).isEqualTo("Neutron stars, explained");
            assertThat(upload.privacy()).isEqualTo(Publisher.Privacy.UNLISTED);
            assertThat(upload.video()).isEqualTo(URI.create("file:///final.mp4"));
        });
        assertThat(publication.externalId()).isEqualTo(job.checkpoint().orElseThrow());
        assertThat(publication.url()).isEqualTo("https://video.offline.invalid/watch/" + publication.externalId());
        assertThat(offline.calls("upload")).hasSize(2);
    }

    @Test
    void aRetryThatLostItsCheckpointUploadsAgain() {
        OfflineProviders offline = OfflineProviders.builder()
                .fail("upload", OfflineProviders.Failure.RETRYABLE, 1)
                .build();
        Publisher publisher = offline.publisher();

        assertThatThrownBy(() -> publisher.publish(request(), new JobCall("upload", storage).attempt()))
                .isInstanceOf(ProviderException.class);
        publisher.publish(request(), new JobCall("upload", storage).attempt());

        assertThat(offline.uploads()).hasSize(2);
    }
}
