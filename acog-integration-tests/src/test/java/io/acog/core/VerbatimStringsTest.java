package io.acog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.asset.NewAsset;
import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelQuery;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.Persona;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.NewEpisode;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.core.pulse.PulseEvent;
import io.acog.core.pulse.PulsePayload;
import io.acog.core.pulse.TagMatch;
import io.acog.testing.Jooq;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jooq.impl.DSL;

/**
 * Whatever text a host hands ACOG — SQL metacharacters, quotes, backslashes, dollar quotes, emoji,
 * control characters, right-to-left and combining marks — comes back exactly as it went in, in
 * every string field of the public API. The two things PostgreSQL cannot store (NUL and unpaired
 * surrogates) are refused by name, and nothing is written.
 */
class VerbatimStringsTest {

    private static TestDatabase database;
    private static Acog acog;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @BeforeContainer
    static void database() {
        database = PostgresServer.shared().createDatabase();
        acog = Acog.builder().dataSource(database.dataSource()).build();
    }

    @AfterContainer
    static void drop() {
        database.close();
    }

    private static final List<String> NASTY = List.of(
            "'",
            "''",
            "\"",
            ";",
            "--",
            "/*",
            "*/",
            "\\",
            "\\\\",
            "%",
            "_",
            "$$",
            "$tag$",
            "?",
            ":name",
            "{0}",
            "${x}",
            "' OR '1'='1",
            "'); DROP TABLE channels; --",
            "\t",
            "\n",
            "\r\n",
            "\u0001",
            "\u001b[31m",
            "\u007f",
            "\u00a0",
            "\u200b",
            "\u200f",
            "\u202e",
            "e\u0301",
            "🚀",
            "👩🏽‍🚀",
            "𝔘𝔫𝔦",
            "中文",
            "עברית",
            "\uFEFF",
            "\uFFFD",
            "[AVATAR]",
            "{\"a\":1}",
            "null",
            "NULL",
            " ");

    /** Text made of nasty pieces and arbitrary storable characters. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(NASTY),
                Arbitraries.strings()
                        .withCharRange('\u0001', '\uD7FF')
                        .ofMinLength(1)
                        .ofMaxLength(3),
                Arbitraries.strings()
                        .withCharRange('\uE000', '\uFFFF')
                        .ofMinLength(1)
                        .ofMaxLength(2));
        return piece.list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(pieces -> String.join("", pieces))
                .filter(text -> !text.isBlank());
    }

    private static String slug(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    private static String cut(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints
                ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    @Property(tries = 150)
    void everyStringFieldReadsBackVerbatim(@ForAll("text") String text) {
        Channel channel = acog.channels()
                .create(NewChannel.builder(cut(text, 255), slug("c"))
                        .description(text)
                        .niche(cut(text, 100))
                        .cadence(cut(text, 50))
                        .persona(Persona.empty().withName(text).withValues(List.of(text, text)))
                        .build());
        Episode episode = acog.episodes()
                .create(NewEpisode.builder(channel.id())
                        .title(cut(text, 500))
                        .idea(EpisodeIdea.of(text).withBrief(text))
                        .build());
        Asset asset = acog.assets()
                .add(NewAsset.builder(episode.id(), AssetType.AUDIO, "s3://acog-test/" + SEQUENCE.incrementAndGet())
                        .name(cut(text, 255))
                        .provider(cut(text, 100), cut(text, 255))
                        .mimeType(cut(text, 100))
                        .build());
        PulseEvent event = acog.pulseEvents()
                .ingest(List.of(NewPulseEvent.builder(cut(text, 100), cut(text, 200) + SEQUENCE.incrementAndGet())
                        .sourceUrl(cut(text, 1000))
                        .payload(PulsePayload.of(text, text))
                        .topicTags(text, text + "2")
                        .build()))
                .created()
                .get(0);

        Channel readChannel = acog.channels().get(channel.id());
        assertThat(readChannel).isEqualTo(channel);
        assertThat(readChannel.name()).isEqualTo(cut(text, 255));
        assertThat(readChannel.description()).isEqualTo(text);
        assertThat(readChannel.persona().name()).isEqualTo(text);
        Episode readEpisode = acog.episodes().get(episode.id());
        assertThat(readEpisode.title()).isEqualTo(cut(text, 500));
        assertThat(readEpisode.idea().brief()).isEqualTo(text);
        assertThat(acog.assets().get(asset.id()).name()).isEqualTo(cut(text, 255));
        PulseEvent readEvent = acog.pulseEvents().get(event.id());
        assertThat(readEvent.payload().title()).isEqualTo(text);
        assertThat(readEvent.topicTags()).containsExactly(text, text + "2");
        assertThat(readEvent.source()).isEqualTo(cut(text, 100));
    }

    @Provide
    Arbitrary<String> unstorable() {
        return Arbitraries.of("\u0000", "a\u0000b", "\uD800", "x\uDC00", "\uD83D", "tail\uD83D")
                .flatMap(bad -> text().map(text -> text + bad));
    }

    @Property(tries = 40)
    void textPostgresCannotStoreIsRefusedNamingTheFieldAndNothingIsWritten(@ForAll("unstorable") String text) {
        int channels = Jooq.dsl(database).fetchCount(DSL.table("channels"));

        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("ok", slug("bad"))
                                .description(text)
                                .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("channel.description contains ");
        assertThatThrownBy(() -> acog.channels()
                        .create(NewChannel.builder("ok", slug("bad"))
                                .persona(Persona.empty().withName(text))
                                .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("channel.persona.name contains ");

        assertThat(Jooq.dsl(database).fetchCount(DSL.table("channels"))).isEqualTo(channels);
    }

    /** Lookups by such text are refused by name too, rather than failing in PostgreSQL. */
    @Property(tries = 20)
    void lookingUpByTextPostgresCannotStoreIsRefusedNamingTheField(@ForAll("unstorable") String text) {
        assertThatThrownBy(() -> acog.channels().findBySlug(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("channel.slug contains ");
        assertThatThrownBy(() -> acog.channels().listByNiche(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("channel.niche contains ");
        assertThatThrownBy(() ->
                        acog.channels().list(ChannelQuery.builder().niche(text).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("channel.niche contains ");
        assertThatThrownBy(() -> acog.episodes().findBySlug(UUID.randomUUID(), text))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("episode.slug contains ");
        assertThatThrownBy(() -> acog.pulseEvents().searchByTags(List.of("space", text), TagMatch.ANY, 10))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("pulse event.topic_tags[1] contains ");
    }
}
