package org.vertebra.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Asks the database how it would run each SELECT that the site really runs, with the values the
 * site bound, just before the site runs it: SQLite's {@code EXPLAIN QUERY PLAN}, PostgreSQL's
 * {@code EXPLAIN} with sequential scans priced out ({@code enable_seqscan = off}), so that a
 * sequential scan it still picks means that no index can serve the query. Installed on a site's
 * Jdbi, it records one plan per distinct statement; the SQL stays in the repositories.
 */
public final class QueryPlans implements SqlLogger {

    /** A statement as the site ran it, and the lines of its plan. */
    public record Plan(String sql, List<String> lines) {
        @Override
        public String toString() {
            return sql.replaceAll("\\s+", " ") + "\n    " + String.join("\n    ", lines);
        }
    }

    private static final Pattern SQLITE_SCAN = Pattern.compile("^SCAN (\\w+)(?: AS (\\w+))?(.*)$");
    private static final Pattern PG_SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");
    /**
     * An index searched for "not in the trash" alone, then each row read: every live article's row,
     * the whole table read through an index (a join with an OR in it fell back to this, 60 ms a page
     * at 100,000 articles). A covering index read that way (a count of the desk) reads the index only.
     */
    private static final Pattern SQLITE_ALL_LIVE = Pattern.compile("^SEARCH (\\w+) USING INDEX \\w+ \\(deleted_at=\\?\\)$");
    private static final Pattern ALIAS = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)\\s+(?:AS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    private final boolean postgres;
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private volatile boolean recording;

    private QueryPlans(boolean postgres) {
        this.postgres = postgres;
    }

    /** Starts explaining what this Jdbi runs; nothing is recorded until {@link #record()}. */
    public static QueryPlans installOn(Jdbi jdbi, boolean postgres) {
        QueryPlans plans = new QueryPlans(postgres);
        jdbi.getConfig(SqlStatements.class).setSqlLogger(plans);
        return plans;
    }

    public void record() {
        recording = true;
    }

    /** Every distinct statement explained since recording began. */
    public synchronized List<Plan> plans() {
        return List.copyOf(plans.values());
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        if (!recording) {
            return;
        }
        String sql = context.getParsedSql().getSql();
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (!head.startsWith("SELECT") && !head.startsWith("WITH")) {
            return;
        }
        synchronized (this) {
            if (plans.containsKey(sql)) {
                return;
            }
            plans.put(sql, new Plan(sql, explain(context, sql)));
        }
    }

    private List<String> explain(StatementContext context, String sql) {
        Connection connection = context.getConnection();
        try {
            if (postgres) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET enable_seqscan = off");
                }
            }
            try (PreparedStatement explain = connection.prepareStatement((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql)) {
                List<String> names = context.getParsedSql().getParameters().getParameterNames();
                for (int i = 0; i < names.size(); i++) {
                    int position = i;
                    var argument = context.getParsedSql().getParameters().isPositional()
                            ? context.getBinding().findForPosition(position)
                            : context.getBinding().findForName(names.get(i), context);
                    argument.orElseThrow(() -> new IllegalStateException("no value bound for " + names.get(position) + " in " + sql))
                            .apply(position + 1, explain, context);
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(postgres ? rows.getString(1) : rows.getString("detail"));
                    }
                }
                return lines;
            } finally {
                if (postgres) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("RESET enable_seqscan");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not explain " + sql, e);
        }
    }

    /**
     * The tables this plan reads from start to end without an index, or through one that selects
     * every live row, by table name (an alias in SQLite's plan is read back to its table in the
     * statement).
     */
    public List<String> fullScans(Plan plan) {
        List<String> tables = new ArrayList<>();
        for (String line : plan.lines()) {
            String text = line.strip().replaceFirst("^->\\s*", "");
            if (postgres) {
                Matcher m = PG_SEQ_SCAN.matcher(text);
                if (m.find()) {
                    tables.add(m.group(1));
                }
            } else {
                Matcher live = SQLITE_ALL_LIVE.matcher(text);
                if (live.matches()) {
                    tables.add(tableOf(plan.sql(), live.group(1)));
                }
                Matcher m = SQLITE_SCAN.matcher(text);
                if (m.matches() && !m.group(3).contains("INDEX")) {
                    String table = tableOf(plan.sql(), m.group(1));
                    // a CTE is planned under its own name, and scanned under the alias the statement gives it
                    if (!isSubquery(plan, m.group(1)) && !isSubquery(plan, table)) {
                        tables.add(table);
                    }
                }
            }
        }
        return tables;
    }

    /**
     * True when a page of a list (a statement with a LIMIT) has SQLite sort every row that matches
     * to return a few, instead of reading them in order from an index: the cost grows with the
     * list, not the page. Except a range into the future ({@code published_at > now}: what is
     * scheduled, a handful however large the site), sorted cheaply, and the desk's other shelves of a
     * few. A statement without a LIMIT reads all its rows anyway; sorting a handful
     * (one article's tags, a menu) costs nothing.
     */
    public boolean sortsAWholeListForAPage(Plan plan) {
        return !postgres && plan.sql().toUpperCase(Locale.ROOT).contains(" LIMIT ")
                && plan.lines().stream().anyMatch(l -> l.contains("USE TEMP B-TREE FOR ORDER BY"))
                && plan.lines().stream().noneMatch(l -> l.contains("published_at>?)"))
                && !isADeskShelfOfAFew(plan);
    }

    /**
     * The desk's drafts, what waits for review and the trash, read through their own index (status,
     * or the trash's) and sorted: what an editorial team has in hand, a handful however large the
     * site (article/Shelf.holdsAFew).
     */
    private static boolean isADeskShelfOfAFew(Plan plan) {
        return plan.sql().contains("a.status = 'draft'") || plan.sql().contains("a.deleted_at IS NOT NULL");
    }

    /**
     * Whether SQLite's plan builds {@code name} from a subquery of the statement (a co-routine or a
     * materialised result, planned on lines of its own): scanning those few rows is not reading a
     * table; how the subquery reads its table is checked on its own lines.
     */
    private static boolean isSubquery(Plan plan, String name) {
        return plan.lines().stream().map(String::strip)
                .anyMatch(l -> l.equals("CO-ROUTINE " + name) || l.equals("MATERIALIZE " + name));
    }

    private static String tableOf(String sql, String nameOrAlias) {
        Matcher m = ALIAS.matcher(sql);
        while (m.find()) {
            if (m.group(2).equalsIgnoreCase(nameOrAlias)) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return nameOrAlias.toLowerCase(Locale.ROOT);
    }
}
