package io.acog.core.job;

import io.acog.core.episode.PipelineStage;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A filter and page for {@link JobTracker#list}: newest first, 50 per page (at most 500). Build one
 * with {@link #builder()}.
 *
 * @param episodeId only jobs of this episode
 * @param stage only jobs of this stage
 * @param statuses only jobs in one of these; empty for all
 * @param limit the page size, from 1 to 500
 * @param after the cursor of the previous page
 */
public record JobQuery(
        Optional<UUID> episodeId,
        Optional<PipelineStage> stage,
        Set<JobStatus> statuses,
        int limit,
        Optional<String> after) {

    /**
     * Creates a query, copying {@code statuses} (null becomes empty).
     *
     * @param episodeId only jobs of this episode
     * @param stage only jobs of this stage
     * @param statuses only jobs in one of these; empty for all
     * @param limit the page size, from 1 to 500
     * @param after the cursor of the previous page
     */
    public JobQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    }

    /**
     * Starts building a query of all jobs, 50 per page.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link JobQuery}. */
    public static final class Builder {
        private UUID episodeId;
        private PipelineStage stage;
        private final Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);
        private int limit = 50;
        private String after;

        private Builder() {}

        /**
         * Lists only the episode's jobs.
         *
         * @param episodeId the episode
         * @return this builder
         */
        public Builder episode(UUID episodeId) {
            this.episodeId = episodeId;
            return this;
        }

        /**
         * Lists only jobs of this stage.
         *
         * @param stage the stage
         * @return this builder
         */
        public Builder stage(PipelineStage stage) {
            this.stage = stage;
            return this;
        }

        /**
         * Lists only jobs in one of these statuses (all when none are given); adds to those given
         * before.
         *
         * @param statuses the statuses; neither null nor repeated within one call
         * @return this builder
         */
        public Builder status(JobStatus... statuses) {
            this.statuses.addAll(Set.of(statuses));
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param limit from 1 to 500; 50 by default. A value outside is refused by the listing with
         *     a {@link io.acog.core.ValidationException}
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Continues after the page that returned this cursor.
         *
         * @param cursor the previous page's {@link io.acog.core.Page#nextCursor()}
         * @return this builder
         */
        public Builder after(String cursor) {
            this.after = cursor;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public JobQuery build() {
            return new JobQuery(
                    Optional.ofNullable(episodeId),
                    Optional.ofNullable(stage),
                    statuses,
                    limit,
                    Optional.ofNullable(after));
        }
    }
}
