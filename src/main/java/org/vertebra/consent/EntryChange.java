package org.vertebra.consent;

import java.util.Locale;
import org.vertebra.form.Problems;

/** A cookie or outside service of the site owner's, as the admin's form gives it, checked. */
record EntryChange(ConsentCategory category, String name, String provider, String purpose, String duration) {

    public static final int NAME_MAX = 200;
    public static final int PURPOSE_MAX = 1000;

    /** Checks what a form (or the old policy file) gave; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static EntryChange parse(String category, String name, String provider, String purpose, String duration) {
        Problems problems = new Problems();
        ConsentCategory chosen = ConsentCategory.byKey(category == null ? "" : category.strip()).orElse(null);
        if (chosen == null) {
            problems.add("category", "Choose the category: Functional, Preferences, Statistics or Marketing.");
        }
        String cleanName = problems.required("name", "Name", oneLine(name), NAME_MAX);
        EntryChange change = new EntryChange(chosen, cleanName,
                problems.required("provider", "Provider", oneLine(provider), NAME_MAX),
                problems.required("purpose", "Purpose", oneLine(purpose), PURPOSE_MAX),
                problems.required("duration", "Duration", oneLine(duration), NAME_MAX));
        problems.check();
        return change;
    }

    /** Whether this entry names one of Vertebra's own, which are listed already. */
    boolean namesOneOf(java.util.List<CookieEntry> builtIn) {
        return builtIn.stream().anyMatch(b -> b.name().equalsIgnoreCase(name));
    }

    /** Whether this change, made to {@code before}, brings something new a visitor has not agreed to. */
    boolean needsNewConsent(EntryChange before) {
        return !category.required() && (before == null || before.category != category
                || !before.name.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                || !before.provider.equals(provider));
    }

    static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\\s*\\R\\s*", " ");
    }
}
