package org.vertebra.redirect;

/** What a redirect answers: 301 to its target, or 410 Gone for a page removed on purpose. */
public enum RedirectKind {
    MOVED(301, "Moved (301)"),
    GONE(410, "Gone (410)");

    private final int status;
    private final String label;

    RedirectKind(int status, String label) {
        this.status = status;
        this.label = label;
    }

    public int status() {
        return status;
    }

    public String label() {
        return label;
    }

    static RedirectKind ofStatus(int status) {
        return status == 410 ? GONE : MOVED;
    }
}
