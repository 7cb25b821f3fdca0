package org.vertebra.retraction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.reference.UpdateNotice;

/** The answers about identifiers, their claims and the alerts sent (tables reference_checks, retraction_alerts). */
final class RetractionRepository {

    private final Jdbi jdbi;

    RetractionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds a row for an identifier never checked (checked at 0, so any round picks it); no-op when it has one. */
    void ensure(String identifier) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reference_checks (identifier, outcome, notices, checked_at, claimed_until)
                        VALUES (:id, 'unknown', '', 0, 0) ON CONFLICT (identifier) DO NOTHING""")
                .bind("id", identifier).execute());
    }

    /**
     * Claims an identifier whose answer is older than {@code staleBefore} and that no server is
     * checking now; true for the one server whose UPDATE changed the row.
     */
    boolean claim(String identifier, Instant staleBefore, Instant now, Instant until) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE reference_checks SET claimed_until = :until
                        WHERE identifier = :id AND checked_at < :stale AND claimed_until < :now""")
                .bind("id", identifier).bind("stale", staleBefore).bind("now", now).bind("until", until).execute()) == 1;
    }

    /** Stores an answer and ends the claim. A failure keeps the earlier notices and their time, so it is asked again. */
    void store(CheckedIdentifier answer) {
        jdbi.useHandle(h -> {
            if (CheckedIdentifier.FAILED.equals(answer.outcome())) {
                h.createUpdate("UPDATE reference_checks SET failure = :failure, claimed_until = 0 WHERE identifier = :id")
                        .bind("id", answer.identifier()).bind("failure", cut(answer.failure(), 500)).execute();
                return;
            }
            h.createUpdate("""
                            UPDATE reference_checks SET outcome = :outcome, notices = :notices, failure = NULL,
                                   checked_at = :at, claimed_until = 0
                            WHERE identifier = :id""")
                    .bind("id", answer.identifier()).bind("outcome", answer.outcome())
                    .bind("notices", encode(answer.notices())).bind("at", answer.checkedAt()).execute();
        });
    }

    Map<String, CheckedIdentifier> find(Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT identifier, outcome, notices, failure, checked_at FROM reference_checks
                        WHERE identifier IN (<ids>)""")
                .bindList("ids", List.copyOf(identifiers))
                .map((rs, ctx) -> new CheckedIdentifier(rs.getString("identifier"), rs.getString("outcome"),
                        decode(rs.getString("notices")), rs.getString("failure"), Instant.ofEpochMilli(rs.getLong("checked_at"))))
                .list()).stream().collect(Collectors.toMap(CheckedIdentifier::identifier, c -> c));
    }

    Optional<CheckedIdentifier> find(String identifier) {
        return Optional.ofNullable(find(List.of(identifier)).get(identifier));
    }

    /** Records that editors are told of this notice; true only for the first call, on any server. */
    boolean markAlerted(String identifier, String notice, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO retraction_alerts (identifier, notice, alerted_at) VALUES (:id, :notice, :now)
                        ON CONFLICT (identifier, notice) DO NOTHING""")
                .bind("id", identifier).bind("notice", cut(notice, 1000)).bind("now", now).execute()) == 1;
    }

    private static String encode(List<UpdateNotice> notices) {
        return notices.stream().map(n -> clean(n.kind()) + "\t" + clean(n.notice()) + "\t" + clean(n.source()))
                .collect(Collectors.joining("\n"));
    }

    private static List<UpdateNotice> decode(String text) {
        List<UpdateNotice> notices = new ArrayList<>();
        for (String line : text == null ? List.<String>of() : text.lines().toList()) {
            String[] parts = line.split("\t", -1);
            if (parts.length == 3) {
                notices.add(new UpdateNotice(parts[0], parts[1], parts[2]));
            }
        }
        return notices;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
