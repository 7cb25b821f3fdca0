package org.vertebra.trust;

import org.vertebra.data.Transactor;
import org.vertebra.settings.SiteSettings;

/**
 * The trust settings, kept in the site settings table so every server applies the same: the
 * default disclosure and the highest reading grade to publish. A site starts with neither; until an
 * administrator sets the default disclosure, only articles with a disclosure of their own can be
 * published, and the dashboard says so.
 */
public final class TrustSettings {

    static final String DEFAULT_DISCLOSURE = "trust.default_disclosure";
    static final String MAX_GRADE = "trust.max_grade";
    static final String MIN_PEMAT = "trust.min_pemat";

    private final SiteSettings settings;
    private final Transactor transactor;

    public TrustSettings(SiteSettings settings, Transactor transactor) {
        this.settings = settings;
        this.transactor = transactor;
    }

    public boolean hasDefaultDisclosure() {
        return policy().disclosureFor(null) != null;
    }

    public TrustPolicy policy() {
        String grade = settings.value(MAX_GRADE);
        String pemat = settings.value(MIN_PEMAT);
        return new TrustPolicy(settings.value(DEFAULT_DISCLOSURE), grade == null ? null : Double.valueOf(grade),
                pemat == null ? null : Integer.valueOf(pemat));
    }

    /**
     * Makes {@code text} the default disclosure when the site has none; an existing one is kept.
     * True when it was set. Joins the caller's transaction, so a dry run's rollback undoes it.
     */
    public boolean adoptDefaultDisclosure(String text) {
        if (hasDefaultDisclosure()) {
            return false;
        }
        settings.saveValue(DEFAULT_DISCLOSURE, text);
        return true;
    }

    /** Stores the settings in one transaction; pages show the new default disclosure at once. */
    public void save(TrustSettingsChange change) {
        transactor.run(() -> {
            settings.saveValue(DEFAULT_DISCLOSURE, change.defaultDisclosure());
            settings.saveValue(MAX_GRADE, change.maxGrade() == null ? null : String.valueOf(change.maxGrade()));
            settings.saveValue(MIN_PEMAT, change.minPemat() == null ? null : String.valueOf(change.minPemat()));
        });
    }
}
