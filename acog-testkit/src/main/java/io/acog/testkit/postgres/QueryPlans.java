package io.acog.testkit.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Records the PostgreSQL plan of every query that runs through a data source, so a test can assert
 * how the queries it cannot see (those inside ACOG or your own repositories) are executed:
 *
 * <pre>{@code
 * QueryPlans plans = new QueryPlans();
 * Acog acog = Acog.builder().dataSource(plans.wrap(database.dataSource())).build();
 * acog.episodes().latestWithAssetCounts(channelId, 50);
 * assertThat(plans.sequentialScans()).doesNotContain("episodes", "assets");
 * }</pre>
 *
 * <p>Before each prepared {@code SELECT}, {@code UPDATE} or {@code DELETE} runs, the wrapper runs
 * {@code EXPLAIN} of it on the same connection with the same parameters (without executing it) and
 * keeps the plan; then the statement runs as usual. For tests only: it doubles the round trips.
 * Thread-safe.
 */
public final class QueryPlans {

    private static final Pattern INDEX = Pattern.compile(
            "(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\w+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private final List<Plan> plans = Collections.synchronizedList(new ArrayList<>());

    /** One recorded query and its plan, one line per node as {@code EXPLAIN} prints it. */
    public record Plan(String sql, List<String> lines) {

        /** Tables this plan scans whole. */
        public Set<String> sequentialScans() {
            return matches(SEQ_SCAN);
        }

        /** Indexes this plan uses. */
        public Set<String> indexes() {
            return matches(INDEX);
        }

        private Set<String> matches(Pattern pattern) {
            Set<String> found = new LinkedHashSet<>();
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line);
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
            return found;
        }

        @Override
        public String toString() {
            return sql + "\n  " + String.join("\n  ", lines);
        }
    }

    /** A data source whose queries are recorded here. */
    public DataSource wrap(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return proxy(DataSource.class, dataSource, (method, args, result) ->
                method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    /** Every plan recorded so far, oldest first. */
    public List<Plan> plans() {
        synchronized (plans) {
            return List.copyOf(plans);
        }
    }

    /** Every table any recorded plan scans whole. */
    public Set<String> sequentialScans() {
        Set<String> tables = new LinkedHashSet<>();
        plans().forEach(plan -> tables.addAll(plan.sequentialScans()));
        return tables;
    }

    /** Forgets what was recorded. */
    public void clear() {
        plans.clear();
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args, result) ->
                method.getName().equals("prepareStatement") && args != null
                        && args[0] instanceof String sql && explainable(sql)
                        ? statement(connection, sql, (PreparedStatement) result)
                        : result);
    }

    private PreparedStatement statement(Connection connection, String sql,
            PreparedStatement statement) {
        List<Object[]> parameters = new ArrayList<>();
        List<Method> setters = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2
                    && args[0] instanceof Integer) {
                setters.add(method);
                parameters.add(args);
            } else if (name.equals("clearParameters")) {
                setters.clear();
                parameters.clear();
            } else if (name.equals("execute") || name.equals("executeQuery")
                    || name.equals("executeUpdate") || name.equals("executeLargeUpdate")) {
                if (args == null || args.length == 0) {
                    explain(connection, sql, setters, parameters);
                }
            }
            return invoke(method, statement, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(QueryPlans.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private void explain(Connection connection, String sql, List<Method> setters,
            List<Object[]> parameters) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < setters.size(); i++) {
                try {
                    setters.get(i).invoke(explain, parameters.get(i));
                } catch (ReflectiveOperationException e) {
                    throw new SQLException("Cannot replay " + setters.get(i).getName(), e);
                }
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        plans.add(new Plan(sql, List.copyOf(lines)));
    }

    private static boolean explainable(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("select") || start.startsWith("with") || start.startsWith("update")
                || start.startsWith("delete");
    }

    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) ->
                after.apply(method, args, invoke(method, target, args));
        return type.cast(Proxy.newProxyInstance(QueryPlans.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
