package org.vertebra.wordpress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vertebra.language.Language;

/**
 * What Polylang's terms say about an export's posts: each post's language and the translation
 * group it belongs to. Polylang keeps both as terms of its own taxonomies, which WordPress exports
 * as {@code <wp:term>}s and as each item's {@code <category domain="...">}:
 * <ul>
 * <li>{@code language}: a term per language, its slug the language code ("en", "es"), its
 * description a serialized array with the locale ({@code s:6:"locale";s:5:"es_ES";});</li>
 * <li>{@code post_translations}: a term per group ({@code pll_...}), its description a serialized
 * array of language code to post id ({@code a:2:{s:2:"en";i:12;s:2:"es";i:14;}}).</li>
 * </ul>
 * A group's original here is its member in the site's language, else the member with the lowest
 * post id (the first written, as WordPress numbers them).
 */
final class PolylangGroups {

    /** A post's language (null when Polylang gave it none) and the WordPress id of the original it translates (null for none). */
    record Placement(Language lang, Long originalPostId) {
        static final Placement NONE = new Placement(null, null);
    }

    /** Languages by Polylang's slug. */
    private final Map<String, Language> languages = new HashMap<>();
    /** Each group's members, by group slug: language slug to post id. */
    private final Map<String, Map<String, Long>> groups = new HashMap<>();
    /** Each post's language slug and group slug, from its own item. */
    private final Map<Long, String> languageOf = new HashMap<>();
    private final Map<Long, String> groupOf = new HashMap<>();

    /** A {@code language} term: its slug is the code; its locale ("es_ES") is used when the slug is none. */
    void language(String slug, String description) {
        Optional<Language> language = Language.parse(slug)
                .or(() -> Language.parse(PhpSerialized.array(description).get("locale")));
        language.ifPresent(l -> languages.put(slug, l));
    }

    /** A {@code post_translations} term. */
    void group(String slug, String description) {
        Map<String, Long> members = new HashMap<>();
        PhpSerialized.array(description).forEach((lang, id) -> {
            try {
                members.put(lang, Long.parseLong(id));
            } catch (NumberFormatException e) {
                // not a post id: Polylang writes none other, and a hand-edited file may
            }
        });
        groups.put(slug, members);
        members.values().forEach(id -> groupOf.putIfAbsent(id, slug));
    }

    /** What an item names of Polylang's terms (either may be empty). */
    void item(long postId, String languageSlug, String groupSlug) {
        if (!languageSlug.isEmpty()) {
            languageOf.put(postId, languageSlug);
        }
        if (!groupSlug.isEmpty()) {
            groupOf.put(postId, groupSlug); // the item's own word over the term's
            groups.computeIfAbsent(groupSlug, g -> new HashMap<>());
            if (!languageSlug.isEmpty()) {
                groups.get(groupSlug).putIfAbsent(languageSlug, postId);
            }
        }
    }

    boolean isEmpty() {
        return languages.isEmpty() && groups.isEmpty();
    }

    /** Where a post goes: its language, and the original it translates when it is not its group's original. */
    Placement placement(long postId, Language siteLanguage) {
        Optional<String> group = Optional.ofNullable(groupOf.get(postId));
        String slug = languageOf.get(postId);
        if (slug == null && group.isPresent()) {
            slug = groups.get(group.get()).entrySet().stream().filter(e -> e.getValue() == postId)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
        Language lang = slug == null ? null : languages.getOrDefault(slug, Language.parse(slug).orElse(null));
        if (group.isEmpty()) {
            return new Placement(lang, null);
        }
        Long original = original(groups.get(group.get()), siteLanguage);
        return new Placement(lang, original == null || original == postId ? null : original);
    }

    private Long original(Map<String, Long> members, Language siteLanguage) {
        List<Map.Entry<String, Long>> sorted = members.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
        return sorted.stream().filter(e -> siteLanguage.equals(languages.getOrDefault(e.getKey(), Language.parse(e.getKey()).orElse(null))))
                .map(Map.Entry::getValue).findFirst()
                .orElse(sorted.isEmpty() ? null : sorted.get(0).getValue());
    }
}
