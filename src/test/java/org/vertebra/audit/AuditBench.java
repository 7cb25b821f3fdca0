package org.vertebra.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.app.Settings;
import org.vertebra.app.SettingsLoader;
import org.vertebra.app.Site;

/**
 * bench/audit.sh's measurement, not a test: on one database, the cost of a chained append against
 * a plain INSERT of the same row in its own transaction, two servers appending at once, and
 * checking the chain against reading the same rows. Prints {@code key=value} lines.
 *
 * <p>Arguments: DATA_DIR JDBC_URL USER PASSWORD APPENDS ROWS.
 */
public final class AuditBench {

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String url = args[1];
        int appends = Integer.parseInt(args[4]);
        int rows = Integer.parseInt(args[5]);
        Files.createDirectories(data);
        Files.writeString(data.resolve("vertebra.properties"), "db.user=" + args[2] + "\ndb.password=" + args[3] + "\n");
        Settings settings = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, url));
        try (Site one = Site.open(settings, Clock.systemUTC()); Site two = Site.open(settings, Clock.systemUTC())) {
            Jdbi jdbi = one.database.jdbi();
            jdbi.useHandle(h -> {
                // The same columns and the same indexes as audit_events, so the floor pays for the same index upkeep.
                h.execute("CREATE TABLE audit_bench_floor AS SELECT * FROM audit_events WHERE 1 = 0");
                h.execute("CREATE UNIQUE INDEX audit_bench_floor_seq ON audit_bench_floor (seq)");
                h.execute("CREATE INDEX audit_bench_floor_occurred ON audit_bench_floor (occurred_at)");
                h.execute("CREATE INDEX audit_bench_floor_action ON audit_bench_floor (action, seq)");
            });
            warmUp(one.audit, jdbi);
            long start = System.nanoTime();
            for (int i = 0; i < appends; i++) {
                one.audit.record(actor(i), AuditAction.HEALTH_DATA_VIEWED, AuditObject.booking(i));
            }
            double chained = (System.nanoTime() - start) / 1e3 / appends;
            start = System.nanoTime();
            for (int i = 0; i < appends; i++) {
                plainInsert(jdbi, 1_000_000 + i);
            }
            double plain = (System.nanoTime() - start) / 1e3 / appends;
            print("append_us", chained);
            print("plain_insert_us", plain);
            print("append_ratio", chained / plain);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            start = System.nanoTime();
            List<Future<?>> writers = List.of(pool.submit(() -> write(one.audit, appends / 2)),
                    pool.submit(() -> write(two.audit, appends / 2)));
            for (Future<?> w : writers) {
                w.get();
            }
            pool.shutdown();
            print("two_servers_events_per_s", appends / ((System.nanoTime() - start) / 1e9));

            // Fill to ROWS in a few transactions (each append joins the open one), then check and read.
            int have = (int) one.audit.check().rows();
            for (int done = have; done < rows; done += 5000) {
                int from = done;
                jdbi.useTransaction(h -> {
                    for (int i = from; i < Math.min(rows, from + 5000); i++) {
                        one.audit.record(actor(i), AuditAction.SIGN_IN, AuditObject.account(i % 50));
                    }
                });
            }
            start = System.nanoTime();
            ChainCheck check = one.audit.check();
            double verifyMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            long read = readAll(jdbi);
            double readMs = (System.nanoTime() - start) / 1e6;
            print("rows", check.rows());
            print("intact", check.intact() ? 1 : 0);
            print("verify_ms", verifyMs);
            print("read_ms", readMs);
            print("verify_ratio", verifyMs / readMs);
            if (read != check.rows()) {
                throw new IllegalStateException("read " + read + " rows, checked " + check.rows());
            }
            jdbi.useHandle(h -> h.execute("DROP TABLE audit_bench_floor"));
        }
    }

    private static void warmUp(AuditLog audit, Jdbi jdbi) {
        for (int i = 0; i < 300; i++) {
            audit.record(actor(i), AuditAction.SIGN_IN, AuditObject.account(1));
            plainInsert(jdbi, 2_000_000 + i);
        }
        audit.check();
        readAll(jdbi);
    }

    private static void write(AuditLog audit, int count) {
        for (int i = 0; i < count; i++) {
            audit.record(actor(i), AuditAction.SETTINGS_CHANGED, AuditObject.settings("identity", "title"));
        }
    }

    private static Actor actor(int i) {
        return Actor.account(7, "Dr Bench", "192.0.2." + (i % 250), "bench-request-" + i);
    }

    /** The floor: the same row, in its own transaction, without the head's lock or the hash. */
    private static void plainInsert(Jdbi jdbi, long seq) {
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO audit_bench_floor (seq, occurred_at, actor_id, actor_name, "
                        + "address_hash, action, object_type, object_id, detail, outcome, request_id, prev_hash, hash) VALUES "
                        + "(:seq, :at, 7, 'Dr Bench', 'h', 'health-data-viewed', 'booking', '1', NULL, 'ok', 'r', :prev, :hash)")
                .bind("seq", seq).bind("at", System.currentTimeMillis()).bind("prev", "0".repeat(64)).bind("hash", "1".repeat(64))
                .execute());
    }

    /** Reads every row in the batches check() reads them in, without hashing: the floor for checking. */
    private static long readAll(Jdbi jdbi) {
        long last = 0;
        long count = 0;
        while (true) {
            long after = last;
            List<Map<String, Object>> batch = jdbi.withHandle(h -> h.createQuery(
                    "SELECT * FROM audit_events WHERE seq > :seq ORDER BY seq LIMIT 1000").bind("seq", after).mapToMap().list());
            count += batch.size();
            if (batch.size() < 1000) {
                return count;
            }
            last = ((Number) batch.get(batch.size() - 1).get("seq")).longValue();
        }
    }

    private static void print(String key, double value) {
        System.out.printf("%s=%.2f%n", key, value);
    }
}
