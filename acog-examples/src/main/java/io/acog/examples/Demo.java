package io.acog.examples;

import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.channel.NewChannel;
import io.acog.core.episode.Episode;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.core.pulse.PulseEvent;
import io.acog.core.pulse.PulsePayload;
import io.acog.jooq.AcogSchema;
import io.acog.jooq.SchemaMigration;
import io.acog.testkit.fixtures.SeedExamples;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.util.List;

/**
 * The README's demo: a PostgreSQL with no setup, the ACOG schema, a channel with the seed's
 * example persona, a few trend signals, and the best one turned into an episode — all through the
 * public API.
 */
public final class Demo {

    private Demo() {}

    public static void main(String[] args) {
        PostgresServer server = PostgresServer.shared();
        System.out.println("PostgreSQL   " + server.description());
        try (TestDatabase database = server.createEmptyDatabase()) {
            SchemaMigration migration = AcogSchema.migrate(database.dataSource());
            System.out.println("Schema       " + database.name() + " migrated to version "
                    + migration.currentVersion() + " (" + String.join(", ", migration.applied()) + ")");
            Acog acog = Acog.builder().dataSource(database.dataSource()).build();

            Channel channel = acog.channels().create(NewChannel.builder(
                            "Cosmos with Dr. Sarah Chen", "cosmos-sarah-chen")
                    .niche("cosmology")
                    .persona(SeedExamples.persona())
                    .styleGuide(SeedExamples.styleGuide())
                    .avatarProfile(SeedExamples.avatarProfile())
                    .voiceProfile(SeedExamples.voiceProfile())
                    .cadence("3_per_week")
                    .build());
            System.out.println("Channel      " + channel.slug() + ": persona "
                    + channel.persona().name() + ", niche " + channel.niche() + ", pacing "
                    + channel.styleGuide().pacing());

            List<PulseEvent> events = acog.pulseEvents().ingest(List.of(
                    signal("youtube", "yt-jwst-1", "JWST spots a galaxy that should not exist",
                            "0.91", "cosmology", "jwst"),
                    signal("reddit", "t3_bh42", "Why time slows near black holes", "0.87",
                            "black holes", "relativity"),
                    signal("news", "n-mars-7", "Mars sample return delayed again", "0.64",
                            "space exploration", "mars"),
                    signal("youtube", "yt-jwst-1", "JWST spots a galaxy that should not exist",
                            "0.91", "cosmology", "jwst"))).created();
            long matched = acog.pulseEvents().matchChannels(events.stream().map(PulseEvent::id)
                    .toList()).values().stream().filter(ids -> ids.contains(channel.id())).count();
            System.out.println("Pulse        " + events.size() + " new trend signals (duplicates"
                    + " skipped), " + matched + " matched to the channel by niche or persona"
                    + " expertise");

            PulseEvent best = acog.pulseEvents().nextUnprocessed(1).get(0);
            Episode episode = acog.pulseEvents().createEpisode(best.id(), channel.id());
            acog.pulseEvents().markProcessed(List.of(best.id()));
            episode = acog.episodes().saveScript(episode.id(), SeedExamples.script());
            System.out.println("Episode      \"" + episode.title() + "\" from " + best.source()
                    + " (score " + best.relevanceScore() + "), status "
                    + episode.status().getLiteral());
            System.out.println("Script       version " + episode.scriptMetadata().version() + ", "
                    + episode.scriptMetadata().wordCount() + " words, about "
                    + episode.scriptMetadata().estimatedDurationSeconds() + " s at "
                    + episode.scriptMetadata().wordsPerMinute() + " words per minute, b-roll: "
                    + episode.parsedScript().orElseThrow().brollDescriptions());
            System.out.println("Dashboard    " + acog.episodes().statusOverview(channel.id(),
                    java.time.Duration.ofDays(30)));
        }
    }

    private static NewPulseEvent signal(String source, String id, String title, String score,
            String... tags) {
        return NewPulseEvent.builder(source, id).payload(PulsePayload.of(title, null))
                .topicTags(tags).relevanceScore(score).build();
    }
}
