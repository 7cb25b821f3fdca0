package org.vertebra.consent;

/**
 * A script the site owner adds (an analytics snippet), loaded from its https address only once its
 * category is accepted. Until then every page carries it inert ({@code type="text/plain"}).
 */
public record OptionalScript(ConsentCategory category, String src) {

    /** The script's origin, which the Content-Security-Policy must allow. */
    public String origin() {
        java.net.URI uri = java.net.URI.create(src);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
