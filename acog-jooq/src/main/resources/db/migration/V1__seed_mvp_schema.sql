-- ACOG schema V1: the MVP DDL of seed/02-database-schema.md (v1.1), object for object.
-- Released migrations are never edited: later changes go into V2, V3, ...

-- ======================================================================
-- Enum Types
-- ======================================================================

-- Episode lifecycle status
-- Tracks progression through the content pipeline
-- ALIGNED WITH API CONTRACTS (v1.1)
CREATE TYPE episode_status AS ENUM (
    'idea',           -- Initial concept captured
    'planning',       -- OpenAI planner generating outline
    'scripting',      -- Script generation in progress
    'script_review',  -- Script ready for human review
    'audio',          -- Audio generation in progress
    'avatar',         -- Avatar video generation in progress
    'broll',          -- B-roll generation in progress
    'assembly',       -- Final video assembly in progress
    'ready',          -- All assets ready, awaiting publish
    'publishing',     -- Upload in progress
    'published',      -- Successfully published to platform
    'failed',         -- Pipeline failed (check pipeline_state for details)
    'cancelled'       -- Manually cancelled by user
);

-- Job status for async pipeline operations
CREATE TYPE job_status AS ENUM (
    'queued',      -- Job queued, waiting for worker
    'running',     -- Job currently executing
    'completed',   -- Job finished successfully
    'failed',      -- Job failed (check error_message)
    'cancelled'    -- Job was cancelled
);

-- Pipeline stage names (standardized)
-- Used in jobs.stage and pipeline_state keys
CREATE TYPE pipeline_stage AS ENUM (
    'planning',       -- Content planning and outline generation
    'scripting',      -- Script generation
    'script_review',  -- Script QA and refinement
    'metadata',       -- SEO metadata generation
    'audio',          -- Voice synthesis (ElevenLabs)
    'avatar',         -- Avatar video generation (HeyGen/Synthesia)
    'broll',          -- B-roll generation (Runway/Pika)
    'assembly',       -- Final video assembly
    'upload'          -- Upload to publishing platform
);

-- Asset types produced during episode pipeline
CREATE TYPE asset_type AS ENUM (
    'script',           -- Final script document (text/markdown)
    'audio',            -- Voice synthesis output (MP3/WAV)
    'avatar_video',     -- Talking head video segments
    'b_roll',           -- Generated or sourced B-roll clips
    'assembled_video',  -- Final rendered video (MP4)
    'thumbnail',        -- Video thumbnail image
    'plan',             -- Stored plan document (alternative to inline JSON)
    'metadata'          -- SEO metadata export
);

-- Idea source tracking
CREATE TYPE idea_source AS ENUM (
    'manual',       -- User-entered topic
    'pulse',        -- Auto-generated from PulseEvent
    'series',       -- Generated as part of a series
    'followup',     -- Follow-up to previous episode
    'repurpose'     -- Repurposed from existing content
);

-- ======================================================================
-- Channel Table
-- ======================================================================

-- Channels represent distinct content brands/personas
-- Each channel has its own voice, style, and publishing identity
CREATE TABLE channels (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Basic identity
    name            VARCHAR(255) NOT NULL,
    slug            VARCHAR(100) NOT NULL UNIQUE,  -- URL-friendly identifier
    description     TEXT,
    niche           VARCHAR(100),  -- Content niche (e.g., "cosmology", "tech_reviews", "finance")

    -- Persona and style configuration (JSONB for flexibility)
    persona         JSONB NOT NULL DEFAULT '{}',
    style_guide     JSONB NOT NULL DEFAULT '{}',

    -- Media generation profiles
    avatar_profile  JSONB NOT NULL DEFAULT '{}',
    voice_profile   JSONB NOT NULL DEFAULT '{}',

    -- Publishing configuration
    cadence         VARCHAR(50),  -- e.g., "3_per_week", "daily", "weekly"
    platform_config JSONB NOT NULL DEFAULT '{}',  -- YouTube channel ID, OAuth refs, etc.

    -- Status and metadata
    is_active       BOOLEAN NOT NULL DEFAULT true,

    -- Timestamps
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    deleted_at      TIMESTAMPTZ  -- Soft delete
);

-- Indexes for Channel
CREATE INDEX idx_channels_slug ON channels(slug) WHERE deleted_at IS NULL;
CREATE INDEX idx_channels_is_active ON channels(is_active) WHERE deleted_at IS NULL;
CREATE INDEX idx_channels_niche ON channels(niche) WHERE deleted_at IS NULL AND niche IS NOT NULL;
CREATE INDEX idx_channels_created_at ON channels(created_at DESC);

-- Comments for documentation
COMMENT ON TABLE channels IS 'Content channels/brands with distinct personas and publishing targets';
COMMENT ON COLUMN channels.niche IS 'Content niche for filtering and recommendations (e.g., cosmology, tech_reviews)';
COMMENT ON COLUMN channels.persona IS 'JSON: background, voice, attitude, values, expertise areas';
COMMENT ON COLUMN channels.style_guide IS 'JSON: tone, complexity, pacing, humor level, do/dont rules';
COMMENT ON COLUMN channels.avatar_profile IS 'JSON: provider (heygen/synthesia), avatar_id, framing, clothing';
COMMENT ON COLUMN channels.voice_profile IS 'JSON: provider (elevenlabs), voice_id, stability, similarity_boost';
COMMENT ON COLUMN channels.cadence IS 'Target publishing frequency: daily, 3_per_week, weekly, etc.';

-- ======================================================================
-- Episode Table
-- ======================================================================

-- Episodes are the core content units that flow through the pipeline
-- Each episode belongs to a channel and progresses through defined stages
CREATE TABLE episodes (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Relationships
    channel_id      UUID NOT NULL REFERENCES channels(id) ON DELETE RESTRICT,
    pulse_event_id  UUID,  -- Optional link to triggering PulseEvent

    -- Content identification
    title           VARCHAR(500),  -- Working title (may change during pipeline)
    slug            VARCHAR(200),  -- URL-friendly identifier

    -- Pipeline status (aligned with API contracts v1.1)
    status          episode_status NOT NULL DEFAULT 'idea',
    idea_source     idea_source NOT NULL DEFAULT 'manual',

    -- Content data (JSONB for complex nested structures)
    idea            JSONB NOT NULL DEFAULT '{}',  -- Original idea/topic brief
    plan            JSONB NOT NULL DEFAULT '{}',  -- Structured outline from planner
    script          TEXT,                          -- Full script content
    script_metadata JSONB NOT NULL DEFAULT '{}',  -- Script version, word count, etc.
    metadata        JSONB NOT NULL DEFAULT '{}',  -- Title, description, tags, SEO

    -- Pipeline execution state
    pipeline_state  JSONB NOT NULL DEFAULT '{}',  -- Per-stage status, timestamps, errors

    -- Publishing information
    published_url   VARCHAR(500),
    published_at    TIMESTAMPTZ,

    -- Execution tracking
    priority        INTEGER NOT NULL DEFAULT 0,   -- Higher = process sooner
    retry_count     INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,

    -- Timestamps
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    deleted_at      TIMESTAMPTZ  -- Soft delete
);

-- Indexes for Episode
CREATE INDEX idx_episodes_channel_id ON episodes(channel_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_episodes_status ON episodes(status) WHERE deleted_at IS NULL;
CREATE INDEX idx_episodes_channel_status ON episodes(channel_id, status) WHERE deleted_at IS NULL;
CREATE INDEX idx_episodes_created_at ON episodes(created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_episodes_pulse_event ON episodes(pulse_event_id) WHERE pulse_event_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX idx_episodes_priority ON episodes(priority DESC, created_at ASC) WHERE status IN ('idea', 'planning', 'scripting', 'script_review', 'audio', 'avatar', 'broll', 'assembly') AND deleted_at IS NULL;

-- Unique slug per channel (added in v1.1)
CREATE UNIQUE INDEX idx_episodes_slug_per_channel ON episodes(channel_id, slug) WHERE deleted_at IS NULL AND slug IS NOT NULL;

-- Comments
COMMENT ON TABLE episodes IS 'Content episodes flowing through the production pipeline';
COMMENT ON COLUMN episodes.idea IS 'JSON: topic, brief, target_audience, key_points, source_context';
COMMENT ON COLUMN episodes.plan IS 'JSON: hook, intro, sections[], key_facts[], ctas[], broll_suggestions[]';
COMMENT ON COLUMN episodes.script IS 'Full script text with markers: [AVATAR], [VOICEOVER], [BROLL:desc]';
COMMENT ON COLUMN episodes.metadata IS 'JSON: final_title, description, tags[], thumbnail_prompt, social_copy';
COMMENT ON COLUMN episodes.pipeline_state IS 'JSON: {stage: {status, started_at, completed_at, error, attempts}}';

-- ======================================================================
-- Jobs Table (Added in v1.1)
-- ======================================================================

-- Jobs track async pipeline operations
-- Each job represents a single stage execution for an episode
-- Jobs are created when pipeline stages are triggered via API
CREATE TABLE jobs (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Relationships
    episode_id      UUID NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,

    -- Job identification
    stage           VARCHAR(50) NOT NULL,  -- planning, scripting, audio, avatar, broll, assembly, metadata, upload

    -- Status tracking
    status          job_status NOT NULL DEFAULT 'queued',

    -- Celery integration
    celery_task_id  VARCHAR(255),  -- Celery task ID for tracking/revocation

    -- Execution details
    input_params    JSONB NOT NULL DEFAULT '{}',  -- Parameters passed to the job
    result          JSONB,                         -- Job output/result data
    error_message   TEXT,                          -- Error details if failed

    -- Timing
    started_at      TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,

    -- Retry tracking
    retry_count     INTEGER NOT NULL DEFAULT 0,
    max_retries     INTEGER NOT NULL DEFAULT 3,

    -- Cost tracking (for billing/analytics)
    cost_usd        DECIMAL(10,4),
    tokens_used     INTEGER,

    -- Timestamps
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Indexes for Jobs
CREATE INDEX idx_jobs_episode_id ON jobs(episode_id);
CREATE INDEX idx_jobs_status ON jobs(status) WHERE status IN ('queued', 'running');
CREATE INDEX idx_jobs_episode_stage ON jobs(episode_id, stage);
CREATE INDEX idx_jobs_celery_task ON jobs(celery_task_id) WHERE celery_task_id IS NOT NULL;
CREATE INDEX idx_jobs_created_at ON jobs(created_at DESC);

-- Comments
COMMENT ON TABLE jobs IS 'Async pipeline job tracking for episode processing stages';
COMMENT ON COLUMN jobs.stage IS 'Pipeline stage: planning, scripting, script_review, metadata, audio, avatar, broll, assembly, upload';
COMMENT ON COLUMN jobs.status IS 'Job execution status: queued, running, completed, failed, cancelled';
COMMENT ON COLUMN jobs.celery_task_id IS 'Celery task ID for monitoring and revocation';
COMMENT ON COLUMN jobs.input_params IS 'JSON: stage-specific input parameters';
COMMENT ON COLUMN jobs.result IS 'JSON: stage-specific output data';

-- ======================================================================
-- Asset Table
-- ======================================================================

-- Assets are generated artifacts attached to episodes
-- Each asset has a type, storage location, and provider metadata
CREATE TABLE assets (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Relationships
    episode_id      UUID NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,

    -- Asset identification
    type            asset_type NOT NULL,
    name            VARCHAR(255),  -- Human-readable name

    -- Storage location
    uri             VARCHAR(1000) NOT NULL,  -- S3/MinIO path or external URL
    storage_bucket  VARCHAR(255),            -- Bucket name for S3/MinIO
    storage_key     VARCHAR(500),            -- Object key within bucket

    -- Provider information
    provider        VARCHAR(100),  -- elevenlabs, heygen, runway, local, etc.
    provider_job_id VARCHAR(255),  -- External job/task ID for tracking

    -- Asset metadata
    metadata        JSONB NOT NULL DEFAULT '{}',

    -- File information
    mime_type       VARCHAR(100),
    file_size_bytes BIGINT,
    duration_ms     INTEGER,  -- For audio/video assets

    -- Status tracking
    is_primary      BOOLEAN NOT NULL DEFAULT false,  -- Primary asset of this type

    -- Timestamps
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    deleted_at      TIMESTAMPTZ  -- Soft delete
);

-- Indexes for Asset
CREATE INDEX idx_assets_episode_id ON assets(episode_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_assets_episode_type ON assets(episode_id, type) WHERE deleted_at IS NULL;
CREATE INDEX idx_assets_type ON assets(type) WHERE deleted_at IS NULL;
CREATE INDEX idx_assets_provider ON assets(provider) WHERE deleted_at IS NULL;
CREATE INDEX idx_assets_created_at ON assets(created_at DESC) WHERE deleted_at IS NULL;

-- Unique constraint: only one primary asset per type per episode
CREATE UNIQUE INDEX idx_assets_primary_unique
    ON assets(episode_id, type)
    WHERE is_primary = true AND deleted_at IS NULL;

-- Comments
COMMENT ON TABLE assets IS 'Generated artifacts (audio, video, scripts) attached to episodes';
COMMENT ON COLUMN assets.uri IS 'Full URI: s3://bucket/key or https://external.url/path';
COMMENT ON COLUMN assets.metadata IS 'JSON: resolution, bitrate, voice_settings, generation_params, cost_cents';
COMMENT ON COLUMN assets.is_primary IS 'True if this is the primary/active asset of this type for the episode';

-- ======================================================================
-- PulseEvent Table (Optional for Phase 1)
-- ======================================================================

-- PulseEvents capture trend intelligence from external sources
-- These can seed episode ideas automatically
CREATE TABLE pulse_events (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Source identification
    source          VARCHAR(100) NOT NULL,  -- youtube, reddit, twitter, news, etc.
    source_id       VARCHAR(255),           -- External ID from source platform
    source_url      VARCHAR(1000),          -- Link to original content

    -- Content
    payload         JSONB NOT NULL DEFAULT '{}',  -- Raw event data

    -- Classification
    topic_tags      TEXT[],  -- Array of topic tags
    relevance_score DECIMAL(5,4),  -- 0.0000 to 1.0000 relevance score

    -- Processing status
    is_processed    BOOLEAN NOT NULL DEFAULT false,
    processed_at    TIMESTAMPTZ,

    -- Matching channels (which channels might use this)
    matched_channels UUID[],  -- Array of channel IDs

    -- Timestamps
    event_timestamp TIMESTAMPTZ,  -- When the event occurred externally
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    deleted_at      TIMESTAMPTZ  -- Soft delete
);

-- Indexes for PulseEvent
CREATE INDEX idx_pulse_events_source ON pulse_events(source) WHERE deleted_at IS NULL;
CREATE INDEX idx_pulse_events_is_processed ON pulse_events(is_processed) WHERE deleted_at IS NULL;
CREATE INDEX idx_pulse_events_score ON pulse_events(relevance_score DESC) WHERE deleted_at IS NULL AND is_processed = false;
CREATE INDEX idx_pulse_events_created_at ON pulse_events(created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_pulse_events_topic_tags ON pulse_events USING GIN(topic_tags) WHERE deleted_at IS NULL;

-- Comments
COMMENT ON TABLE pulse_events IS 'Trend intelligence events from external sources (YouTube, Reddit, etc.)';
COMMENT ON COLUMN pulse_events.payload IS 'JSON: title, content, comments[], metrics{}, context{}';
COMMENT ON COLUMN pulse_events.relevance_score IS 'ML-computed relevance score (0-1)';
COMMENT ON COLUMN pulse_events.matched_channels IS 'Channel IDs this event is relevant to';

-- ======================================================================
-- Add Foreign Key for Episode-PulseEvent
-- ======================================================================

-- Add FK constraint after both tables exist
ALTER TABLE episodes
    ADD CONSTRAINT fk_episodes_pulse_event
    FOREIGN KEY (pulse_event_id)
    REFERENCES pulse_events(id)
    ON DELETE SET NULL;

-- ======================================================================
-- Updated_at Trigger (Added in v1.1)
-- ======================================================================

-- Trigger function to automatically update updated_at timestamp
-- This ensures updated_at is maintained even for direct SQL updates
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ language 'plpgsql';

-- Apply trigger to all tables with updated_at
CREATE TRIGGER update_channels_updated_at
    BEFORE UPDATE ON channels
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_episodes_updated_at
    BEFORE UPDATE ON episodes
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_jobs_updated_at
    BEFORE UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_assets_updated_at
    BEFORE UPDATE ON assets
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_pulse_events_updated_at
    BEFORE UPDATE ON pulse_events
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
