-- Episodes made as a series part, follow-up or repurpose of another episode point at it. SET NULL:
-- purging the source episode must not take its derivatives with it.
ALTER TABLE episodes
    ADD COLUMN source_episode_id UUID REFERENCES episodes(id) ON DELETE SET NULL;

CREATE INDEX idx_episodes_source_episode ON episodes(source_episode_id)
    WHERE source_episode_id IS NOT NULL AND deleted_at IS NULL;

COMMENT ON COLUMN episodes.source_episode_id IS
    'The episode this one continues (idea_source series or followup) or repurposes';
