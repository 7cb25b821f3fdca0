package org.vertebra.app;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Facts about this installation kept in the database, such as whether its first run is done. */
final class SiteState {

    static final String INITIALIZED = "initialized";
    /** The key that signs public forms' tickets and salts the hashes of visitors' addresses. */
    static final String FORM_SECRET = "form-secret";
    /** The key that signs the newsletter's unsubscribe links. */
    static final String NEWSLETTER_SECRET = "newsletter-secret";
    /** The key that signs the links by which patients move or cancel a consultation. */
    static final String CONSULT_SECRET = "consult-secret";
    /** A value sealed under the site's health data key, by which a server with another key is caught. */
    static final String CONSULT_KEY_CHECK = "consult-key-check";
    /** The key that signs the links to a person's data (privacy/). */
    static final String PRIVACY_SECRET = "privacy-secret";
    /** The salt of the audit log's hashes of visitors' addresses (audit/). */
    static final String AUDIT_SECRET = "audit-secret";
    /** The key that signs the links to patients' reading lists and keys their addresses (reading/). */
    static final String READING_SECRET = "reading-secret";

    private final SiteStateRepository repository;

    SiteState(Jdbi jdbi) {
        this.repository = new SiteStateRepository(jdbi);
    }

    Optional<String> get(String name) {
        return repository.find(name);
    }

    /** A random secret made on first use and the same for every server of the site from then on. */
    byte[] secret(String name) {
        byte[] fresh = new byte[32];
        new java.security.SecureRandom().nextBytes(fresh);
        claim(name, java.util.Base64.getEncoder().encodeToString(fresh));
        return java.util.Base64.getDecoder().decode(get(name).orElseThrow());
    }

    /** Replaces the value only if it is still {@code expected}; true when this call replaced it. */
    boolean replace(String name, String expected, String value) {
        return repository.replace(name, expected, value) == 1;
    }

    /** Sets a value unless one is set; true when this call set it, so only one process does first-run work. */
    boolean claim(String name, String value) {
        return repository.insertIfAbsent(name, value) == 1;
    }
}
