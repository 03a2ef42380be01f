package io.acog.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

@AcogPostgres
class QueryPlansTest {

    @Test
    void recordsThePlanOfEveryPreparedQueryWithItsParameters(DataSource dataSource, DSLContext db)
            throws Exception {
        db.execute("INSERT INTO channels (name, slug) SELECT 'c' || i, 'c-' || i"
                + " FROM generate_series(1, 2000) i");
        db.execute("ANALYZE channels");
        QueryPlans plans = new QueryPlans();

        try (Connection connection = plans.wrap(dataSource).getConnection()) {
            try (PreparedStatement bySlug = connection.prepareStatement(
                    "SELECT name FROM channels WHERE slug = ?")) {
                bySlug.setString(1, "c-7");
                try (ResultSet row = bySlug.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("c7"); // the query itself still runs
                }
            }
            try (PreparedStatement scan = connection.prepareStatement(
                    "SELECT count(*) FROM channels WHERE name LIKE ?")) {
                scan.setString(1, "%7%");
                scan.executeQuery().close();
            }
            connection.prepareStatement("INSERT INTO channels (name, slug) VALUES ('x', 'x')")
                    .executeUpdate();
        }

        assertThat(plans.plans()).hasSize(2);
        assertThat(plans.plans().get(0).indexes()).containsExactly("channels_slug_key");
        assertThat(plans.plans().get(0).sequentialScans()).isEmpty();
        assertThat(plans.plans().get(1).sequentialScans()).containsExactly("channels");
        assertThat(plans.sequentialScans()).containsExactly("channels");
        plans.clear();
        assertThat(plans.plans()).isEmpty();
    }
}
