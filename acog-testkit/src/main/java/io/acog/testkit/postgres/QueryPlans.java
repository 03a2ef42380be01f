package io.acog.testkit.postgres;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.core.Parser;

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
 * <p>Before each prepared {@code SELECT}, {@code UPDATE} or {@code DELETE} runs, the wrapper asks
 * PostgreSQL on the same connection for the plan it would use (without executing the statement)
 * and keeps it; then the statement runs as usual. It asks for the <em>generic</em> plan
 * ({@code PREPARE}, then {@code EXPLAIN EXECUTE} under {@code plan_cache_mode =
 * force_generic_plan}) with the statement's real parameters: the plan the server settles on once
 * the JDBC driver has prepared the statement a few times, which is the one that can miss a partial
 * index whose predicate a bound parameter hides. Where the statement cannot be prepared that way,
 * it records the plan for the parameters' values instead ({@link Plan#generic()} says which). A
 * statement sent with {@code SET [LOCAL] name = value;} before it in the same string is explained
 * under those settings. For tests only: it adds round trips. Thread-safe.
 */
public final class QueryPlans {

    private static final Pattern INDEX =
            Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\w+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private static final AtomicLong PREPARED = new AtomicLong();

    private final List<Plan> plans = Collections.synchronizedList(new ArrayList<>());

    /**
     * One recorded query and its plan, one line per node as {@code EXPLAIN} prints it.
     *
     * @param sql the statement as the application prepared it
     * @param lines the plan, one line per node
     * @param generic whether this is the generic plan (else the plan for the parameters' values)
     */
    public record Plan(String sql, List<String> lines, boolean generic) {

        /**
         * Returns the tables this plan scans whole.
         *
         * @return the table names, in plan order
         */
        public Set<String> sequentialScans() {
            return matches(SEQ_SCAN);
        }

        /**
         * Returns the indexes this plan uses.
         *
         * @return the index names, in plan order
         */
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

    /**
     * Returns a data source whose queries are recorded here.
     *
     * @param dataSource the data source to wrap
     * @return the recording data source
     */
    public DataSource wrap(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return proxy(
                DataSource.class,
                dataSource,
                (method, args, result) ->
                        method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    /**
     * Returns every plan recorded so far, oldest first.
     *
     * @return a copy of the plans
     */
    public List<Plan> plans() {
        synchronized (plans) {
            return List.copyOf(plans);
        }
    }

    /**
     * Returns every table any recorded plan scans whole.
     *
     * @return the table names
     */
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
        return proxy(
                Connection.class,
                connection,
                (method, args, result) -> method.getName().equals("prepareStatement")
                                && args != null
                                && args[0] instanceof String sql
                                && explainable(Settings.of(sql).sql())
                        ? statement(connection, sql, (PreparedStatement) result)
                        : result);
    }

    /**
     * A statement with the {@code SET [LOCAL] name = value;} statements that precede it in the
     * same string (a statement run under settings of its own, e.g. {@code SET LOCAL enable_sort =
     * off; SELECT ...}): it is explained under those settings.
     */
    private record Settings(Map<String, String> values, String sql) {

        private static final Pattern SET =
                Pattern.compile("(?is)^\\s*set\\s+(?:local\\s+|session\\s+)?(\\w+)\\s*(?:=|to)\\s*([^;]+);(.*)");

        static Settings of(String sql) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            String rest = sql;
            for (Matcher set; (set = SET.matcher(rest)).matches(); ) {
                values.put(set.group(1), set.group(2).trim());
                rest = set.group(3);
            }
            return new Settings(values, rest);
        }

        /** Applies the settings for this transaction (or statement); returns what they were. */
        Map<String, String> apply(Connection connection) throws SQLException {
            Map<String, String> before = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> setting : values.entrySet()) {
                try (Statement statement = connection.createStatement();
                        ResultSet current =
                                statement.executeQuery("SELECT current_setting(" + quote(setting.getKey()) + ")")) {
                    current.next();
                    before.put(setting.getKey(), current.getString(1));
                    statement.execute("SET " + setting.getKey() + " = " + setting.getValue());
                }
            }
            return before;
        }

        static void restore(Connection connection, Map<String, String> before) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, String> setting : before.entrySet()) {
                    statement.execute("SELECT set_config(" + quote(setting.getKey()) + ", " + quote(setting.getValue())
                            + ", false)");
                }
            }
        }
    }

    private PreparedStatement statement(Connection connection, String sql, PreparedStatement statement) {
        List<Object[]> parameters = new ArrayList<>();
        List<Method> setters = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                setters.add(method);
                parameters.add(args);
            } else if (name.equals("clearParameters")) {
                setters.clear();
                parameters.clear();
            } else if (name.equals("execute")
                    || name.equals("executeQuery")
                    || name.equals("executeUpdate")
                    || name.equals("executeLargeUpdate")) {
                if (args == null || args.length == 0) {
                    explain(connection, sql, setters, parameters);
                }
            }
            return invoke(method, statement, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(
                QueryPlans.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
    }

    private void explain(Connection connection, String statement, List<Method> setters, List<Object[]> parameters)
            throws SQLException {
        Settings settings = Settings.of(statement);
        Map<String, String> before = settings.apply(connection);
        try {
            explain(connection, settings.sql(), setters, parameters, statement);
        } finally {
            Settings.restore(connection, before);
        }
    }

    private void explain(
            Connection connection, String sql, List<Method> setters, List<Object[]> parameters, String statement)
            throws SQLException {
        List<String> generic = explainGeneric(connection, sql, setters, parameters);
        if (generic != null) {
            plans.add(new Plan(statement, generic, true));
            return;
        }
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
        plans.add(new Plan(statement, List.copyOf(lines), false));
    }

    /**
     * The generic plan: the statement prepared server-side under a name, explained with its
     * parameters as literals while plan_cache_mode forces the generic plan. Inside a transaction
     * this runs in a savepoint, so a statement that cannot be prepared this way leaves the
     * transaction as it was. Returns null when it cannot be done.
     */
    private List<String> explainGeneric(
            Connection connection, String sql, List<Method> setters, List<Object[]> parameters) throws SQLException {
        String literals = literals(setters, parameters);
        if (literals == null) {
            return null;
        }
        String name = "acog_query_plan_" + PREPARED.incrementAndGet();
        String nativeSql =
                Parser.parseJdbcSql(sql, true, true, false, false, false).get(0).nativeSql;
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PREPARE " + name + " AS " + nativeSql);
            try {
                statement.execute("SET plan_cache_mode = force_generic_plan");
                try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE " + name + literals)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            } finally {
                statement.execute("RESET plan_cache_mode");
                statement.execute("DEALLOCATE " + name);
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return null;
        } finally {
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        }
        return List.copyOf(lines);
    }

    /** The parameters as SQL literals, {@code ('a', 2, NULL)}; null if one has no text form. */
    private static String literals(List<Method> setters, List<Object[]> parameters) {
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Object[] args = parameters.get(i);
            Object value = args[1];
            String literal;
            if (setters.get(i).getName().equals("setNull") || value == null) {
                literal = "NULL";
            } else if (value instanceof Number || value instanceof Boolean) {
                literal = value.toString();
            } else if (value instanceof Array array) {
                literal = quote(array.toString());
            } else if (value instanceof byte[] || value instanceof InputStream || value instanceof Reader) {
                return null;
            } else {
                literal = quote(value.toString());
            }
            byIndex.put((Integer) args[0], literal);
        }
        return byIndex.isEmpty() ? "" : "(" + String.join(", ", byIndex.values()) + ")";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static boolean explainable(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("select")
                || start.startsWith("with")
                || start.startsWith("update")
                || start.startsWith("delete");
    }

    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> after.apply(method, args, invoke(method, target, args));
        return type.cast(Proxy.newProxyInstance(QueryPlans.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
