package org.vertebra.newsletter;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Which subscribers the admin's list shows: one status or all, and those whose address contains
 * some text. The SQL is fixed fragments; the status and text are bound.
 *
 * @param status one of {@link Subscriber#PENDING}, {@link Subscriber#CONFIRMED}, {@link Subscriber#UNSUBSCRIBED}, or null for all
 * @param search lower-cased text the address contains, or null
 */
public record SubscriberFilter(String status, String search) {

    static final List<String> STATUSES = List.of(Subscriber.CONFIRMED, Subscriber.PENDING, Subscriber.UNSUBSCRIBED);
    public static final SubscriberFilter ALL = new SubscriberFilter(null, null);

    /** From the admin's query string: an unknown status means all, blank text means none. */
    public static SubscriberFilter of(String status, String search) {
        String text = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        return new SubscriberFilter(status != null && STATUSES.contains(status) ? status : null, text == null || text.length() > 320 ? null : text);
    }

    String where() {
        return (status == null ? "1 = 1" : "status = :status") + (search == null ? "" : " AND email LIKE :pattern ESCAPE '!'");
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        if (status != null) {
            statement.bind("status", status);
        }
        if (search != null) {
            statement.bind("pattern", "%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return statement;
    }
}
