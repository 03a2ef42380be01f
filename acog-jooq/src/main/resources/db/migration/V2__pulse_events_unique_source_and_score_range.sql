-- Pulse ingestion skips events it has seen: one row per (source, source_id), soft-deleted rows
-- included (a deleted event is still one ACOG has seen). Rows without a source_id never collide.
CREATE UNIQUE INDEX idx_pulse_events_source_unique ON pulse_events(source, source_id);

-- The seed documents relevance_score as 0.0000 to 1.0000; enforce it.
ALTER TABLE pulse_events
    ADD CONSTRAINT chk_pulse_events_relevance_score
    CHECK (relevance_score >= 0 AND relevance_score <= 1);
