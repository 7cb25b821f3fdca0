package org.vertebra.audit;

import java.time.LocalDate;

/**
 * Which events to list: each part null for any. Dates are UTC days, both included.
 *
 * @param actor  an account's name or id, or {@value Actor#ANONYMOUS}
 * @param before the page starts below this row (keyset paging), or null for the newest
 */
public record AuditFilter(String actor, AuditAction action, AuditOutcome outcome, LocalDate from, LocalDate to, Long before) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter startingBelow(long seq) {
        return new AuditFilter(actor, action, outcome, from, to, seq);
    }
}
