package org.vertebra.settings;

import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;
import org.vertebra.language.Language;
import org.vertebra.layout.SiteIdentity;

/**
 * The site's identity (title, tagline, footer text), kept in the {@code site_settings} table so
 * every server shows the same. The title set here wins over the configured one, which stays the
 * default until an administrator sets a title (and comes back when they clear it).
 */
public final class SiteSettings {

    static final String REQUIRE_TWO_FACTOR = "security.require_two_factor";

    static final String TITLE = "site.title";
    static final String TAGLINE = "site.tagline";
    static final String FOOTER = "site.footer";
    static final String LANGUAGE = "site.language";

    private final SiteSettingsRepository repository;
    private final Transactor transactor;
    private final ContentChanges changes;
    private final String configuredTitle;
    private final Clock clock;

    public SiteSettings(Jdbi jdbi, Transactor transactor, ContentChanges changes, String configuredTitle, Clock clock) {
        this.repository = new SiteSettingsRepository(jdbi);
        this.transactor = transactor;
        this.changes = changes;
        this.configuredTitle = configuredTitle;
        this.clock = clock;
    }

    /** What pages show: the stored values, with the configured title where none is stored. */
    public SiteIdentity identity() {
        IdentityChange stored = stored();
        return new SiteIdentity(stored.title() == null ? configuredTitle : stored.title(), stored.tagline(), stored.footer(),
                stored.language() == null ? Language.ENGLISH : Language.parse(stored.language()).orElse(Language.ENGLISH));
    }

    /** What an administrator set, for the form; null where nothing is set. */
    public IdentityChange stored() {
        Map<String, String> values = repository.all();
        return new IdentityChange(values.get(TITLE), values.get(TAGLINE), values.get(FOOTER), values.get(LANGUAGE));
    }

    public String configuredTitle() {
        return configuredTitle;
    }

    /** Stores the identity in one transaction with the content counter, so every server's pages show it. */
    public void save(IdentityChange change) {
        transactor.run(() -> {
            put(TITLE, change.title());
            put(TAGLINE, change.tagline());
            put(FOOTER, change.footer());
            put(LANGUAGE, change.language());
            changes.bump();
        });
    }

    /** Whether accounts that can open consultations must use two-step sign-in before the rest of the admin. */
    public boolean twoFactorRequired() {
        return "on".equals(value(REQUIRE_TWO_FACTOR));
    }

    public void requireTwoFactor(boolean required) {
        saveValue(REQUIRE_TWO_FACTOR, required ? "on" : null);
    }

    /**
     * A setting another feature keeps here under a name of its own (such as
     * "comments.close_after_days"), so it too is the same on every server; null when not set.
     */
    public String value(String name) {
        return repository.find(name).orElse(null);
    }

    /** Stores such a setting (null removes it) in one transaction with the content counter, as pages may show it. */
    public void saveValue(String name, String value) {
        transactor.run(() -> {
            put(name, value);
            changes.bump();
        });
    }

    /** Several such settings at once; names with nothing set are left out. */
    public Map<String, String> values(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        return repository.find(names);
    }

    /** Stores several such settings (a null value removes one) in one transaction: all or none. */
    public void saveValues(Map<String, String> values) {
        transactor.run(() -> {
            values.forEach(this::put);
            changes.bump();
        });
    }

    private void put(String name, String value) {
        if (value == null) {
            repository.delete(name);
        } else {
            repository.upsert(name, value, clock.instant());
        }
    }
}
