package io.acog.core.pulse;

import static io.acog.testkit.assertions.AcogAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.Persona;
import io.acog.core.episode.Episode;
import io.acog.core.episode.IdeaSource;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PulseEventRepositoryTest {

    private static NewPulseEvent event(String source, String id, String score, String... tags) {
        return NewPulseEvent.builder(source, id)
                .payload(PulsePayload.of("Title " + id, "Content " + id))
                .sourceUrl("https://example.com/" + id)
                .topicTags(tags)
                .relevanceScore(score)
                .build();
    }

    @Test
    void ingestStoresNewEventsAndReportsTheDuplicatesItSkipped(Acog acog) {
        acog.pulseEvents().ingest(List.of(event("reddit", "a", "0.5")));

        IngestResult result = acog.pulseEvents()
                .ingest(List.of(
                        event("reddit", "a", "0.9"), // seen before
                        event("reddit", "b", "0.6"),
                        event("youtube", "a", "0.7"), // same id, other source: new
                        event("reddit", "b", "0.1"), // repeated within the batch
                        event("news", null, "0.2"), // no source id: always new
                        event("news", null, "0.3")));

        assertThat(result.created())
                .extracting(e -> e.source() + "/" + e.sourceId())
                .containsExactly("reddit/b", "youtube/a", "news/null", "news/null");
        assertThat(result.created().get(0).relevanceScore()).isEqualByComparingTo("0.6");
        assertThat(result.created().get(2).relevanceScore()).isEqualByComparingTo("0.2");
        assertThat(result.skipped())
                .extracting(NewPulseEvent::relevanceScore)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.9"), new BigDecimal("0.1"));
        PulseEvent stored = acog.pulseEvents().get(result.created().get(0).id());
        assertThat(stored.payload().title()).isEqualTo("Title b");
        assertThat(stored.sourceUrl()).isEqualTo("https://example.com/b");
    }

    @Test
    void ingestsLargeBatchesAcrossStatements(Acog acog, DSLContext db) {
        List<NewPulseEvent> events = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            events.add(event("reddit", "t3_" + i, "0.5", "tag-" + i % 7));
        }
        events.add(event("reddit", "t3_1", "0.5")); // duplicate of one in the first statement

        IngestResult result = acog.pulseEvents().ingest(events);

        assertThat(result.created()).hasSize(2500);
        assertThat(result.skipped()).hasSize(1);
        assertThat(db.fetchCount(DSL.table("pulse_events"))).isEqualTo(2500);
    }

    @Test
    void aScoreOutsideZeroToOneIsRefusedBeforeTheDatabaseAndByIt(Acog acog, DSLContext db) {
        assertThatThrownBy(() ->
                        acog.pulseEvents().ingest(List.of(event("reddit", "ok", "0.5"), event("reddit", "bad", "1.2"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("pulse event[1].relevance_score is 1.2, outside the range 0 to 1");
        assertThatThrownBy(() -> acog.pulseEvents().ingest(List.of(event("reddit", "neg", "-0.1"))))
                .hasMessage("pulse event[0].relevance_score is -0.1, outside the range 0 to 1");
        assertThatThrownBy(() -> acog.pulseEvents().ingest(List.of(event("reddit", "x", "0.12345"))))
                .hasMessageContaining("is 0.12345, more than 4 decimal places");
        assertThat(db.fetchCount(DSL.table("pulse_events"))).isZero();

        // The CHECK constraint guards writers that bypass ACOG too.
        assertThatThrownBy(() ->
                        db.execute("INSERT INTO pulse_events (source, relevance_score)" + " VALUES ('direct', 1.5)"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("chk_pulse_events_relevance_score");
    }

    @Test
    void searchesByAnyOrAllTags(Acog acog) {
        acog.pulseEvents()
                .ingest(List.of(
                        event("r", "1", "0.9", "space", "jwst"),
                        event("r", "2", "0.5", "space"),
                        event("r", "3", "0.7", "finance"),
                        event("r", "4", "0.8", "jwst", "space", "galaxies")));

        assertThat(acog.pulseEvents().searchByTags(List.of("jwst", "finance"), TagMatch.ANY, 10))
                .extracting(PulseEvent::sourceId)
                .containsExactly("1", "4", "3");
        assertThat(acog.pulseEvents().searchByTags(List.of("space", "jwst"), TagMatch.ALL, 10))
                .extracting(PulseEvent::sourceId)
                .containsExactly("1", "4");
        assertThat(acog.pulseEvents().searchByTags(List.of("space"), TagMatch.ALL, 2))
                .hasSize(2);
        assertThatThrownBy(() -> acog.pulseEvents().searchByTags(List.of(), TagMatch.ANY, 10))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void matchesEventsToChannelsByNicheAndPersonaExpertise(Acog acog, AcogFixtures fixtures) {
        Channel cosmos = fixtures.channel().niche("cosmology").create(); // expertise incl. black holes
        Channel finance = acog.channels()
                .create(NewChannel.builder("Money", "money")
                        .niche("finance")
                        .persona(Persona.empty().withExpertiseAreas(List.of("Crypto")))
                        .build());
        Channel inactive = fixtures.channel().niche("finance").active(false).create();
        List<PulseEvent> events = acog.pulseEvents()
                .ingest(List.of(
                        event("r", "1", "0.9", "Black Holes"),
                        event("r", "2", "0.9", "crypto", "COSMOLOGY"),
                        event("r", "3", "0.9", "gardening")))
                .created();

        Map<UUID, List<UUID>> matches = acog.pulseEvents()
                .matchChannels(events.stream().map(PulseEvent::id).toList());

        assertThat(matches.get(events.get(0).id())).containsExactly(cosmos.id());
        assertThat(matches.get(events.get(1).id()))
                .containsExactlyInAnyOrderElementsOf(List.of(cosmos.id(), finance.id()));
        assertThat(matches.get(events.get(2).id())).isEmpty();
        assertThat(acog.pulseEvents().get(events.get(1).id()).matchedChannels())
                .doesNotContain(inactive.id())
                .hasSize(2);
    }

    @Test
    void nextUnprocessedIsAboveTheThresholdByScoreAndMarkingRemovesThem(Acog acog) {
        List<PulseEvent> events = acog.pulseEvents()
                .ingest(List.of(
                        event("r", "1", "0.7000"),
                        event("r", "2", "0.9"),
                        event("r", "3", "0.71"),
                        event("r", "4", "0.95"),
                        event("r", "5", "0.2")))
                .created();
        acog.pulseEvents().softDelete(events.get(3).id());

        List<PulseEvent> next = acog.pulseEvents().nextUnprocessed(10);
        int marked = acog.pulseEvents()
                .markProcessed(List.of(events.get(1).id(), events.get(4).id()));

        assertThat(next).extracting(PulseEvent::sourceId).containsExactly("2", "3");
        assertThat(marked).isEqualTo(2);
        assertThat(acog.pulseEvents().get(events.get(1).id()).processed()).isTrue();
        assertThat(acog.pulseEvents().get(events.get(1).id()).processedAt()).isNotNull();
        assertThat(acog.pulseEvents().nextUnprocessed(10))
                .extracting(PulseEvent::sourceId)
                .containsExactly("3");
        assertThat(acog.pulseEvents().nextUnprocessed(new BigDecimal("0.1"), 10))
                .hasSize(2);
    }

    @Test
    void createsAnEpisodeFromAnEvent(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        PulseEvent event = fixtures.pulseEvent()
                .title("JWST finds an impossible galaxy")
                .tags("jwst", "galaxies")
                .score("0.91")
                .create();

        Episode episode = acog.pulseEvents().createEpisode(event.id(), channel.id());

        assertThat(episode).hasIdeaSource(IdeaSource.PULSE).hasTitle("JWST finds an impossible galaxy");
        assertThat(episode.pulseEventId()).isEqualTo(event.id());
        assertThat(episode.idea().topic()).isEqualTo("JWST finds an impossible galaxy");
        assertThat(episode.idea().brief()).isEqualTo("A thread about JWST finds an impossible galaxy");
        assertThat(episode.idea().sourceContext())
                .containsEntry("source", "reddit")
                .containsEntry("topic_tags", List.of("jwst", "galaxies"));
    }
}
