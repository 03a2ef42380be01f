-- Fleet-wide provider limits. A provider's account limits (ElevenLabs: 2 to 15 requests in flight
-- by plan; YouTube: about 100 uploads a day) hold for every worker of every JVM on this database,
-- so they are counted here rather than in memory. Nothing is held open during a provider call: a
-- slot is taken and a window counted in one short transaction before the call, and the slot
-- given back after it.

-- One row per slot of a provider limited to N calls in flight (slots 0 .. N-1, made as needed). A
-- slot is held while the job that took it is running under the same claim and its lease has not
-- run out: a worker that dies mid-call frees its slot when its lease expires, with no sweeper.
CREATE TABLE provider_slots (
    provider   VARCHAR(100) NOT NULL,
    slot       INTEGER      NOT NULL,
    job_id     UUID,                          -- the job whose call holds it; null when free
    claim      VARCHAR(255),                  -- that job's claim token (jobs.celery_task_id)
    taken_at   TIMESTAMPTZ,
    PRIMARY KEY (provider, slot),
    CONSTRAINT chk_provider_slots_slot CHECK (slot >= 0),
    CONSTRAINT chk_provider_slots_holder CHECK ((job_id IS NULL) = (claim IS NULL))
);

-- Calls started per provider in a fixed window: the minute, and the provider's quota day.
CREATE TABLE provider_calls (
    provider     VARCHAR(100) NOT NULL,
    window_kind  VARCHAR(10)  NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    calls        INTEGER      NOT NULL,
    PRIMARY KEY (provider, window_kind, window_start),
    CONSTRAINT chk_provider_calls_kind CHECK (window_kind IN ('minute', 'day')),
    CONSTRAINT chk_provider_calls_calls CHECK (calls >= 0)
);

COMMENT ON TABLE provider_slots IS
    'Calls in flight per provider, for limits that hold across the fleet; a slot is free when its job no longer runs under the same claim';
COMMENT ON TABLE provider_calls IS
    'Calls started per provider and window (minute, quota day), for limits that hold across the fleet';
