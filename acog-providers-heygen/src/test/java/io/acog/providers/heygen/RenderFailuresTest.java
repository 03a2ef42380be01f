package io.acog.providers.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failed renders are worth another render, and the keys and checkpoints that make it safe. */
class RenderFailuresTest {

    @ParameterizedTest
    @CsvSource({
        "rendering_failed, true",
        "internal_error, true",
        "download_failed, true",
        "timeout, true",
        "some_new_failure, true",
        "RENDERING_FAILED, true",
        "content_moderation_rejected, false",
        "moderation_failed, false",
        "blocked_words_detected, false",
        "policy_violation, false",
        "invalid_audio_format, false",
        "avatar_not_found, false",
        "audio_too_long, false",
        "video_file_corrupted, false",
        "insufficient_credit, false",
        "400105, false",
        "40119, false",
        "500001, true",
    })
    void aFailureIsRetryableUnlessItsCodeNamesRefusedContentOrInput(String code, boolean retryable) {
        assertThat(RenderFailures.retryable(code)).isEqualTo(retryable);
    }

    @Test
    void aFailureWithoutACodeIsRetryable() {
        assertThat(RenderFailures.retryable(null)).isTrue();
        assertThat(RenderFailures.retryable(" ")).isTrue();
    }

    @Test
    void aJobsKeyIsSentAsItIsUntilARenderFailsThenDerived() {
        assertThat(HeyGenClient.idempotencyKey("acog-6f1c2a3b-0000-4000-8000-000000000001", 0))
                .isEqualTo("acog-6f1c2a3b-0000-4000-8000-000000000001");
        assertThat(HeyGenClient.idempotencyKey("acog-1", 2)).isEqualTo("acog-1:retry-2");
    }

    @Test
    void aKeyHeyGenWouldRefuseIsReplacedByItsStableHash() {
        String key = HeyGenClient.idempotencyKey("episode 1/avatar", 0);

        assertThat(key).matches("[A-Za-z0-9_:.\\-]{1,255}").startsWith("acog-sha256-");
        assertThat(HeyGenClient.idempotencyKey("episode 1/avatar", 0)).isEqualTo(key);
        assertThat(HeyGenClient.idempotencyKey("episode 2/avatar", 0)).isNotEqualTo(key);
        assertThat(HeyGenClient.idempotencyKey("k".repeat(300), 0)).hasSize("acog-sha256-".length() + 64);
    }

    @Test
    void aCheckpointIsReadBackAsWritten() {
        RenderCheckpoint checkpoint = new RenderCheckpoint("ast_1", "vid_1", 2);

        assertThat(RenderCheckpoint.read(Optional.of(checkpoint.json()))).isEqualTo(checkpoint);
        assertThat(RenderCheckpoint.read(Optional.empty())).isEqualTo(RenderCheckpoint.NONE);
        assertThat(checkpoint.withRenderFailed()).isEqualTo(new RenderCheckpoint("ast_1", null, 3));
    }

    @Test
    void aCheckpointThisAdapterDidNotWriteStopsTheSubmitRatherThanPayAgain() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.acog.spi.ProviderException.class, () -> RenderCheckpoint.read(Optional.of("{\"session\":1}")));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("check the account's videos on HeyGen");
    }
}
