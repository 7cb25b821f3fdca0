package org.vertebra.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps each handle's prepared statements for the life of the handle, for SQLite: its driver
 * compiles the SQL again on every prepare, and a bulk import (a WordPress export, a batch of posts
 * per transaction) prepares the same few dozen statements for every post; with them kept, a
 * 10,000-post import took about a tenth less time (bench/RESULTS.md). A statement is reused only when it is
 * idle, so a query run while the same one is still being read gets a statement of its own; all
 * are closed with the handle. (PostgreSQL's driver caches prepared statements itself.)
 */
final class CachingStatementBuilder extends DefaultStatementBuilder {

    static final StatementBuilderFactory FACTORY = connection -> new CachingStatementBuilder();
    /** Enough for every statement of a bulk import; SQL written per call (lists of varying length) cannot fill memory. */
    private static final int MOST = 100;

    /** Idle statements by the SQL they were prepared from (Jdbi's, with its placeholders). */
    private final Map<String, PreparedStatement> idle = new HashMap<>();
    /** Every statement kept, idle or in use, with its SQL: Jdbi closes a statement naming the SQL as written, not as prepared. */
    private final Map<Statement, String> kept = new IdentityHashMap<>();

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
            return super.create(conn, sql, ctx);
        }
        PreparedStatement statement = idle.remove(sql);
        if (statement != null) {
            if (!statement.isClosed()) {
                return statement;
            }
            kept.remove(statement);
        }
        statement = super.create(conn, sql, ctx);
        kept.put(statement, sql);
        return statement;
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        String prepared = kept.get(stmt);
        if (prepared == null || idle.containsKey(prepared) || idle.size() >= MOST || stmt.isClosed()) {
            kept.remove(stmt);
            super.close(conn, sql, stmt);
            return;
        }
        try {
            PreparedStatement statement = (PreparedStatement) stmt;
            statement.clearParameters();
            statement.clearBatch();
            if (statement.getMaxRows() != 0) {
                statement.setMaxRows(0);
            }
            idle.put(prepared, statement);
        } catch (SQLException e) {
            kept.remove(stmt);
            super.close(conn, sql, stmt);
        }
    }

    @Override
    public void close(Connection conn) {
        for (Statement statement : kept.keySet()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection goes back to the pool, which closes what is left open
            }
        }
        kept.clear();
        idle.clear();
    }
}
