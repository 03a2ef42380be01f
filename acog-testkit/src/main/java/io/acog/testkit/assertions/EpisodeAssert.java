package io.acog.testkit.assertions;

import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.IdeaSource;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageStatus;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link Episode}. */
public final class EpisodeAssert extends AbstractAssert<EpisodeAssert, Episode> {

    EpisodeAssert(Episode actual) {
        super(actual, EpisodeAssert.class);
    }

    /**
     * Asserts that the episode is in this status.
     *
     * @param expected the status
     * @return this assertion
     */
    public EpisodeAssert hasStatus(EpisodeStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage(
                    "Expected episode %s to be %s but it is %s",
                    actual.id(), expected.label(), actual.status().label());
        }
        return this;
    }

    /**
     * Asserts that the episode's idea came from this source.
     *
     * @param expected the idea source
     * @return this assertion
     */
    public EpisodeAssert hasIdeaSource(IdeaSource expected) {
        isNotNull();
        if (actual.ideaSource() != expected) {
            failWithMessage(
                    "Expected episode %s to come from idea source %s but it came from %s",
                    actual.id(), expected.label(), actual.ideaSource().label());
        }
        return this;
    }

    /**
     * Asserts that the episode has this title.
     *
     * @param expected the title
     * @return this assertion
     */
    public EpisodeAssert hasTitle(String expected) {
        isNotNull();
        if (!Objects.equals(actual.title(), expected)) {
            failWithMessage(
                    "Expected episode %s to be titled <%s> but it is titled <%s>",
                    actual.id(), expected, actual.title());
        }
        return this;
    }

    /**
     * Asserts that the episode has this slug.
     *
     * @param expected the slug
     * @return this assertion
     */
    public EpisodeAssert hasSlug(String expected) {
        isNotNull();
        if (!Objects.equals(actual.slug(), expected)) {
            failWithMessage(
                    "Expected episode %s to have slug <%s> but it has <%s>", actual.id(), expected, actual.slug());
        }
        return this;
    }

    /**
     * Asserts that one stage of the episode is in this status ({@code pending} when it has no
     * entry).
     *
     * @param stage the stage
     * @param expected its status
     * @return this assertion
     */
    public EpisodeAssert hasStageStatus(PipelineStage stage, StageStatus expected) {
        isNotNull();
        StageStatus status = actual.pipelineState().status(stage);
        if (status != expected) {
            failWithMessage(
                    "Expected stage %s of episode %s to be %s but it is %s",
                    stage.label(), actual.id(), expected.label(), status.label());
        }
        return this;
    }

    /**
     * Asserts that the episode's script is at this version.
     *
     * @param expected the version, from 1
     * @return this assertion
     */
    public EpisodeAssert hasScriptVersion(int expected) {
        isNotNull();
        Integer version = actual.scriptMetadata().version();
        if (version == null || version != expected) {
            failWithMessage(
                    "Expected the script of episode %s to be at version %s but it is at %s",
                    actual.id(), expected, version);
        }
        return this;
    }

    /**
     * Asserts that the episode was resumed after failing this many times.
     *
     * @param expected the retry count
     * @return this assertion
     */
    public EpisodeAssert hasRetryCount(int expected) {
        isNotNull();
        if (actual.retryCount() != expected) {
            failWithMessage(
                    "Expected episode %s to have been retried %s times but it was %s times",
                    actual.id(), expected, actual.retryCount());
        }
        return this;
    }

    /**
     * Asserts that the episode is live (not soft-deleted).
     *
     * @return this assertion
     */
    public EpisodeAssert isLive() {
        isNotNull();
        if (actual.deleted()) {
            failWithMessage(
                    "Expected episode %s to be live but it was soft-deleted at %s", actual.id(), actual.deletedAt());
        }
        return this;
    }

    /**
     * Asserts that the episode is soft-deleted.
     *
     * @return this assertion
     */
    public EpisodeAssert isSoftDeleted() {
        isNotNull();
        if (!actual.deleted()) {
            failWithMessage("Expected episode %s to be soft-deleted but it is live", actual.id());
        }
        return this;
    }
}
