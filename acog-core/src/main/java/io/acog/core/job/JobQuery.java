package io.acog.core.job;

import io.acog.core.episode.PipelineStage;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A filter and page for {@link JobTracker#list}: newest first, 50 per page (at most 500). */
public record JobQuery(
        Optional<UUID> episodeId,
        Optional<PipelineStage> stage,
        Set<JobStatus> statuses,
        int limit,
        Optional<String> after) {

    public JobQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    }

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

        public Builder episode(UUID episodeId) {
            this.episodeId = episodeId;
            return this;
        }

        public Builder stage(PipelineStage stage) {
            this.stage = stage;
            return this;
        }

        public Builder status(JobStatus... statuses) {
            this.statuses.addAll(Set.of(statuses));
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder after(String cursor) {
            this.after = cursor;
            return this;
        }

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
