package io.acog.testkit.assertions;

import io.acog.core.channel.Channel;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Channel}. */
public final class ChannelAssert extends AbstractAssert<ChannelAssert, Channel> {

    ChannelAssert(Channel actual) {
        super(actual, ChannelAssert.class);
    }

    /**
     * Asserts that the channel has this slug.
     *
     * @param expected the slug
     * @return this assertion
     */
    public ChannelAssert hasSlug(String expected) {
        isNotNull();
        if (!Objects.equals(actual.slug(), expected)) {
            failWithMessage(
                    "Expected channel %s to have slug <%s> but it has <%s>", actual.id(), expected, actual.slug());
        }
        return this;
    }

    /**
     * Asserts that the channel is in this niche.
     *
     * @param expected the niche
     * @return this assertion
     */
    public ChannelAssert hasNiche(String expected) {
        isNotNull();
        if (!Objects.equals(actual.niche(), expected)) {
            failWithMessage(
                    "Expected channel %s to be in niche <%s> but it is in <%s>",
                    actual.slug(), expected, actual.niche());
        }
        return this;
    }

    /**
     * Asserts that the channel is active.
     *
     * @return this assertion
     */
    public ChannelAssert isActive() {
        isNotNull();
        if (!actual.active()) {
            failWithMessage("Expected channel %s to be active but it is not", actual.slug());
        }
        return this;
    }

    /**
     * Asserts that the channel is live (not soft-deleted).
     *
     * @return this assertion
     */
    public ChannelAssert isLive() {
        isNotNull();
        if (actual.deleted()) {
            failWithMessage(
                    "Expected channel %s to be live but it was soft-deleted at %s", actual.slug(), actual.deletedAt());
        }
        return this;
    }

    /**
     * Asserts that the channel is soft-deleted.
     *
     * @return this assertion
     */
    public ChannelAssert isSoftDeleted() {
        isNotNull();
        if (!actual.deleted()) {
            failWithMessage("Expected channel %s to be soft-deleted but it is live", actual.slug());
        }
        return this;
    }
}
