package io.acog.core.episode;

import io.acog.core.job.JobSummary;
import java.util.List;

/** An episode with all of its jobs, oldest first, read in one query. */
public record EpisodeWithJobs(Episode episode, List<JobSummary> jobs) {

    public EpisodeWithJobs {
        jobs = List.copyOf(jobs);
    }
}
