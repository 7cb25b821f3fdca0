package org.vertebra.admin;


/**
 * A message for a form: an error about one field (linked to it with aria-describedby), an error
 * about the whole form ({@code field} null), or a notice that something worked.
 */
public record FormError(String field, String message, boolean notice) {

    public static FormError of(String field, String message) {
        return new FormError(field, message, false);
    }

    public static FormError notice(String message) {
        return new FormError(null, message, true);
    }

    /** True when this error is about the named field, for its aria-invalid and aria-describedby. */
    public boolean on(String name) {
        return !notice && name.equals(field);
    }

    /** The id of the element holding the message, for aria-describedby. */
    public String id() {
        return field == null ? "form-message" : field + "-error";
    }
}
