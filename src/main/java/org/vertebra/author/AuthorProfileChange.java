package org.vertebra.author;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vertebra.content.Slugs;
import org.vertebra.form.Links;
import org.vertebra.form.Problems;

/**
 * An author profile as a form gives it.
 *
 * @param photoId  the portrait in the media library, or null for none
 * @param links    https profile addresses besides the website, in order
 */
record AuthorProfileChange(String name, String slug, String credentials, String bio, Long photoId,
                                  String website, List<String> links) {

    public static final int MAX_LINKS = 6;
    public static final int BIO_MAX = 5000;

    /** The raw values of the form, as typed. */
    public record Form(String name, String slug, String credentials, String bio, String photo, String website,
                       String links) {
    }

    /**
     * Checks what a form sent; throws {@link org.vertebra.form.Invalid} with every problem found.
     *
     * @param photoLookup finds a media library image by its number or address
     */
    public static AuthorProfileChange parse(Form form, Function<String, Optional<Long>> photoLookup) {
        Problems problems = new Problems();
        String name = problems.required("name", "Display name", form.name(), 200);
        String slug = problems.required("slug", "Address", form.slug(), 200);
        if (slug != null && !Slugs.isValid(slug)) {
            problems.add("slug", "The address may hold only small letters, digits and single hyphens, such as asha-raman.");
        }
        String credentials = problems.optional("credentials", "The credentials", form.credentials(), 200);
        String bio = problems.optional("bio", "The bio", form.bio(), BIO_MAX);
        String photo = problems.optional("photo", "The photo", form.photo(), 500);
        Long photoId = null;
        if (photo != null) {
            photoId = photoLookup.apply(photo).orElse(null);
            if (photoId == null) {
                problems.add("photo", "No image in the media library has this number or address. Copy it from the media library.");
            }
        }
        String website = problems.optional("website", "The website", form.website(), 500);
        if (website != null && !Links.isHttpsUrl(website)) {
            problems.add("website", "The website must be a full https:// address, such as https://clinic.example/.");
        }
        List<String> links = links(form.links(), problems);
        problems.check();
        return new AuthorProfileChange(name, slug, credentials, bio, photoId, website, links);
    }

    private static List<String> links(String text, Problems problems) {
        List<String> links = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String link = line.strip();
            if (link.isEmpty()) {
                continue;
            }
            if (!Links.isHttpsUrl(link)) {
                problems.add("links", "Each profile link must be a full https:// address; this one is not: " + shorten(link));
                return List.of();
            }
            if (!links.contains(link)) {
                links.add(link);
            }
        }
        if (links.size() > MAX_LINKS) {
            problems.add("links", "Give at most " + MAX_LINKS + " profile links.");
        }
        return links;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "\u2026" : text;
    }
}
