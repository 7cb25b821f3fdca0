package org.vertebra.redirect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.Invalid;
import org.vertebra.redirect.RedirectFile.Row;

/**
 * One run of {@link RedirectService#importFile}, inside its transaction. A row is checked as the
 * admin's form is ({@link RedirectChange#of}, then the service's rules), so it is refused for the
 * same reasons in the same words. An address the site already redirects the same way is left
 * alone, so importing a file twice changes nothing; one it redirects elsewhere takes the file's
 * target. A refused row writes nothing; the rows around it still come in.
 */
final class RedirectImport {

    /** The service's store: adds ({@code selfId} 0) or changes a redirect after its rules, or throws {@link Invalid}. */
    interface Store {
        long store(RedirectChange change, long selfId, String by);
    }

    private record Taken(int line, RedirectChange change) {
    }

    private final RedirectRepository repository;
    private final Store store;
    private final String by;
    private final String defaultNote;
    /** The rows that came in so far, by source, so a file cannot give one address twice. */
    private final Map<String, Taken> taken = new HashMap<>();

    RedirectImport(RedirectRepository repository, Store store, String by, String defaultNote) {
        this.repository = repository;
        this.store = store;
        this.by = by;
        this.defaultNote = defaultNote;
    }

    void run(List<Row> rows, RedirectImportReport report) {
        for (Row row : rows) {
            if (row.isLeftOut()) {
                report.leftOut(row, row.leftOut());
                continue;
            }
            try {
                importRow(row, report);
            } catch (Invalid invalid) {
                report.refused(row, invalid.problems().stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
            }
        }
    }

    private void importRow(Row row, RedirectImportReport report) {
        RedirectChange change = RedirectChange.of(row.source(), row.target(), row.kind(),
                row.note() == null ? defaultNote : row.note());
        Taken earlier = taken.get(change.source());
        if (earlier != null) {
            if (sameWay(earlier.change().target(), earlier.change().kind(), change)) {
                report.leftOut(row, "the same redirect as line " + earlier.line());
                return;
            }
            throw Invalid.of("source", "Line " + earlier.line() + " already redirects " + change.source()
                    + "; a file gives each old address once.");
        }
        Optional<Redirect> existing = repository.bySource(change.source());
        if (existing.isEmpty()) {
            store.store(change, 0, by);
            report.created(row);
        } else if (sameWay(existing.get().target(), existing.get().kind(), change)) {
            report.unchanged(row);
        } else {
            Redirect before = existing.get();
            // A note someone wrote in the admin stays unless the file has a title of its own.
            String note = row.note() == null && before.note() != null ? before.note() : change.note();
            store.store(new RedirectChange(change.source(), change.target(), change.kind(), note), before.id(), by);
            report.updated(row, before);
        }
        taken.put(change.source(), new Taken(row.line(), change));
    }

    private static boolean sameWay(String target, RedirectKind kind, RedirectChange change) {
        return kind == change.kind() && Objects.equals(target, change.target());
    }
}
