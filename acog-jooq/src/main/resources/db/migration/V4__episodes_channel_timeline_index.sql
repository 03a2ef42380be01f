-- The channel dashboard reads a channel's newest episodes and counts its recent ones by status.
-- With only (channel_id) and (channel_id, status) to go by, both visit every episode of the channel
-- in the heap: at 1,000 episodes per channel that is ~1,000 random page reads per call. Keyed by
-- creation time (id breaks ties, as keyset paging orders) and carrying the status, this index
-- serves "latest 50" with 50 heap reads and the 30-day status overview as an index-only scan.
CREATE INDEX idx_episodes_channel_created ON episodes(channel_id, created_at DESC, id DESC)
    INCLUDE (status) WHERE deleted_at IS NULL;
