package org.vertebra.consult;

import java.time.Instant;
import org.vertebra.secret.HmacSigner;

/**
 * The links in a patient's mail that open the page to move or cancel a consultation, signed so
 * that nothing is stored: the booking's id and its start, under the site's key. Moving the
 * consultation changes the start, so links from earlier mails stop working.
 */
final class ManageLinks {

    static final String PATH = "/teleconsult/manage/";
    static final String CONFIRMATION = "/teleconsult/booked/";

    /** What a link's parameters turned out to be. */
    enum Check { VALID, TAMPERED, MOVED }

    private final HmacSigner signer;
    private final String baseUrl;

    ManageLinks(HmacSigner signer, String baseUrl) {
        this.signer = signer;
        this.baseUrl = baseUrl;
    }

    String url(Booking booking) {
        return baseUrl + path(booking);
    }

    String path(Booking booking) {
        return PATH + query(booking);
    }

    /**
     * The confirmation page's own address, with the manage link's parameters: whoever may see the
     * confirmation may manage the booking, and the page links there anyway.
     */
    String confirmationPath(Booking booking) {
        return CONFIRMATION + query(booking);
    }

    private String query(Booking booking) {
        long start = booking.start().toEpochMilli();
        return "?b=" + booking.id() + "&t=" + start + "&s=" + signer.sign(value(booking.id(), start));
    }

    /** Checks a link's parameters against the booking they name (null when there is none). */
    Check check(Booking booking, String id, String start, String signature) {
        if (booking == null || id == null || start == null || !id.matches("\\d{1,18}") || !start.matches("\\d{1,18}")
                || !signer.verifies(value(Long.parseLong(id), Long.parseLong(start)), signature)) {
            return Check.TAMPERED;
        }
        return booking.start().equals(Instant.ofEpochMilli(Long.parseLong(start))) ? Check.VALID : Check.MOVED;
    }

    private static String value(long id, long startMillis) {
        return "consult-manage:" + id + ":" + startMillis;
    }
}
