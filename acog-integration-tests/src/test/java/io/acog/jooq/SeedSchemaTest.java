package io.acog.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.testkit.postgres.AcogPostgres;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V1 is the seed's MVP DDL (seed/02-database-schema.md v1.1), object for object. V1 alone is
 * applied as plain SQL (as psql would) to an empty database, and everything in the schema is
 * compared with the seed: exactly these objects, no others. The expectations are transcribed from
 * the seed's DDL in PostgreSQL's own rendering (format_type, pg_get_indexdef, pg_get_constraintdef,
 * pg_get_triggerdef).
 */
@AcogPostgres(migrated = false)
class SeedSchemaTest {

    private static SchemaCatalog catalog;

    @BeforeAll
    static void applyV1(DSLContext db) {
        MigrationScripts.version(1).applyTo(db);
        catalog = SchemaCatalog.read(db, "public");
    }

    @Test
    void tables() {
        assertThat(catalog.tables()).containsExactly("assets", "channels", "episodes", "jobs", "pulse_events");
    }

    @Test
    void columnsWithTypeLengthNullabilityAndDefaultInSeedOrder() {
        assertThat(catalog.columns()).containsExactlyElementsOf(lines("""
                assets.id uuid NOT NULL DEFAULT gen_random_uuid()
                assets.episode_id uuid NOT NULL
                assets.type asset_type NOT NULL
                assets.name character varying(255)
                assets.uri character varying(1000) NOT NULL
                assets.storage_bucket character varying(255)
                assets.storage_key character varying(500)
                assets.provider character varying(100)
                assets.provider_job_id character varying(255)
                assets.metadata jsonb NOT NULL DEFAULT '{}'::jsonb
                assets.mime_type character varying(100)
                assets.file_size_bytes bigint
                assets.duration_ms integer
                assets.is_primary boolean NOT NULL DEFAULT false
                assets.created_at timestamp with time zone NOT NULL DEFAULT now()
                assets.updated_at timestamp with time zone NOT NULL DEFAULT now()
                assets.deleted_at timestamp with time zone
                channels.id uuid NOT NULL DEFAULT gen_random_uuid()
                channels.name character varying(255) NOT NULL
                channels.slug character varying(100) NOT NULL
                channels.description text
                channels.niche character varying(100)
                channels.persona jsonb NOT NULL DEFAULT '{}'::jsonb
                channels.style_guide jsonb NOT NULL DEFAULT '{}'::jsonb
                channels.avatar_profile jsonb NOT NULL DEFAULT '{}'::jsonb
                channels.voice_profile jsonb NOT NULL DEFAULT '{}'::jsonb
                channels.cadence character varying(50)
                channels.platform_config jsonb NOT NULL DEFAULT '{}'::jsonb
                channels.is_active boolean NOT NULL DEFAULT true
                channels.created_at timestamp with time zone NOT NULL DEFAULT now()
                channels.updated_at timestamp with time zone NOT NULL DEFAULT now()
                channels.deleted_at timestamp with time zone
                episodes.id uuid NOT NULL DEFAULT gen_random_uuid()
                episodes.channel_id uuid NOT NULL
                episodes.pulse_event_id uuid
                episodes.title character varying(500)
                episodes.slug character varying(200)
                episodes.status episode_status NOT NULL DEFAULT 'idea'::episode_status
                episodes.idea_source idea_source NOT NULL DEFAULT 'manual'::idea_source
                episodes.idea jsonb NOT NULL DEFAULT '{}'::jsonb
                episodes.plan jsonb NOT NULL DEFAULT '{}'::jsonb
                episodes.script text
                episodes.script_metadata jsonb NOT NULL DEFAULT '{}'::jsonb
                episodes.metadata jsonb NOT NULL DEFAULT '{}'::jsonb
                episodes.pipeline_state jsonb NOT NULL DEFAULT '{}'::jsonb
                episodes.published_url character varying(500)
                episodes.published_at timestamp with time zone
                episodes.priority integer NOT NULL DEFAULT 0
                episodes.retry_count integer NOT NULL DEFAULT 0
                episodes.last_error text
                episodes.created_at timestamp with time zone NOT NULL DEFAULT now()
                episodes.updated_at timestamp with time zone NOT NULL DEFAULT now()
                episodes.deleted_at timestamp with time zone
                jobs.id uuid NOT NULL DEFAULT gen_random_uuid()
                jobs.episode_id uuid NOT NULL
                jobs.stage character varying(50) NOT NULL
                jobs.status job_status NOT NULL DEFAULT 'queued'::job_status
                jobs.celery_task_id character varying(255)
                jobs.input_params jsonb NOT NULL DEFAULT '{}'::jsonb
                jobs.result jsonb
                jobs.error_message text
                jobs.started_at timestamp with time zone
                jobs.completed_at timestamp with time zone
                jobs.retry_count integer NOT NULL DEFAULT 0
                jobs.max_retries integer NOT NULL DEFAULT 3
                jobs.cost_usd numeric(10,4)
                jobs.tokens_used integer
                jobs.created_at timestamp with time zone NOT NULL DEFAULT now()
                jobs.updated_at timestamp with time zone NOT NULL DEFAULT now()
                pulse_events.id uuid NOT NULL DEFAULT gen_random_uuid()
                pulse_events.source character varying(100) NOT NULL
                pulse_events.source_id character varying(255)
                pulse_events.source_url character varying(1000)
                pulse_events.payload jsonb NOT NULL DEFAULT '{}'::jsonb
                pulse_events.topic_tags text[]
                pulse_events.relevance_score numeric(5,4)
                pulse_events.is_processed boolean NOT NULL DEFAULT false
                pulse_events.processed_at timestamp with time zone
                pulse_events.matched_channels uuid[]
                pulse_events.event_timestamp timestamp with time zone
                pulse_events.created_at timestamp with time zone NOT NULL DEFAULT now()
                pulse_events.updated_at timestamp with time zone NOT NULL DEFAULT now()
                pulse_events.deleted_at timestamp with time zone
                """));
    }

    @Test
    void keysAndForeignKeysWithTheirOnDeleteActions() {
        assertThat(catalog.constraints()).containsExactlyElementsOf(lines("""
                assets: assets_episode_id_fkey FOREIGN KEY (episode_id) REFERENCES episodes(id) ON DELETE CASCADE
                assets: assets_pkey PRIMARY KEY (id)
                channels: channels_pkey PRIMARY KEY (id)
                channels: channels_slug_key UNIQUE (slug)
                episodes: episodes_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE RESTRICT
                episodes: episodes_pkey PRIMARY KEY (id)
                episodes: fk_episodes_pulse_event FOREIGN KEY (pulse_event_id) REFERENCES pulse_events(id) ON DELETE SET NULL
                jobs: jobs_episode_id_fkey FOREIGN KEY (episode_id) REFERENCES episodes(id) ON DELETE CASCADE
                jobs: jobs_pkey PRIMARY KEY (id)
                pulse_events: pulse_events_pkey PRIMARY KEY (id)
                """));
    }

    @Test
    void everyIndexByNameAndDefinition() {
        assertThat(catalog.indexes()).containsExactlyElementsOf(lines("""
                CREATE UNIQUE INDEX assets_pkey ON assets USING btree (id)
                CREATE UNIQUE INDEX channels_pkey ON channels USING btree (id)
                CREATE UNIQUE INDEX channels_slug_key ON channels USING btree (slug)
                CREATE UNIQUE INDEX episodes_pkey ON episodes USING btree (id)
                CREATE INDEX idx_assets_created_at ON assets USING btree (created_at DESC) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_assets_episode_id ON assets USING btree (episode_id) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_assets_episode_type ON assets USING btree (episode_id, type) WHERE (deleted_at IS NULL)
                CREATE UNIQUE INDEX idx_assets_primary_unique ON assets USING btree (episode_id, type) WHERE ((is_primary = true) AND (deleted_at IS NULL))
                CREATE INDEX idx_assets_provider ON assets USING btree (provider) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_assets_type ON assets USING btree (type) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_channels_created_at ON channels USING btree (created_at DESC)
                CREATE INDEX idx_channels_is_active ON channels USING btree (is_active) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_channels_niche ON channels USING btree (niche) WHERE ((deleted_at IS NULL) AND (niche IS NOT NULL))
                CREATE INDEX idx_channels_slug ON channels USING btree (slug) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_episodes_channel_id ON episodes USING btree (channel_id) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_episodes_channel_status ON episodes USING btree (channel_id, status) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_episodes_created_at ON episodes USING btree (created_at DESC) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_episodes_priority ON episodes USING btree (priority DESC, created_at) WHERE ((status = ANY (ARRAY['idea'::episode_status, 'planning'::episode_status, 'scripting'::episode_status, 'script_review'::episode_status, 'audio'::episode_status, 'avatar'::episode_status, 'broll'::episode_status, 'assembly'::episode_status])) AND (deleted_at IS NULL))
                CREATE INDEX idx_episodes_pulse_event ON episodes USING btree (pulse_event_id) WHERE ((pulse_event_id IS NOT NULL) AND (deleted_at IS NULL))
                CREATE UNIQUE INDEX idx_episodes_slug_per_channel ON episodes USING btree (channel_id, slug) WHERE ((deleted_at IS NULL) AND (slug IS NOT NULL))
                CREATE INDEX idx_episodes_status ON episodes USING btree (status) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_jobs_celery_task ON jobs USING btree (celery_task_id) WHERE (celery_task_id IS NOT NULL)
                CREATE INDEX idx_jobs_created_at ON jobs USING btree (created_at DESC)
                CREATE INDEX idx_jobs_episode_id ON jobs USING btree (episode_id)
                CREATE INDEX idx_jobs_episode_stage ON jobs USING btree (episode_id, stage)
                CREATE INDEX idx_jobs_status ON jobs USING btree (status) WHERE (status = ANY (ARRAY['queued'::job_status, 'running'::job_status]))
                CREATE INDEX idx_pulse_events_created_at ON pulse_events USING btree (created_at DESC) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_pulse_events_is_processed ON pulse_events USING btree (is_processed) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_pulse_events_score ON pulse_events USING btree (relevance_score DESC) WHERE ((deleted_at IS NULL) AND (is_processed = false))
                CREATE INDEX idx_pulse_events_source ON pulse_events USING btree (source) WHERE (deleted_at IS NULL)
                CREATE INDEX idx_pulse_events_topic_tags ON pulse_events USING gin (topic_tags) WHERE (deleted_at IS NULL)
                CREATE UNIQUE INDEX jobs_pkey ON jobs USING btree (id)
                CREATE UNIQUE INDEX pulse_events_pkey ON pulse_events USING btree (id)
                """));
    }

    @Test
    void enumsWithTheirLabelsInOrder() {
        assertThat(catalog.enums())
                .containsExactly(
                        "asset_type: script, audio, avatar_video, b_roll, assembled_video, thumbnail, plan,"
                                + " metadata",
                        "episode_status: idea, planning, scripting, script_review, audio, avatar, broll,"
                                + " assembly, ready, publishing, published, failed, cancelled",
                        "idea_source: manual, pulse, series, followup, repurpose",
                        "job_status: queued, running, completed, failed, cancelled",
                        "pipeline_stage: planning, scripting, script_review, metadata, audio, avatar, broll,"
                                + " assembly, upload");
    }

    @Test
    void updatedAtFunctionAndItsFiveTriggers() {
        assertThat(catalog.functions())
                .containsExactly("update_updated_at_column() RETURNS trigger"
                        + " LANGUAGE plpgsql AS BEGIN NEW.updated_at = NOW(); RETURN NEW; END;");
        assertThat(catalog.triggers()).containsExactlyElementsOf(lines("""
                CREATE TRIGGER update_assets_updated_at BEFORE UPDATE ON assets FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()
                CREATE TRIGGER update_channels_updated_at BEFORE UPDATE ON channels FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()
                CREATE TRIGGER update_episodes_updated_at BEFORE UPDATE ON episodes FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()
                CREATE TRIGGER update_jobs_updated_at BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()
                CREATE TRIGGER update_pulse_events_updated_at BEFORE UPDATE ON pulse_events FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()
                """));
    }

    @Test
    void everyComment() {
        assertThat(catalog.comments()).containsExactlyElementsOf(lines("""
                assets.is_primary: True if this is the primary/active asset of this type for the episode
                assets.metadata: JSON: resolution, bitrate, voice_settings, generation_params, cost_cents
                assets.uri: Full URI: s3://bucket/key or https://external.url/path
                assets: Generated artifacts (audio, video, scripts) attached to episodes
                channels.avatar_profile: JSON: provider (heygen/synthesia), avatar_id, framing, clothing
                channels.cadence: Target publishing frequency: daily, 3_per_week, weekly, etc.
                channels.niche: Content niche for filtering and recommendations (e.g., cosmology, tech_reviews)
                channels.persona: JSON: background, voice, attitude, values, expertise areas
                channels.style_guide: JSON: tone, complexity, pacing, humor level, do/dont rules
                channels.voice_profile: JSON: provider (elevenlabs), voice_id, stability, similarity_boost
                channels: Content channels/brands with distinct personas and publishing targets
                episodes.idea: JSON: topic, brief, target_audience, key_points, source_context
                episodes.metadata: JSON: final_title, description, tags[], thumbnail_prompt, social_copy
                episodes.pipeline_state: JSON: {stage: {status, started_at, completed_at, error, attempts}}
                episodes.plan: JSON: hook, intro, sections[], key_facts[], ctas[], broll_suggestions[]
                episodes.script: Full script text with markers: [AVATAR], [VOICEOVER], [BROLL:desc]
                episodes: Content episodes flowing through the production pipeline
                jobs.celery_task_id: Celery task ID for monitoring and revocation
                jobs.input_params: JSON: stage-specific input parameters
                jobs.result: JSON: stage-specific output data
                jobs.stage: Pipeline stage: planning, scripting, script_review, metadata, audio, avatar, broll, assembly, upload
                jobs.status: Job execution status: queued, running, completed, failed, cancelled
                jobs: Async pipeline job tracking for episode processing stages
                pulse_events.matched_channels: Channel IDs this event is relevant to
                pulse_events.payload: JSON: title, content, comments[], metrics{}, context{}
                pulse_events.relevance_score: ML-computed relevance score (0-1)
                pulse_events: Trend intelligence events from external sources (YouTube, Reddit, etc.)
                """));
    }

    private static List<String> lines(String block) {
        return block.lines().toList();
    }
}
