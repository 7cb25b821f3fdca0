package org.vertebra.data;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Leases on background jobs, held in the database so that several nodes on one PostgreSQL agree
 * which of them runs a job. A claim is one conditional UPDATE: it wins when no lease is held, the
 * lease ran out, or this node holds it already; the database serialises competing claims, so
 * exactly one node wins. A node that dies simply stops renewing, and the next claim after expiry
 * goes to another node.
 */
public final class JobLeases {

    private final Jdbi jdbi;
    private final Clock clock;
    private final String node;

    public JobLeases(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, nodeName());
    }

    JobLeases(Jdbi jdbi, Clock clock, String node) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.node = node;
    }

    /** This process's name in the lease table: host, process id and a random part. */
    public String node() {
        return node;
    }

    /**
     * Claims the job for {@code length}: true when this node may run it now. Holding it until it
     * runs out (rather than handing it back after the run) is what keeps a periodic job to one run
     * per period across nodes.
     */
    public boolean claim(String job, Duration length) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO job_leases (name, holder, expires_at) VALUES (:name, '', 0) ON CONFLICT (name) DO NOTHING")
                    .bind("name", job)
                    .execute();
            return h.createUpdate("""
                            UPDATE job_leases SET holder = :node, expires_at = :until, runs = runs + 1
                            WHERE name = :name AND (expires_at <= :now OR holder = :node)""")
                    .bind("node", node)
                    .bind("until", now + length.toMillis())
                    .bind("name", job)
                    .bind("now", now)
                    .execute() == 1;
        });
    }

    /** Lets another node take the job at once, as a node that stops cleanly does. */
    public void release(String job) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE job_leases SET expires_at = 0 WHERE name = :name AND holder = :node")
                .bind("name", job)
                .bind("node", node)
                .execute());
    }

    /** Who holds the job's lease now, or empty. */
    public java.util.Optional<String> holder(String job) {
        return jdbi.withHandle(h -> h.createQuery("SELECT holder FROM job_leases WHERE name = :name AND expires_at > :now")
                .bind("name", job)
                .bind("now", clock.millis())
                .mapTo(String.class)
                .findOne());
    }

    private static String nodeName() {
        // RuntimeMXBean's name is "pid@host" on the JDKs we run on.
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
