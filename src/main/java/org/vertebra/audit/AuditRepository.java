package org.vertebra.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The audit log's tables: the chained rows, the head every append locks, and pruning's checkpoints. */
final class AuditRepository {

    private static final String COLUMNS = "seq, occurred_at, actor_id, actor_name, address_hash, action, object_type, "
            + "object_id, detail, outcome, request_id, prev_hash, hash";

    /** The end of the chain: the last row's seq and hash. */
    record Head(long seq, String hash) {
    }

    /** The checkpoint in force: the last pruned row's seq and hash, signed. */
    record Checkpoint(long seq, String hash, Instant prunedAt, long prunedRows, String signature) {
    }

    private final Jdbi jdbi;

    AuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs work holding the chain's head: the UPDATE locks the head row until the transaction
     * ends (PostgreSQL queues a second server's append on it; SQLite's writer lock does the same),
     * so every append reads the true last hash.
     */
    <T> T holdingHead(java.util.function.Function<Head, T> work) {
        return jdbi.inTransaction(h -> work.apply(h.createQuery(
                        "UPDATE audit_head SET last_seq = last_seq WHERE name = 'chain' RETURNING last_seq, last_hash")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2))).one()));
    }

    Head head() {
        return jdbi.withHandle(AuditRepository::head);
    }

    private static Head head(Handle h) {
        return h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE name = 'chain'")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2))).one();
    }

    /** Appends the row and moves the head to it; only inside {@link #holdingHead}. */
    void append(AuditEntry e) {
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO audit_events (" + COLUMNS + ") VALUES (:seq, :at, :actorId, :actorName, :addressHash, "
                            + ":action, :objectType, :objectId, :detail, :outcome, :requestId, :prevHash, :hash)")
                    .bind("seq", e.seq()).bind("at", e.occurredAt()).bind("actorId", e.actorId())
                    .bind("actorName", e.actorName()).bind("addressHash", e.addressHash()).bind("action", e.action())
                    .bind("objectType", e.objectType()).bind("objectId", e.objectId()).bind("detail", e.detail())
                    .bind("outcome", e.outcome()).bind("requestId", e.requestId()).bind("prevHash", e.prevHash())
                    .bind("hash", e.hash()).execute();
            h.createUpdate("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE name = 'chain'")
                    .bind("seq", e.seq()).bind("hash", e.hash()).execute();
        });
    }

    /** Up to {@code limit} rows after this one, oldest first: the chain in batches, for checking and export. */
    List<AuditEntry> after(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_events WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq).bind("limit", limit).map((rs, ctx) -> entry(rs)).list());
    }

    /** A page of rows matching the filter, newest first, {@code limit} at most. */
    List<AuditEntry> page(AuditFilter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE 1 = 1");
        List<java.util.function.Consumer<Query>> binds = new ArrayList<>();
        if (f.actor() != null) {
            if (f.actor().chars().allMatch(Character::isDigit) && !f.actor().isEmpty() && f.actor().length() < 18) {
                sql.append(" AND (actor_id = :actorId OR LOWER(actor_name) = LOWER(:actor))");
                binds.add(q -> q.bind("actorId", Long.parseLong(f.actor())));
            } else {
                sql.append(" AND LOWER(actor_name) = LOWER(:actor)");
            }
            binds.add(q -> q.bind("actor", f.actor()));
        }
        if (f.action() != null) {
            sql.append(" AND action = :action");
            binds.add(q -> q.bind("action", f.action().key()));
        }
        if (f.outcome() != null) {
            sql.append(" AND outcome = :outcome");
            binds.add(q -> q.bind("outcome", f.outcome().key()));
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= :from");
            binds.add(q -> q.bind("from", f.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < :to");
            binds.add(q -> q.bind("to", f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.before() != null) {
            sql.append(" AND seq < :before");
            binds.add(q -> q.bind("before", f.before()));
        }
        sql.append(" ORDER BY seq DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("limit", limit);
            binds.forEach(b -> b.accept(query));
            return query.map((rs, ctx) -> entry(rs)).list();
        });
    }

    Optional<Checkpoint> checkpoint() {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_seq, last_hash, pruned_at, pruned_rows, signature "
                        + "FROM audit_checkpoints ORDER BY id DESC LIMIT 1")
                .map((rs, ctx) -> new Checkpoint(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getLong(4), rs.getString(5))).findOne());
    }

    /** The newest row written before this instant, or empty: where pruning cuts. */
    Optional<AuditEntry> lastBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_events WHERE seq = "
                        + "(SELECT MAX(seq) FROM audit_events WHERE occurred_at < :cutoff)")
                .bind("cutoff", cutoff).map((rs, ctx) -> entry(rs)).findOne());
    }

    /** Stores the checkpoint and deletes the rows up to it; only inside {@link #holdingHead}. */
    long prune(Checkpoint c) {
        return jdbi.withHandle(h -> {
            h.createUpdate("INSERT INTO audit_checkpoints (last_seq, last_hash, pruned_at, pruned_rows, signature) "
                            + "VALUES (:seq, :hash, :at, :rows, :signature)")
                    .bind("seq", c.seq()).bind("hash", c.hash()).bind("at", c.prunedAt()).bind("rows", c.prunedRows())
                    .bind("signature", c.signature()).execute();
            return (long) h.createUpdate("DELETE FROM audit_events WHERE seq <= :seq").bind("seq", c.seq()).execute();
        });
    }

    long countUpTo(long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_events WHERE seq <= :seq")
                .bind("seq", seq).mapTo(Long.class).one());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long actorId = rs.getLong(3);
        Long actor = rs.wasNull() ? null : actorId;
        return new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), actor, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13));
    }
}
