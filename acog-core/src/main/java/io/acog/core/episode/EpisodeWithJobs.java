package io.acog.core.episode;

import io.acog.core.job.JobSummary;
import java.util.List;

/**
 * An episode with all of its jobs, oldest first, read in one query.
 *
 * @param episode the episode
 * @param jobs every job of the episode, finished ones included, oldest first
 */
public record EpisodeWithJobs(Episode episode, List<JobSummary> jobs) {

    /**
     * Creates the pair, copying {@code jobs}.
     *
     * @param episode the episode
     * @param jobs every job of the episode, finished ones included, oldest first
     */
    public EpisodeWithJobs {
        jobs = List.copyOf(jobs);
    }
}
