/**
 * Episodes: ideas, plans, scripts ({@link io.acog.core.episode.ScriptParser}), the status life
 * cycle ({@link io.acog.core.episode.EpisodeLifecycle}) and per-stage pipeline state.
 */
package io.acog.core.episode;
