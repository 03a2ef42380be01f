package io.acog.providers.pexels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The job's checkpoint: the clip chosen, and the videos found gone. */
class ClipCheckpointTest {

    @Test
    void itIsReadBackAsWritten() {
        ClipCheckpoint checkpoint = ClipCheckpoint.NONE.withGone(7).withTask("1002:22");

        assertThat(checkpoint.json()).isEqualTo("{\"v\":1,\"task\":\"1002:22\",\"gone\":[7]}");
        assertThat(ClipCheckpoint.parse(checkpoint.json())).contains(checkpoint);
    }

    @Test
    void aGoneVideoLetsGoOfTheTaskAndTheOldestGoneAreForgottenFirst() {
        ClipCheckpoint checkpoint = ClipCheckpoint.NONE.withTask("5:50");
        for (long id = 1; id <= 120; id++) {
            checkpoint = checkpoint.withGone(id);
        }

        assertThat(checkpoint.taskId()).isNull();
        assertThat(checkpoint.goneVideoIds())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(21, 120).boxed().toList());
        assertThat(checkpoint.json().length()).isLessThan(4_000);
    }

    @Test
    void whatThisAdapterDidNotWriteIsNotReadAsACheckpoint() {
        assertThat(ClipCheckpoint.parse("{\"session\":\"https://upload\"}")).isEmpty();
        assertThat(ClipCheckpoint.parse("{\"v\":1,\"task\":\"not-a-task\"}")).isEmpty();
        assertThat(ClipCheckpoint.parse("not json")).isEmpty();
        assertThat(ClipCheckpoint.parse("{\"v\":1}")).contains(new ClipCheckpoint(null, List.of()));
    }
}
