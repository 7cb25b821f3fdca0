package org.vertebra.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one call per security-relevant event ({@link #record}), a chain of hashes that
 * shows a row changed or removed since ({@link #check}), and pruning past the retention period
 * that leaves a signed checkpoint to check the rest from ({@link #prune}).
 *
 * <p>A record that cannot be written throws: an event that must be on record is not allowed to
 * happen silently unrecorded.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** Rows read at a time when the whole chain is walked (checking, CSV). */
    private static final int BATCH = 1000;
    /** The longest text a column takes (detail); longer is cut, since it is a name list, not evidence. */
    private static final int DETAIL_LIMIT = 300;

    /** What a prune did: the rows removed and the checkpoint's seq, or none when nothing was old enough. */
    public record Pruned(long rows, long upToSeq) {
    }

    /** Pruning found the chain broken: pruning would remove the evidence, so it stops. */
    public static final class ChainBroken extends RuntimeException {
        public ChainBroken(ChainCheck check) {
            super("the audit log's chain is broken at row " + check.badSeq() + " (" + check.problem()
                    + "); nothing was pruned");
        }
    }

    private final AuditRepository repository;
    private final AuditKeys keys;
    private final Period retention;
    private final Clock clock;

    /** @param retention how long rows are kept (the site's audit.retention_years) */
    public AuditLog(Jdbi jdbi, AuditKeys keys, Period retention, Clock clock) {
        this.repository = new AuditRepository(jdbi);
        this.keys = keys;
        this.retention = retention;
        this.clock = clock;
    }

    public Period retention() {
        return retention;
    }

    /** Records one event. */
    public void record(Actor actor, AuditAction action, AuditObject object, AuditOutcome outcome) {
        Instant now = clock.instant();
        String addressHash = keys.hashAddress(actor.address());
        String detail = object.detail() == null || object.detail().length() <= DETAIL_LIMIT ? object.detail()
                : object.detail().substring(0, DETAIL_LIMIT);
        repository.holdingHead(head -> {
            AuditEntry entry = new AuditEntry(head.seq() + 1, now, actor.accountId(), clip(actor.name(), 200), addressHash,
                    action.key(), object.type(), clip(object.id(), 100), detail, outcome.key(), clip(actor.requestId(), 64),
                    head.hash(), null).hashed();
            repository.append(entry);
            return entry;
        });
    }

    /** Records an event of a signed-in account or an anonymous visitor that succeeded. */
    public void record(Actor actor, AuditAction action, AuditObject object) {
        record(actor, action, object, AuditOutcome.OK);
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /** Walks the chain from the checkpoint (or the first row) to the head; stops at the first bad row. */
    public ChainCheck check() {
        Optional<AuditRepository.Checkpoint> checkpoint = repository.checkpoint();
        Instant prunedAt = checkpoint.map(AuditRepository.Checkpoint::prunedAt).orElse(null);
        long fromSeq = checkpoint.map(c -> c.seq() + 1).orElse(1L);
        if (checkpoint.isPresent() && !keys.checkpointSigned(checkpoint.get().seq(), checkpoint.get().hash(),
                checkpoint.get().signature())) {
            return ChainCheck.broken(0, fromSeq, "the pruning checkpoint before it is not signed with this site's key",
                    fromSeq, prunedAt);
        }
        AuditRepository.Head head = repository.head();
        long expectedSeq = fromSeq;
        String expectedPrev = checkpoint.map(AuditRepository.Checkpoint::hash).orElse(ChainHash.GENESIS);
        long rows = 0;
        while (true) {
            List<AuditEntry> batch = repository.after(expectedSeq - 1, BATCH);
            for (AuditEntry e : batch) {
                Optional<String> problem = problem(e, expectedSeq, expectedPrev);
                if (problem.isPresent()) {
                    return ChainCheck.broken(rows, Math.min(e.seq(), expectedSeq), problem.get(), fromSeq, prunedAt);
                }
                rows++;
                expectedSeq++;
                expectedPrev = e.hash();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (head.seq() != expectedSeq - 1 || !head.hash().equals(expectedPrev)) {
            return ChainCheck.broken(rows, expectedSeq, head.seq() >= expectedSeq
                    ? "it is missing: the log was written up to row " + head.seq()
                    : "the chain's head does not match the last row", fromSeq, prunedAt);
        }
        return ChainCheck.intact(rows, fromSeq, prunedAt, expectedPrev);
    }

    private static Optional<String> problem(AuditEntry e, long expectedSeq, String expectedPrev) {
        if (e.seq() != expectedSeq) {
            return Optional.of(e.seq() == expectedSeq + 1 ? "it is missing" : "rows " + expectedSeq + " to " + (e.seq() - 1)
                    + " are missing");
        }
        if (!e.prevHash().equals(expectedPrev)) {
            return Optional.of("it does not follow the row before it (its previous hash differs): a row was removed or changed");
        }
        if (!e.hash().equals(e.expectedHash())) {
            return Optional.of("its content was changed after it was written");
        }
        return Optional.empty();
    }

    /**
     * Removes the rows older than the retention period, after checking the chain, and leaves a
     * signed checkpoint of the last one removed; the removal is itself recorded.
     */
    public Pruned prune(Actor actor) {
        return prune(actor, clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant());
    }

    /** Removes the rows written before {@code cutoff}, as {@link #prune(Actor)}. */
    public Pruned prune(Actor actor, Instant cutoff) {
        ChainCheck check = check();
        if (!check.intact()) {
            throw new ChainBroken(check);
        }
        Pruned pruned = repository.holdingHead(head -> {
            Optional<AuditEntry> last = repository.lastBefore(cutoff);
            if (last.isEmpty()) {
                return new Pruned(0, 0);
            }
            AuditEntry cut = last.get();
            long rows = repository.prune(new AuditRepository.Checkpoint(cut.seq(), cut.hash(), clock.instant(),
                    repository.countUpTo(cut.seq()), keys.signCheckpoint(cut.seq(), cut.hash())));
            return new Pruned(rows, cut.seq());
        });
        if (pruned.rows() > 0) {
            record(actor, AuditAction.AUDIT_PRUNED, AuditObject.of("audit-log", Long.toString(pruned.upToSeq()))
                    .withDetail(pruned.rows() + " rows older than " + cutoff));
            LOG.info("audit log: {} rows older than {} pruned, up to row {}", pruned.rows(), cutoff, pruned.upToSeq());
        }
        return pruned;
    }

    /** A page of events, newest first. */
    public List<AuditEntry> page(AuditFilter filter, int size) {
        return repository.page(filter, size);
    }

    /** Every event matching the filter, newest first, handed over a page at a time (for the CSV). */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> each) {
        AuditFilter next = filter;
        while (true) {
            List<AuditEntry> batch = repository.page(next, BATCH);
            batch.forEach(each);
            if (batch.size() < BATCH) {
                return;
            }
            next = next.startingBelow(batch.get(batch.size() - 1).seq());
        }
    }
}
