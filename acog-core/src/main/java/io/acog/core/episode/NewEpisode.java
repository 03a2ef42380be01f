package io.acog.core.episode;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link EpisodeRepository#create(NewEpisode)} needs: the channel; the rest is optional. The
 * idea source decides which link is required: {@code pulse} a pulse event, {@code series}, {@code
 * followup} and {@code repurpose} a source episode, {@code manual} neither. Build one with {@link
 * #builder(UUID)}.
 *
 * @param channelId the channel; required
 * @param title the working title; nullable
 * @param slug unique among the channel's live episodes; nullable
 * @param idea the idea; null for an empty one
 * @param plan the plan; null for an empty one
 * @param priority higher is processed sooner
 * @param ideaSource where the idea came from; null for {@code manual}
 * @param pulseEventId the pulse event, for {@code pulse}
 * @param sourceEpisodeId the source episode, for {@code series}, {@code followup} and {@code
 *     repurpose}
 */
public record NewEpisode(
        UUID channelId,
        String title,
        String slug,
        EpisodeIdea idea,
        EpisodePlan plan,
        int priority,
        IdeaSource ideaSource,
        UUID pulseEventId,
        UUID sourceEpisodeId) {

    /**
     * Creates the description of an episode, replacing a null idea, plan or idea source by the
     * defaults.
     *
     * @param channelId the channel; required
     * @param title the working title; nullable
     * @param slug unique among the channel's live episodes; nullable
     * @param idea the idea; null for an empty one
     * @param plan the plan; null for an empty one
     * @param priority higher is processed sooner
     * @param ideaSource where the idea came from; null for {@code manual}
     * @param pulseEventId the pulse event, for {@code pulse}
     * @param sourceEpisodeId the source episode, for {@code series}, {@code followup} and {@code
     *     repurpose}
     */
    public NewEpisode {
        idea = Objects.requireNonNullElse(idea, EpisodeIdea.empty());
        plan = Objects.requireNonNullElse(plan, EpisodePlan.empty());
        ideaSource = Objects.requireNonNullElse(ideaSource, IdeaSource.MANUAL);
    }

    /**
     * Starts building a manual episode for the channel.
     *
     * @param channelId the channel
     * @return a new builder
     */
    public static Builder builder(UUID channelId) {
        return new Builder(channelId);
    }

    /** Builds a {@link NewEpisode}. */
    public static final class Builder {
        private final UUID channelId;
        private String title;
        private String slug;
        private EpisodeIdea idea;
        private EpisodePlan plan;
        private int priority;
        private IdeaSource ideaSource = IdeaSource.MANUAL;
        private UUID pulseEventId;
        private UUID sourceEpisodeId;

        private Builder(UUID channelId) {
            this.channelId = channelId;
        }

        /**
         * Sets the working title.
         *
         * @param title at most 500 characters
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the slug.
         *
         * @param slug unique among the channel's live episodes; lowercase URL-safe, at most 200
         *     characters
         * @return this builder
         */
        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        /**
         * Sets the idea.
         *
         * @param idea the idea
         * @return this builder
         */
        public Builder idea(EpisodeIdea idea) {
            this.idea = idea;
            return this;
        }

        /**
         * Sets a plan made elsewhere; the planning stage replaces it.
         *
         * @param plan the plan
         * @return this builder
         */
        public Builder plan(EpisodePlan plan) {
            this.plan = plan;
            return this;
        }

        /**
         * Sets the priority; higher is processed sooner, 0 by default.
         *
         * @param priority the priority
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Marks it seeded by a pulse event: idea source {@code pulse}.
         *
         * @param pulseEventId the pulse event
         * @return this builder
         */
        public Builder fromPulseEvent(UUID pulseEventId) {
            this.ideaSource = IdeaSource.PULSE;
            this.pulseEventId = pulseEventId;
            this.sourceEpisodeId = null;
            return this;
        }

        /**
         * Marks it made from another episode.
         *
         * @param sourceEpisodeId the episode it comes from
         * @param relation {@code SERIES}, {@code FOLLOWUP} or {@code REPURPOSE}
         * @return this builder
         */
        public Builder derivedFrom(UUID sourceEpisodeId, IdeaSource relation) {
            this.ideaSource = relation;
            this.sourceEpisodeId = sourceEpisodeId;
            this.pulseEventId = null;
            return this;
        }

        /**
         * Builds the description of the episode.
         *
         * @return the new episode, to pass to {@link EpisodeRepository#create(NewEpisode)}
         */
        public NewEpisode build() {
            return new NewEpisode(
                    channelId, title, slug, idea, plan, priority, ideaSource, pulseEventId, sourceEpisodeId);
        }
    }
}
