package org.vertebra.taxonomy;

import org.vertebra.content.Slugs;
import org.vertebra.form.Problems;

/**
 * A category as a form gives it.
 *
 * @param slug        its address, /category/{slug}/; null to make one from the name
 * @param description shown on the category's page and in its feed; may be null
 */
public record CategoryChange(String name, String slug, String description) {

    /** Checks what a form sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static CategoryChange parse(String name, String slug, String description) {
        Problems problems = new Problems();
        String cleanName = problems.required("name", "Name", name, 200);
        String cleanSlug = problems.optional("slug", "The address", slug, 200);
        if (cleanSlug != null && !Slugs.isValid(cleanSlug)) {
            problems.add("slug", "The address may hold only small letters, digits and single hyphens, such as lower-limb.");
        }
        if (cleanSlug == null && cleanName != null && Slugs.of(cleanName).isEmpty()) {
            problems.add("slug", "Enter an address: the name has no letters or digits to make one from.");
        }
        String cleanDescription = problems.optional("description", "The description", description, 2000);
        problems.check();
        return new CategoryChange(cleanName, cleanSlug == null ? Slugs.of(cleanName) : cleanSlug, cleanDescription);
    }
}
