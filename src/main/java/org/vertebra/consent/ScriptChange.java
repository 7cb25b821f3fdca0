package org.vertebra.consent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.vertebra.form.Problems;

/**
 * An optional script of the site owner's, as the admin's form gives it, checked: a category that
 * asks consent (never Functional), a name, and either an https address or a snippet of code.
 */
record ScriptChange(ConsentCategory category, String name, String src, String code) {

    public static final int SRC_MAX = 2000;
    public static final int CODE_MAX = 20_000;

    /** Checks what a form (or the old policy file) gave; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static ScriptChange parse(String category, String name, String src, String code) {
        Problems problems = new Problems();
        ConsentCategory chosen = ConsentCategory.byKey(category == null ? "" : category.strip()).orElse(null);
        if (chosen == null) {
            problems.add("category", "Choose the category: Preferences, Statistics or Marketing.");
        } else if (chosen.required()) {
            problems.add("category", "A script cannot be Functional: it would run before the visitor agrees. Choose Preferences, "
                    + "Statistics or Marketing.");
        }
        String cleanName = problems.required("name", "Name", EntryChange.oneLine(name), EntryChange.NAME_MAX);
        String cleanSrc = problems.optional("src", "The address", src, SRC_MAX);
        String cleanCode = code == null || code.isBlank() ? null : code.strip();
        if (cleanCode != null && cleanCode.length() > CODE_MAX) {
            problems.add("code", "The code is too long: at most " + CODE_MAX + " characters.");
        }
        if (cleanSrc == null && cleanCode == null) {
            problems.add("src", "Give the script's https address, or paste its code below.");
        } else if (cleanSrc != null && cleanCode != null) {
            problems.add("src", "Give either an address or code, not both: a script is one or the other.");
        } else if (cleanSrc != null && !isHttpsAddress(cleanSrc)) {
            problems.add("src", "The address must be a whole https address, such as https://stats.example.org/script.js.");
        } else if (cleanCode != null && cleanCode.toLowerCase(Locale.ROOT).contains("<script")
                || cleanCode != null && cleanCode.toLowerCase(Locale.ROOT).contains("</script")) {
            problems.add("code", "Paste only the code between <script> and </script>, without those tags; for "
                    + "<script src=\"...\"> give the address above instead.");
        }
        ScriptChange change = new ScriptChange(chosen, cleanName, cleanSrc, cleanCode);
        problems.check();
        return change;
    }

    /** Whether this change, made to {@code before}, runs something a visitor has not agreed to. */
    boolean needsNewConsent(ScriptChange before) {
        return before == null || before.category != category || !Objects.equals(before.src, src)
                || !Objects.equals(before.code, code);
    }

    private static boolean isHttpsAddress(String value) {
        if (value.chars().anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '\'' || ch == '<' || ch == '>')) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
