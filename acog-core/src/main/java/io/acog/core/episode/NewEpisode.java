package io.acog.core.episode;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link EpisodeRepository#create(NewEpisode)} needs: the channel; the rest is optional. The
 * idea source decides which link is required: {@code pulse} a pulse event, {@code series},
 * {@code followup} and {@code repurpose} a source episode, {@code manual} neither.
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

    public NewEpisode {
        idea = Objects.requireNonNullElse(idea, EpisodeIdea.empty());
        plan = Objects.requireNonNullElse(plan, EpisodePlan.empty());
        ideaSource = Objects.requireNonNullElse(ideaSource, IdeaSource.MANUAL);
    }

    /** A manual episode for the channel. */
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

        /** The working title, at most 500 characters. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Unique among the channel's live episodes; lowercase URL-safe, at most 200 characters. */
        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder idea(EpisodeIdea idea) {
            this.idea = idea;
            return this;
        }

        public Builder plan(EpisodePlan plan) {
            this.plan = plan;
            return this;
        }

        /** Higher is processed sooner; 0 by default. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Seeded by a pulse event: idea source {@code pulse}. */
        public Builder fromPulseEvent(UUID pulseEventId) {
            this.ideaSource = IdeaSource.PULSE;
            this.pulseEventId = pulseEventId;
            this.sourceEpisodeId = null;
            return this;
        }

        /**
         * Made from another episode.
         *
         * @param relation {@code SERIES}, {@code FOLLOWUP} or {@code REPURPOSE}
         */
        public Builder derivedFrom(UUID sourceEpisodeId, IdeaSource relation) {
            this.ideaSource = relation;
            this.sourceEpisodeId = sourceEpisodeId;
            this.pulseEventId = null;
            return this;
        }

        public NewEpisode build() {
            return new NewEpisode(
                    channelId, title, slug, idea, plan, priority, ideaSource, pulseEventId, sourceEpisodeId);
        }
    }
}
