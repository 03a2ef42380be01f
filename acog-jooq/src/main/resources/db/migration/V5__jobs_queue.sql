-- The jobs table becomes ACOG's durable job queue (JobTracker). Additive: the seed's columns keep
-- their meaning; celery_task_id holds the claim token of the worker that runs the job.

ALTER TABLE jobs
    ADD COLUMN priority         INTEGER NOT NULL DEFAULT 0,      -- higher is claimed sooner
    ADD COLUMN run_after        TIMESTAMPTZ NOT NULL DEFAULT NOW(), -- not claimed before (backoff, polling)
    ADD COLUMN locked_by        VARCHAR(255),                    -- the worker holding the lease
    ADD COLUMN locked_until     TIMESTAMPTZ,                     -- the lease: reclaimable after
    ADD COLUMN attempts         INTEGER NOT NULL DEFAULT 0,      -- how often it was claimed
    ADD COLUMN idempotency_key  VARCHAR(255),                    -- enqueue returns the live job with the key
    ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT false,  -- a running job's handler should stop
    ADD CONSTRAINT chk_jobs_priority CHECK (priority >= 0),
    ADD CONSTRAINT chk_jobs_retries CHECK (max_retries >= 0 AND retry_count >= 0);

-- The claim: queued jobs in claim order. Partial, so it holds only the queue's waiting part and
-- stays small however many finished jobs the table keeps.
CREATE INDEX idx_jobs_claim ON jobs(priority DESC, run_after, created_at) WHERE status = 'queued';

-- Expired leases need no index of their own: the seed's idx_jobs_status (queued and running
-- jobs, keyed by status) finds the running ones without touching finished jobs.

-- At most one live (queued or running) job per idempotency key.
CREATE UNIQUE INDEX idx_jobs_idempotency ON jobs(idempotency_key)
    WHERE idempotency_key IS NOT NULL AND status IN ('queued', 'running');

-- Finished jobs, oldest first, for pruning in batches.
CREATE INDEX idx_jobs_finished ON jobs(completed_at) WHERE status IN ('completed', 'failed', 'cancelled');

-- Every job is inserted, updated two or three times (claim, heartbeats, completion) and later
-- pruned: the table churns its whole content while staying small. The default autovacuum
-- thresholds (20% of the table changed) let dead rows pile up between runs and bloat the hot
-- partial indexes; vacuum after 1% (plus 1,000 rows) and analyze after 2% instead, and leave room
-- on each page for HOT updates (fillfactor 80), so that updates that change no indexed column
-- stay on their page.
ALTER TABLE jobs SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_vacuum_insert_scale_factor = 0.05,
    fillfactor = 80
);

COMMENT ON COLUMN jobs.run_after IS 'Not claimed before this time: retry backoff, or the next check of a long provider render';
COMMENT ON COLUMN jobs.locked_until IS 'Lease end: a running job not extended by then is reclaimed';
COMMENT ON COLUMN jobs.attempts IS 'How many times the job was claimed';
