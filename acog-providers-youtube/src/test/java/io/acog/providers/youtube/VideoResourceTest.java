package io.acog.providers.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.acog.providers.youtube.Secrets.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YouTube's limits on a video's metadata, checked before anything is sent. */
class VideoResourceTest {

    @Test
    void aTitleOfAHundredCharactersIsTaken() {
        Episode episode = new Episode(10);
        episode.title = "é".repeat(100); // characters, not bytes

        assertThat(VideoResource.of(episode.request())
                        .json()
                        .at("/snippet/title")
                        .asText())
                .hasSize(100);
    }

    @Test
    void aTitleOverAHundredCharactersFailsBeforeAnyCallNamingItsLength() {
        try (YouTubeMock youtube = new YouTubeMock()) {
            youtube.grantsTokens();
            YouTubePublisher publisher = youtube.publisher(Map.of(), new MutableClock(Instant.now()));
            Episode episode = new Episode(1000);
            episode.title = "x".repeat(101);

            ProviderException failure =
                    assertNoSecrets(catchThrowable(() -> publisher.publish(episode.request(), episode.call)));

            assertThat(failure.reason()).isEqualTo(Reason.INVALID_REQUEST);
            assertThat(failure.retryable()).isFalse();
            assertThat(failure)
                    .hasMessageContaining("title is 101 characters long")
                    .hasMessageContaining("at most 100");
            assertThat(youtube.requests(anyRequestedFor(anyUrl()))).isEmpty();
        }
    }

    @Test
    void anEmptyTitleFails() {
        Episode episode = new Episode(10);
        episode.title = "  ";

        assertThat(invalid(episode)).hasMessageContaining("title is empty");
    }

    @Test
    void aDescriptionIsMeasuredInBytes() {
        Episode episode = new Episode(10);
        episode.description = "€".repeat(1667); // 5,001 bytes in 1,667 characters

        assertThat(invalid(episode))
                .hasMessageContaining("description is 5001 bytes long")
                .hasMessageContaining("at most 5000");

        episode.description = "€".repeat(1666) + "xx"; // 5,000 bytes
        assertThat(VideoResource.of(episode.request())
                        .json()
                        .at("/snippet/description")
                        .asText())
                .hasSize(1668);
    }

    @Test
    void angleBracketsAreRefusedInTitleAndDescription() {
        Episode episode = new Episode(10);
        episode.title = "Stocks <vs> bonds";
        assertThat(invalid(episode)).hasMessageContaining("title contains '<'");

        episode.title = "Stocks vs bonds";
        episode.description = "a > b";
        assertThat(invalid(episode)).hasMessageContaining("description contains '>'");
    }

    @Test
    void aCategoryMustBeYouTubesNumericId() {
        Episode episode = new Episode(10);
        episode.categoryId = "Education";

        assertThat(invalid(episode)).hasMessageContaining("categoryId").hasMessageContaining("'Education'");
    }

    @Test
    void tagsAreFittedIntoFiveHundredCharactersAsYouTubeCountsThem() {
        Episode episode = new Episode(10);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tags.add("tag number " + i); // 12 or 13 characters, quoted: 14 or 15, plus a comma
        }
        episode.tags = tags;

        VideoResource resource = VideoResource.of(episode.request());

        List<String> kept = new ArrayList<>();
        resource.json().at("/snippet/tags").forEach(tag -> kept.add(tag.asText()));
        int used = kept.stream().mapToInt(VideoResource::tagLength).sum() + kept.size() - 1;
        assertThat(used).isLessThanOrEqualTo(500);
        assertThat(used + 1 + VideoResource.tagLength(resource.droppedTags().get(0)))
                .isGreaterThan(500);
        assertThat(kept).startsWith("tag number 0", "tag number 1");
        assertThat(kept.size() + resource.droppedTags().size()).isEqualTo(60);
    }

    @Test
    void aTagWithASpaceCountsItsQuotes() {
        assertThat(VideoResource.tagLength("Foo-Baz")).isEqualTo(7);
        assertThat(VideoResource.tagLength("Foo Baz")).isEqualTo(9);
    }

    @Test
    void blankTagsAndTagsWithAngleBracketsAreLeftOut() {
        Episode episode = new Episode(10);
        episode.tags = new ArrayList<>(List.of(" money ", "", "<b>", "saving"));

        VideoResource resource = VideoResource.of(episode.request());

        assertThat(resource.json().at("/snippet/tags").toString()).isEqualTo("[\"money\",\"saving\"]");
        assertThat(resource.droppedTags()).containsExactly("<b>");
    }

    private static ProviderException invalid(Episode episode) {
        ProviderException failure = (ProviderException) catchThrowable(() -> VideoResource.of(episode.request()));
        assertThat(failure.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(failure.retryable()).isFalse();
        return failure;
    }
}
