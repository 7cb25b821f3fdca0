package org.vertebra.audit;

/**
 * What an event was about: a type and an id (an account, an article, a booking), and a short
 * detail such as which setting changed. Never a value that could be secret or health data.
 */
public record AuditObject(String type, String id, String detail) {

    public static final AuditObject NONE = new AuditObject(null, null, null);

    public static AuditObject account(long id) {
        return new AuditObject("account", Long.toString(id), null);
    }

    public static AuditObject article(long id) {
        return new AuditObject("article", Long.toString(id), null);
    }

    public static AuditObject booking(long id) {
        return new AuditObject("booking", Long.toString(id), null);
    }

    /** A group of settings, naming the ones that changed (their names only). */
    public static AuditObject settings(String group, String changed) {
        return new AuditObject("settings", group, changed);
    }

    public static AuditObject of(String type, String id) {
        return new AuditObject(type, id, null);
    }

    public AuditObject withDetail(String text) {
        return new AuditObject(type, id, text);
    }
}
