package org.vertebra.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person does on the editorial desk; each account has exactly one. */
public enum AccountRole {
    ADMIN("Administrator"),
    EDITOR("Editor"),
    AUTHOR("Author"),
    REVIEWER("Medical reviewer"),
    DOCTOR("Doctor");

    private final String label;

    AccountRole(String label) {
        this.label = label;
    }

    /** The name stored in the database and typed on the command line: {@code admin}, {@code reviewer}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<AccountRole> parse(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key == null ? "" : key.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
