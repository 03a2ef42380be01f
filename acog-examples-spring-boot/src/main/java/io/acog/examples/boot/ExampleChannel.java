package io.acog.examples.boot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the example makes, from {@code example.*} in {@code application.yml}: not ACOG's settings
 * (those are {@code acog.*}), only the channel and the episodes this application asks for.
 *
 * @param name the channel's name
 * @param slug the channel's slug; the channel is created once and found by it afterwards
 * @param niche the channel's niche
 * @param voice the voice provider and voice id, as {@code provider:voice}
 * @param episodes the ideas of the episodes to make at start-up
 * @param timeout how long to wait for each episode to come to rest
 * @param exitWhenDone whether to stop the application once every episode rests (for scripts)
 */
@ConfigurationProperties("example")
public record ExampleChannel(
        String name,
        String slug,
        String niche,
        String voice,
        List<String> episodes,
        Duration timeout,
        boolean exitWhenDone) {

    /**
     * Binds the settings, refusing a missing name or slug and a voice not of the form
     * {@code provider:voice}.
     */
    public ExampleChannel {
        Objects.requireNonNull(name, "example.name is required");
        Objects.requireNonNull(slug, "example.slug is required");
        voice = voice == null ? "offline:narrator-1" : voice;
        if (voice.indexOf(':') < 1 || voice.endsWith(":")) {
            throw new IllegalArgumentException("example.voice is '" + voice + "'; write provider:voice,"
                    + " e.g. offline:narrator-1");
        }
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
    }
}
