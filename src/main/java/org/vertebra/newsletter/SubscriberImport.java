package org.vertebra.newsletter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertebra.data.Transactor;

/**
 * One import of {@code email[,status]} lines, read as they come, {@link NewsletterService#CSV_BATCH}
 * addresses a transaction: a bad line is left out and reported by its number, the good ones are
 * imported, and a batch is written whole or not at all. No mail is sent. A new address takes the
 * status the CSV gives (pending when none: it then gets mail only after subscribing through the
 * form); an address already here changes only from pending to confirmed, or to unsubscribed, so an
 * import never re-subscribes someone who left. The addresses seen are kept to count repeats
 * (about 10 MB for 100,000).
 */
final class SubscriberImport {

    /** Bad lines an import lists by number; the rest it only counts. */
    static final int PROBLEMS_LISTED = 100;

    private final SubscriberRepository repository;
    private final Transactor transactor;
    private final Instant now;

    SubscriberImport(SubscriberRepository repository, Transactor transactor, Instant now) {
        this.repository = repository;
        this.transactor = transactor;
        this.now = now;
    }

    NewsletterService.ImportResult read(Reader csv) throws IOException {
        ImportTally tally = new ImportTally();
        Set<String> seen = new HashSet<>();
        List<SubscriberCsv.Row> batch = new ArrayList<>(NewsletterService.CSV_BATCH);
        BufferedReader lines = new BufferedReader(csv, 1 << 16);
        int number = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            SubscriberCsv.Line line = SubscriberCsv.read(++number, text);
            if (line.problem() != null) {
                tally.bad(line.problem());
            } else if (line.row() != null && !seen.add(line.row().email())) {
                tally.repeated++;
            } else if (line.row() != null) {
                batch.add(line.row());
                if (batch.size() == NewsletterService.CSV_BATCH) {
                    importBatch(batch, tally);
                    batch.clear();
                }
            }
        }
        importBatch(batch, tally);
        return tally.result();
    }

    private void importBatch(List<SubscriberCsv.Row> rows, ImportTally tally) {
        if (rows.isEmpty()) {
            return;
        }
        ImportTally batch = transactor.inTransaction(() -> {
            ImportTally counted = new ImportTally();
            Map<String, Subscriber> existing = repository.byEmails(rows.stream().map(SubscriberCsv.Row::email).toList());
            List<SubscriberRepository.NewSubscriber> fresh = new ArrayList<>();
            for (SubscriberCsv.Row row : rows) {
                Subscriber known = existing.get(row.email());
                if (known == null) {
                    fresh.add(new SubscriberRepository.NewSubscriber(row.email(), row.status(), NewsletterTokens.random()));
                    counted.added++;
                } else if (Subscriber.UNSUBSCRIBED.equals(row.status()) && !Subscriber.UNSUBSCRIBED.equals(known.status())) {
                    repository.unsubscribe(known.id(), now);
                    counted.changed++;
                } else if (Subscriber.CONFIRMED.equals(row.status()) && Subscriber.PENDING.equals(known.status())) {
                    repository.confirm(known.id(), now);
                    counted.changed++;
                } else {
                    counted.unchanged++;
                }
            }
            repository.insertAll(fresh, "import", now);
            return counted;
        });
        // Counted once committed: a batch that failed counts for nothing.
        tally.added += batch.added;
        tally.changed += batch.changed;
        tally.unchanged += batch.unchanged;
    }

    /** The running counts of an import. */
    private static final class ImportTally {
        int added;
        int changed;
        int unchanged;
        int repeated;
        int badLines;
        final List<String> problems = new ArrayList<>();

        void bad(String problem) {
            badLines++;
            if (problems.size() < PROBLEMS_LISTED) {
                problems.add(problem);
            }
        }

        NewsletterService.ImportResult result() {
            return new NewsletterService.ImportResult(added, changed, unchanged, repeated, badLines, problems);
        }
    }
}
