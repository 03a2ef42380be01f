package io.acog.examples.boot;

import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.VoiceProfile;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.NewEpisode;
import io.acog.core.pipeline.EpisodePipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes sure the channel exists and starts its episodes; the starter's worker does
 * the rest. Their progress is followed on a thread of its own, so the application is ready (and
 * its health and metrics served) while they are made.
 */
@Component
class ChannelRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRunner.class);

    private final ChannelRepository channels;
    private final EpisodeRepository episodes;
    private final EpisodePipeline pipeline;
    private final ExampleChannel example;
    private final ConfigurableApplicationContext context;

    ChannelRunner(
            ChannelRepository channels,
            EpisodeRepository episodes,
            EpisodePipeline pipeline,
            ExampleChannel example,
            ConfigurableApplicationContext context) {
        this.channels = channels;
        this.episodes = episodes;
        this.pipeline = pipeline;
        this.example = example;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Channel channel = channels.findBySlug(example.slug()).orElseGet(this::createChannel);
        List<UUID> started = new ArrayList<>();
        for (String idea : example.episodes()) {
            Episode episode = episodes.create(
                    NewEpisode.builder(channel.id()).idea(EpisodeIdea.of(idea)).build());
            pipeline.start(episode.id());
            started.add(episode.id());
            LOG.info("Started episode {} of {}: {}", episode.id(), channel.slug(), idea);
        }
        Thread follower = new Thread(() -> follow(started), "example-episodes");
        follower.setDaemon(true);
        follower.start();
    }

    private Channel createChannel() {
        String[] voice = example.voice().split(":", 2);
        Channel channel = channels.create(NewChannel.builder(example.name(), example.slug())
                .niche(example.niche())
                .voiceProfile(VoiceProfile.of(voice[0], voice[1]))
                .build());
        LOG.info("Created channel {} ({})", channel.slug(), channel.name());
        return channel;
    }

    /** Waits for each episode to rest, says how it ended, and stops the application if asked. */
    private void follow(List<UUID> started) {
        int published = 0;
        try {
            for (UUID id : started) {
                Episode episode = pipeline.await(id, example.timeout());
                if (episode.status() == EpisodeStatus.PUBLISHED) {
                    published++;
                    LOG.info("Published '{}' at {}", episode.title(), episode.publishedUrl());
                } else {
                    LOG.warn("Episode {} rests at {}: {}", id, episode.status(), episode.lastError());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("Following the episodes failed", e);
        }
        LOG.info("{} of {} episodes published", published, started.size());
        if (example.exitWhenDone()) {
            int code = published == started.size() ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
