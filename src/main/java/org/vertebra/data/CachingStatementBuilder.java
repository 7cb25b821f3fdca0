package org.vertebra.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps each handle's prepared statements for the life of the handle, for SQLite: its driver
 * compiles the SQL again on every prepare, which cost a bulk import (a WordPress export, a
 * batch of posts per transaction) a quarter of its time. A statement is reused only when it is
 * idle, so a query run while the same one is still being read gets a statement of its own; all
 * are closed with the handle. (PostgreSQL's driver caches prepared statements itself.)
 */
final class CachingStatementBuilder extends DefaultStatementBuilder {

    static final StatementBuilderFactory FACTORY = connection -> new CachingStatementBuilder();

    private final Map<String, PreparedStatement> idle = new HashMap<>();
    private final Set<Statement> cached = Collections.newSetFromMap(new IdentityHashMap<>());

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
            cached.remove(statement);
        }
        statement = super.create(conn, sql, ctx);
        cached.add(statement);
        return statement;
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (!cached.contains(stmt) || idle.containsKey(sql) || stmt.isClosed()) {
            cached.remove(stmt);
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
            idle.put(sql, statement);
        } catch (SQLException e) {
            cached.remove(stmt);
            super.close(conn, sql, stmt);
        }
    }

    @Override
    public void close(Connection conn) {
        for (Statement statement : cached) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection goes back to the pool, which closes what is left open
            }
        }
        cached.clear();
        idle.clear();
    }
}
