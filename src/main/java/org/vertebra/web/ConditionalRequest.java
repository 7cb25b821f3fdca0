package org.vertebra.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * RFC 9110's preconditions for a GET or HEAD of a page whose bytes the client may already hold:
 * {@code If-None-Match} (a list of entity tags or {@code *}, compared weakly) and, only when that is
 * absent, {@code If-Modified-Since}. True means "answer 304 Not Modified".
 */
public final class ConditionalRequest {

    /** IMF-fixdate, the only form we send (two-digit day, unlike RFC 1123's); older forms are read by {@link #parseDate}. */
    public static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private ConditionalRequest() {
    }

    /**
     * @param ifNoneMatch     the request's If-None-Match values joined by commas, or null
     * @param ifModifiedSince the request's If-Modified-Since, or null
     * @param etag            the entity tag of the representation that would be sent, quotes included
     * @param lastModified    when that representation last changed, to the second
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag);
        }
        if (ifModifiedSince == null) {
            return false;
        }
        Instant since = parseDate(ifModifiedSince);
        return since != null && lastModified.getEpochSecond() <= since.getEpochSecond();
    }

    /**
     * Whether one of the listed entity tags matches this one by weak comparison (a {@code W/} on
     * either side is ignored), or the list is {@code *}. Tags may hold commas, so the list is read
     * tag by tag rather than split.
     */
    public static boolean matchesAny(String list, String etag) {
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        int i = 0;
        int n = list.length();
        while (i < n) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                int start = list.startsWith("W/", i) ? i + 2 : i;
                if (start >= n || list.charAt(start) != '"') {
                    return false; // not an entity tag: the header is malformed, and a malformed precondition is ignored
                }
                int end = list.indexOf('"', start + 1);
                if (end < 0) {
                    return false;
                }
                if (end + 1 - start == opaque.length() && list.regionMatches(start, opaque, 0, opaque.length())) {
                    return true;
                }
                i = end + 1;
            }
        }
        return false;
    }

    /** An HTTP-date in any of the three forms RFC 9110 asks recipients to read, or null. */
    static Instant parseDate(String value) {
        for (DateTimeFormatter form : READ_FORMS) {
            try {
                return ZonedDateTime.parse(value.trim(), form).toInstant();
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return null;
    }

    /** IMF-fixdate, RFC 850 (a two-digit year within the last fifty years or the next) and asctime. */
    private static final DateTimeFormatter[] READ_FORMS = {
        DateTimeFormatter.RFC_1123_DATE_TIME,
        new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, java.time.LocalDate.now(ZoneOffset.UTC).minusYears(50))
                .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
        DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC),
    };
}
