package io.acog.examples;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.jooq.generated.Tables.PULSE_EVENTS;

import io.acog.jooq.generated.enums.IdeaSource;
import io.acog.jooq.generated.tables.records.PulseEventsRecord;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.math.BigDecimal;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The README's demo: a PostgreSQL with no setup, the ACOG schema, and a channel with the seed's
 * example persona whose best trend signal becomes an episode idea.
 */
public final class Demo {

    private static final String PERSONA = """
            {"name": "Dr. Sarah Chen",
             "background": "Astrophysicist with 15 years at NASA JPL",
             "expertise_areas": ["cosmology", "black holes", "space exploration"],
             "voice": "Warm, curious, slightly nerdy",
             "attitude": "Enthusiastic about science, accessible explanations",
             "values": ["accuracy", "wonder", "education"],
             "quirks": ["Often uses space analogies", "Ends with thought-provoking questions"],
             "avoid": ["Condescension", "Jargon without explanation"]}""";

    private static final String STYLE_GUIDE = """
            {"tone": "educational_entertaining", "complexity_level": "accessible_advanced",
             "pacing": "measured", "humor_level": "light", "target_length_minutes": 12,
             "structure_preferences": {"hook_style": "question_or_mindblower",
               "intro_length_seconds": 30, "sections_target": 4, "cta_placement": ["mid", "end"]},
             "rules": {"do": ["Use analogies", "Show enthusiasm", "Cite sources"],
                       "dont": ["Clickbait titles", "Sensationalize", "Skip context"]}}""";

    private Demo() {}

    public static void main(String[] args) {
        PostgresServer server = PostgresServer.shared();
        System.out.println("PostgreSQL   " + server.description());
        try (TestDatabase database = server.createDatabase()) {
            DSLContext db = database.dsl();
            Object version = db.fetchValue("SELECT max(version) FROM acog_schema_history"
                    + " WHERE success");
            System.out.println("Database     " + database.name() + ", ACOG schema version " + version);

            UUID channel = db.insertInto(CHANNELS)
                    .set(CHANNELS.NAME, "Cosmos with Dr. Sarah Chen")
                    .set(CHANNELS.SLUG, "cosmos-sarah-chen")
                    .set(CHANNELS.NICHE, "cosmology")
                    .set(CHANNELS.PERSONA, JSONB.valueOf(PERSONA))
                    .set(CHANNELS.STYLE_GUIDE, JSONB.valueOf(STYLE_GUIDE))
                    .set(CHANNELS.CADENCE, "3_per_week")
                    .returning(CHANNELS.ID).fetchOne(CHANNELS.ID);
            System.out.println("Channel      cosmos-sarah-chen (persona Dr. Sarah Chen, niche cosmology)");

            String[][] signals = {
                {"youtube", "yt-jwst-1", "JWST spots a galaxy that should not exist", "0.9100",
                    "cosmology,jwst,galaxies"},
                {"reddit", "t3_bh42", "Why time slows near black holes", "0.8700",
                    "black holes,relativity"},
                {"news", "n-mars-7", "Mars sample return delayed again", "0.6400",
                    "space exploration,mars"},
            };
            for (String[] signal : signals) {
                db.insertInto(PULSE_EVENTS)
                        .set(PULSE_EVENTS.SOURCE, signal[0])
                        .set(PULSE_EVENTS.SOURCE_ID, signal[1])
                        .set(PULSE_EVENTS.PAYLOAD, DSL.jsonbObject(DSL.key("title").value(signal[2])))
                        .set(PULSE_EVENTS.RELEVANCE_SCORE, new BigDecimal(signal[3]))
                        .set(PULSE_EVENTS.TOPIC_TAGS, signal[4].split(","))
                        .execute();
            }
            System.out.println("Pulse        " + signals.length + " trend signals ingested");

            PulseEventsRecord best = db.selectFrom(PULSE_EVENTS)
                    .where(PULSE_EVENTS.IS_PROCESSED.isFalse(), PULSE_EVENTS.DELETED_AT.isNull(),
                            PULSE_EVENTS.RELEVANCE_SCORE.gt(new BigDecimal("0.7")))
                    .orderBy(PULSE_EVENTS.RELEVANCE_SCORE.desc())
                    .limit(1).fetchOne();
            String title = db.select(DSL.jsonbGetAttributeAsText(PULSE_EVENTS.PAYLOAD, "title"))
                    .from(PULSE_EVENTS).where(PULSE_EVENTS.ID.eq(best.getId())).fetchOne(0, String.class);
            db.insertInto(EPISODES)
                    .set(EPISODES.CHANNEL_ID, channel)
                    .set(EPISODES.PULSE_EVENT_ID, best.getId())
                    .set(EPISODES.IDEA_SOURCE, IdeaSource.PULSE)
                    .set(EPISODES.TITLE, title)
                    .set(EPISODES.IDEA, DSL.jsonbObject(DSL.key("topic").value(title)))
                    .execute();
            db.update(PULSE_EVENTS).set(PULSE_EVENTS.IS_PROCESSED, true)
                    .set(PULSE_EVENTS.PROCESSED_AT, DSL.currentOffsetDateTime())
                    .where(PULSE_EVENTS.ID.eq(best.getId())).execute();
            System.out.println("Episode      \"" + title + "\" from " + best.getSource()
                    + " (score " + best.getRelevanceScore() + "), status idea");

            System.out.printf("Rows         channels=%d episodes=%d pulse_events=%d jobs=%d assets=%d%n",
                    db.fetchCount(CHANNELS), db.fetchCount(EPISODES), db.fetchCount(PULSE_EVENTS),
                    db.fetchCount(JOBS), db.fetchCount(ASSETS));
        }
    }
}
