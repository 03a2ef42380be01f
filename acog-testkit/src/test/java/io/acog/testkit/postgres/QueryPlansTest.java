package io.acog.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@AcogPostgres
class QueryPlansTest {

    @Test
    void recordsThePlanOfEveryPreparedQueryWithItsParameters(DataSource dataSource) throws Exception {
        DSLContext db = DSL.using(dataSource, SQLDialect.POSTGRES);
        db.execute("INSERT INTO channels (name, slug) SELECT 'c' || i, 'c-' || i" + " FROM generate_series(1, 2000) i");
        db.execute("ANALYZE channels");
        QueryPlans plans = new QueryPlans();

        try (Connection connection = plans.wrap(dataSource).getConnection()) {
            try (PreparedStatement bySlug = connection.prepareStatement("SELECT name FROM channels WHERE slug = ?")) {
                bySlug.setString(1, "c-7");
                try (ResultSet row = bySlug.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("c7"); // the query itself still runs
                }
            }
            try (PreparedStatement scan =
                    connection.prepareStatement("SELECT count(*) FROM channels WHERE name LIKE ?")) {
                scan.setString(1, "%7%");
                scan.executeQuery().close();
            }
            connection
                    .prepareStatement("INSERT INTO channels (name, slug) VALUES ('x', 'x')")
                    .executeUpdate();
        }

        assertThat(plans.plans()).hasSize(2).allMatch(QueryPlans.Plan::generic);
        assertThat(plans.plans().get(0).indexes()).containsExactly("channels_slug_key");
        assertThat(plans.plans().get(0).sequentialScans()).isEmpty();
        assertThat(plans.plans().get(1).sequentialScans()).containsExactly("channels");
        assertThat(plans.sequentialScans()).containsExactly("channels");
        plans.clear();
        assertThat(plans.plans()).isEmpty();
    }

    @Test
    void recordsTheGenericPlanThatABoundParameterInAPartialIndexPredicateGets(DataSource dataSource) throws Exception {
        DSLContext db = DSL.using(dataSource, SQLDialect.POSTGRES);
        db.execute("INSERT INTO channels (name, slug, is_active) SELECT 'c' || i, 'p-' || i, i % 100 = 0"
                + " FROM generate_series(1, 5000) i");
        db.execute("CREATE INDEX channels_inactive ON channels (created_at) WHERE NOT is_active");
        db.execute("ANALYZE channels");
        QueryPlans plans = new QueryPlans();

        try (Connection connection = plans.wrap(dataSource).getConnection();
                PreparedStatement bound = connection.prepareStatement(
                        "SELECT id FROM channels WHERE is_active = ? ORDER BY created_at LIMIT 1");
                PreparedStatement literal = connection.prepareStatement(
                        "SELECT id FROM channels WHERE is_active = false ORDER BY created_at LIMIT 1")) {
            bound.setBoolean(1, false);
            bound.executeQuery().close();
            literal.executeQuery().close();
        }

        // With the value bound, the generic plan cannot know it matches the index predicate.
        assertThat(plans.plans().get(0).indexes()).doesNotContain("channels_inactive");
        assertThat(plans.plans().get(1).indexes()).contains("channels_inactive");
    }
}
