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

    public EpisodeAssert hasStatus(EpisodeStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage(
                    "Expected episode %s to be %s but it is %s",
                    actual.id(), expected.label(), actual.status().label());
        }
        return this;
    }

    public EpisodeAssert hasIdeaSource(IdeaSource expected) {
        isNotNull();
        if (actual.ideaSource() != expected) {
            failWithMessage(
                    "Expected episode %s to come from idea source %s but it came from %s",
                    actual.id(), expected.label(), actual.ideaSource().label());
        }
        return this;
    }

    public EpisodeAssert hasTitle(String expected) {
        isNotNull();
        if (!Objects.equals(actual.title(), expected)) {
            failWithMessage(
                    "Expected episode %s to be titled <%s> but it is titled <%s>",
                    actual.id(), expected, actual.title());
        }
        return this;
    }

    public EpisodeAssert hasSlug(String expected) {
        isNotNull();
        if (!Objects.equals(actual.slug(), expected)) {
            failWithMessage(
                    "Expected episode %s to have slug <%s> but it has <%s>", actual.id(), expected, actual.slug());
        }
        return this;
    }

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

    public EpisodeAssert hasRetryCount(int expected) {
        isNotNull();
        if (actual.retryCount() != expected) {
            failWithMessage(
                    "Expected episode %s to have been retried %s times but it was %s times",
                    actual.id(), expected, actual.retryCount());
        }
        return this;
    }

    public EpisodeAssert isLive() {
        isNotNull();
        if (actual.deleted()) {
            failWithMessage(
                    "Expected episode %s to be live but it was soft-deleted at %s", actual.id(), actual.deletedAt());
        }
        return this;
    }

    public EpisodeAssert isSoftDeleted() {
        isNotNull();
        if (!actual.deleted()) {
            failWithMessage("Expected episode %s to be soft-deleted but it is live", actual.id());
        }
        return this;
    }
}
