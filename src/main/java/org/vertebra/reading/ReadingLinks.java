package org.vertebra.reading;

import java.util.Optional;
import org.vertebra.secret.HmacSigner;

/**
 * The link in a patient's mail to their reading list: the list's id and a random token, signed
 * under the site's reading secret, so that a changed link is told from a list that is gone (403
 * against 410) without a look in the database. The token is what opens the list; the database
 * keeps only its hash.
 */
final class ReadingLinks {

    static final String PATH = "/reading/";

    /** A link's list and token, once its signature checked out. */
    record Link(long id, String token) {
    }

    private final HmacSigner signer;
    private final String baseUrl;

    ReadingLinks(HmacSigner signer, String baseUrl) {
        this.signer = signer;
        this.baseUrl = baseUrl;
    }

    String url(Link link) {
        return baseUrl + path(link);
    }

    String path(Link link) {
        return PATH + "?r=" + link.id() + "&k=" + link.token() + "&s=" + signature(link);
    }

    String signature(Link link) {
        return signer.sign("reading-list:" + link.id() + ":" + link.token());
    }

    /** The link named by these parameters, or empty when any is missing or was changed. */
    Optional<Link> check(String id, String token, String signature) {
        if (id == null || token == null || !id.matches("\\d{1,18}") || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Link link = new Link(Long.parseLong(id), token);
        return signer.verifies("reading-list:" + link.id() + ":" + token, signature) ? Optional.of(link) : Optional.empty();
    }

    /**
     * The token the patient's deletion form carries, bound to the list: the page's own CSRF token,
     * since the patient has no session (and gets no cookie).
     */
    String formToken(Link link) {
        return signer.sign("reading-delete:" + link.id() + ":" + link.token());
    }

    boolean formTokenValid(Link link, String typed) {
        return signer.verifies("reading-delete:" + link.id() + ":" + link.token(), typed);
    }

    /** The key under which a patient's address is found (an HMAC, so the table alone does not list addresses). */
    String addressKey(String email) {
        return signer.sign("reading-email:" + email.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
