package io.acog.core.channel;

import static io.acog.testkit.assertions.AcogAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.ConflictException;
import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.fixtures.SeedExamples;
import io.acog.testkit.postgres.AcogPostgres;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class ChannelRepositoryTest {

    @Test
    void createsAndReadsAChannelWithItsProfiles(Acog acog) {
        Channel created = acog.channels()
                .create(NewChannel.builder("Cosmos with Sarah", "cosmos")
                        .description("Space, explained")
                        .niche("cosmology")
                        .persona(SeedExamples.persona())
                        .styleGuide(SeedExamples.styleGuide())
                        .avatarProfile(SeedExamples.avatarProfile())
                        .voiceProfile(SeedExamples.voiceProfile())
                        .cadence("3_per_week")
                        .build());

        assertThat(created).hasSlug("cosmos").hasNiche("cosmology").isActive().isLive();
        assertThat(acog.channels().get(created.id())).isEqualTo(created);
        assertThat(acog.channels().getBySlug("cosmos")).isEqualTo(created);
        assertThat(created.persona()).isEqualTo(SeedExamples.persona());
        assertThat(created.voiceProfile().settings().similarityBoost()).isEqualByComparingTo("0.75");
        assertThat(created.createdAt()).isNotNull();
    }

    @Test
    void refusesBadInputNamingFieldValueAndLimitBeforeWriting(Acog acog, DSLContext db) {
        assertThatThrownBy(() ->
                        acog.channels().create(NewChannel.builder(" ", "ok").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("channel.name is required, got ' ' (blank)");
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("x".repeat(256), "ok").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("channel.name is 256 characters, over the limit of 255");
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Cosmos", "Cosmos!").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("channel.slug 'Cosmos!' is not a slug");
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Cosmos", "a".repeat(101)).build()))
                .hasMessageContaining("channel.slug is 101 characters, over the limit of 100");
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Cos\u0000mos", "ok").build()))
                .hasMessageContaining("channel.name contains the NUL character (U+0000) at index 3");
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Cosmos", "ok")
                                .persona(Persona.empty().withName("nul \u0000 inside"))
                                .build()))
                .hasMessageContaining("channel.persona.name contains the NUL character (U+0000) at index 4");
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Cosmos", "ok")
                                .niche("n".repeat(101))
                                .build()))
                .hasMessageContaining("channel.niche is 101 characters, over the limit of 100");

        assertThat(db.fetchCount(DSL.table("channels"))).isZero();
    }

    @Test
    void emojiCountAsOneCharacterEachAgainstTheLimit(Acog acog) {
        String name = "🚀".repeat(255); // 510 UTF-16 units, 255 characters: fits VARCHAR(255)

        assertThat(acog.channels()
                        .create(NewChannel.builder(name, "rockets").build())
                        .name())
                .isEqualTo(name);
    }

    @Test
    void aTakenSlugIsAConflictNamingTheHolderEvenWhenItIsSoftDeleted(Acog acog, DSLContext db) {
        Channel first =
                acog.channels().create(NewChannel.builder("One", "cosmos").build());

        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Two", "cosmos").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("channel slug 'cosmos' is taken by channel " + first.id() + "; nothing was written");

        acog.channels().softDelete(first.id());
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("Two", "cosmos").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("taken by channel " + first.id() + " (soft-deleted at")
                .hasMessageContaining("channel slugs stay unique across soft-deleted channels too");
        assertThat(db.fetchCount(DSL.table("channels"))).isEqualTo(1);
    }

    @Test
    void updateChangesOnlyWhatItSetsAndKeepsTheRest(Acog acog) {
        Channel channel = acog.channels()
                .create(NewChannel.builder("Cosmos", "cosmos")
                        .niche("cosmology")
                        .persona(SeedExamples.persona())
                        .cadence("daily")
                        .build());

        Channel updated = acog.channels()
                .update(
                        channel.id(),
                        ChannelUpdate.builder()
                                .name("Cosmos Explained")
                                .persona(channel.persona().withVoice("Calmer"))
                                .cadence(null)
                                .build());

        assertThat(updated.name()).isEqualTo("Cosmos Explained");
        assertThat(updated.persona().voice()).isEqualTo("Calmer");
        assertThat(updated.persona().name()).isEqualTo("Dr. Sarah Chen");
        assertThat(updated.cadence()).isNull();
        assertThat(updated.niche()).isEqualTo("cosmology");
        assertThat(updated.slug()).isEqualTo("cosmos");
        assertThat(updated.updatedAt()).isAfterOrEqualTo(channel.updatedAt());
        assertThat(acog.channels().get(channel.id())).isEqualTo(updated);
    }

    @Test
    void anUpdateExpectingAnOlderVersionIsRefused(Acog acog) {
        Channel channel =
                acog.channels().create(NewChannel.builder("Cosmos", "cosmos").build());
        acog.channels()
                .update(channel.id(), ChannelUpdate.builder().name("Changed").build());

        assertThatThrownBy(() -> acog.channels()
                        .update(
                                channel.id(),
                                ChannelUpdate.builder()
                                        .name("Mine")
                                        .unchangedSince(channel.updatedAt())
                                        .build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("channel " + channel.id() + " was changed at");
        assertThat(acog.channels().get(channel.id()).name()).isEqualTo("Changed");
    }

    @Test
    void updateToATakenSlugIsAConflict(Acog acog) {
        Channel first = acog.channels().create(NewChannel.builder("One", "one").build());
        Channel second = acog.channels().create(NewChannel.builder("Two", "two").build());

        assertThatThrownBy(() -> acog.channels()
                        .update(second.id(), ChannelUpdate.builder().slug("one").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("taken by channel " + first.id());
        assertThat(acog.channels().get(second.id()).slug()).isEqualTo("two");
    }

    @Test
    void listingFiltersAndPagesStablyWhileRowsArrive(Acog acog, AcogFixtures fixtures) {
        for (int i = 0; i < 7; i++) {
            fixtures.channel().niche(i % 2 == 0 ? "cosmology" : "finance").create();
        }
        fixtures.channel().niche("cosmology").active(false).create();

        List<UUID> seen = new ArrayList<>();
        ChannelQuery.Builder query =
                ChannelQuery.builder().niche("cosmology").active(true).limit(2);
        Page<Channel> page = acog.channels().list(query.build());
        seen.addAll(page.items().stream().map(Channel::id).toList());
        fixtures.channel().niche("cosmology").create(); // newer than every listed row: not seen
        while (page.hasNext()) {
            page = acog.channels()
                    .list(query.after(page.nextCursor().orElseThrow()).build());
            seen.addAll(page.items().stream().map(Channel::id).toList());
        }

        assertThat(seen).hasSize(4).doesNotHaveDuplicates();
        for (UUID id : seen) {
            assertThat(acog.channels().get(id)).hasNiche("cosmology").isActive();
        }
        assertThat(acog.channels().list(ChannelQuery.all()).items()).hasSize(9);
    }

    @Test
    void aCursorThatWasNotIssuedIsRefused(Acog acog) {
        assertThatThrownBy(() -> acog.channels()
                        .list(ChannelQuery.builder().after("nonsense").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("channel.cursor 'nonsense' is not a cursor");
    }

    @Test
    void listByNicheIsActiveLiveChannelsByName(Acog acog, AcogFixtures fixtures) {
        fixtures.channel().name("Zeta").niche("space").create();
        fixtures.channel().name("Alpha").niche("space").create();
        fixtures.channel().name("Inactive").niche("space").active(false).create();
        Channel deleted = fixtures.channel().name("Deleted").niche("space").create();
        acog.channels().softDelete(deleted.id());
        fixtures.channel().name("Other").niche("finance").create();

        assertThat(acog.channels().listByNiche("space"))
                .extracting(Channel::name)
                .containsExactly("Alpha", "Zeta");
    }

    @Test
    void softDeleteIsRefusedWhileLiveEpisodesRemainUnlessCascaded(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        fixtures.episode().channel(channel).create();
        fixtures.episode().channel(channel).create();

        assertThatThrownBy(() -> acog.channels().softDelete(channel.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("still has 2 live episode(s)")
                .hasMessageContaining("softDeleteWithEpisodes");
        assertThat(acog.channels().get(channel.id())).isLive();

        assertThat(acog.channels().softDeleteWithEpisodes(channel.id())).isEqualTo(2);
        assertThat(acog.channels().find(channel.id())).isEmpty();
        assertThatThrownBy(() -> acog.channels().get(channel.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("channel with id " + channel.id() + " not found");
        assertThat(acog.channels()
                        .list(ChannelQuery.builder().includeDeleted(true).build())
                        .items())
                .singleElement()
                .satisfies(c -> assertThat(c).isSoftDeleted());
    }

    @Test
    void restoreBringsAChannelBack(Acog acog, AcogFixtures fixtures) {
        Channel channel = fixtures.channel().create();
        acog.channels().softDelete(channel.id());

        Channel restored = acog.channels().restore(channel.id());

        assertThat(restored).isLive().hasSlug(channel.slug());
        assertThatThrownBy(() -> acog.channels().restore(channel.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("soft-deleted channel with id " + channel.id() + " not found");
    }

    @Test
    void concurrentCreatesOfOneSlugLeaveExactlyOneChannel(Acog acog) throws Exception {
        int threads = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    acog.channels()
                            .create(NewChannel.builder("Racer " + n, "race").build());
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        Set<Boolean> outcomes = new HashSet<>();
        int won = 0;
        for (var result : results) {
            boolean created = result.get();
            outcomes.add(created);
            won += created ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(acog.channels().list(ChannelQuery.all()).items()).hasSize(1);
    }
}
