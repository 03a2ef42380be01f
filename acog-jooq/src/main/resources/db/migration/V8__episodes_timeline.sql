-- The timeline (where each script segment falls on the narration, what covers it, the captions)
-- is laid out once by the audio stage and read by the avatar, b-roll and assembly stages. It is
-- several kilobytes: kept inside pipeline_state, every later stage's commit rewrote and
-- re-compressed it with the state, and every read of the state parsed it. A column of its own is
-- written once and read only where it is needed; an update that does not set it keeps its stored
-- value as it is.
ALTER TABLE episodes ADD COLUMN timeline JSONB;

COMMENT ON COLUMN episodes.timeline IS
    'JSON: duration_ms, cuts[] {segment, source, start_ms, end_ms, clip_index, source_offset_ms, text},'
    ' captions[] {start_ms, end_ms, text}; laid out by the audio stage';

-- Episodes whose audio stage stored the timeline in its pipeline_state entry (before this
-- migration) keep it, moved here.
UPDATE episodes
SET timeline = pipeline_state -> 'audio' -> 'timeline',
    pipeline_state = pipeline_state #- '{audio,timeline}'
WHERE pipeline_state -> 'audio' ? 'timeline';
