package org.vertebra.article;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.language.Language;

/**
 * One {@code hreflang} alternate of a translation group: a language tag (or {@code x-default})
 * and the address of the member in it. The article page's head and the sitemap both show the
 * set from {@link #of}, so the two can never disagree.
 */
public record Hreflang(String hreflang, String path) {

    public static final String X_DEFAULT = "x-default";

    /**
     * The alternates of a group, as every one of its public members shows them: each public member
     * (itself included) by its tag, then x-default. x-default is the original's address while it is
     * public, else the public member in the site's language, else the first by tag: readers whose
     * language the group lacks are sent to the text the others were translated from. Empty for an
     * article alone in its language: an alternate needs another language to point at.
     *
     * @param publicMembers the group's members readers may see now, in the order of their tags
     */
    public static List<Hreflang> of(List<Translation> publicMembers, Language siteLanguage) {
        if (publicMembers.size() < 2) {
            return List.of();
        }
        List<Hreflang> links = new ArrayList<>();
        publicMembers.forEach(t -> links.add(new Hreflang(t.lang().tag(), t.url())));
        Translation fallback = publicMembers.stream().filter(Translation::original).findFirst()
                .or(() -> publicMembers.stream().filter(t -> t.lang().equals(siteLanguage)).findFirst())
                .orElse(publicMembers.get(0));
        links.add(new Hreflang(X_DEFAULT, fallback.url()));
        return List.copyOf(links);
    }
}
