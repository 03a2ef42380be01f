package io.acog.providers.pexels;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.providers.pexels.StockVideo.VideoFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The choices a JVM keeps for the poll right after: for an hour, and a bounded number of them. */
class RecentChoicesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final RecentChoices recent = new RecentChoices(clock);

    @Test
    void aChoiceIsKeptForAnHourThenLookedUpAgain() {
        recent.keep(choice(1));

        clock.advance(Duration.ofMinutes(59));
        assertThat(recent.recent("1:10")).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(recent.recent("1:10")).isEmpty();
    }

    @Test
    void aForgottenChoiceIsGoneAndTheOldestGoBeyondTheCapacity() {
        for (long id = 1; id <= RecentChoices.CAPACITY + 1; id++) {
            recent.keep(choice(id));
        }
        recent.forget("7:70");

        assertThat(recent.recent("1:10")).as("the oldest").isEmpty();
        assertThat(recent.recent("2:20")).isPresent();
        assertThat(recent.recent("7:70")).isEmpty();
        assertThat(recent.recent((RecentChoices.CAPACITY + 1) + ":" + (RecentChoices.CAPACITY + 1) * 10))
                .isPresent();
    }

    private static ClipChoice choice(long videoId) {
        VideoFile file = new VideoFile(videoId * 10, "hd", "video/mp4", 1920, 1080, "https://cdn.example/" + videoId);
        return new ClipChoice(new StockVideo(videoId, 1920, 1080, 5_000, null, null, null, List.of(file)), file);
    }
}
