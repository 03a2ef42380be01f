/**
 * The episode pipeline: {@link io.acog.core.pipeline.EpisodePipeline} takes an episode from idea
 * to published through nine stages, each a job on {@link io.acog.core.job.JobTracker}, calling the
 * providers of {@code io.acog.spi} (writer, voice, avatar, b-roll, assembler, publisher) outside
 * any transaction and storing what they return with the stage's commit.
 *
 * <p>Build one with {@link io.acog.core.pipeline.EpisodePipeline#builder(io.acog.core.Acog)},
 * registering providers directly or through plugins, and run its stages with workers from {@link
 * io.acog.core.pipeline.EpisodePipeline#worker(String)} in as many JVMs as you like. Hear the
 * episodes' progress with a {@link io.acog.core.pipeline.PipelineListener}; read what they cost
 * with {@link io.acog.core.pipeline.EpisodeCost} and {@link io.acog.core.pipeline.ChannelCost};
 * hand provider webhooks over as a {@link io.acog.core.pipeline.RenderCallback}. Produced files go
 * to an {@link io.acog.spi.AssetStorage}, by default a {@link
 * io.acog.core.pipeline.LocalFileStorage}.
 */
package io.acog.core.pipeline;
