package org.vertebra.article;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vertebra.language.Language;

/**
 * Places a draft in its language and translation group. A group is an original and its
 * translations, one article per language; a translation always points at the original itself, so
 * a translation of a translation joins the original's group.
 */
final class TranslationRule {

    /** The draft's language, and the id of the original it translates (null for none). */
    record Placement(Language lang, Long original) {
    }

    private final ArticleRepository repository;
    private final Supplier<Language> siteLanguage;

    TranslationRule(ArticleRepository repository, Supplier<Language> siteLanguage) {
        this.repository = repository;
        this.siteLanguage = siteLanguage;
    }

    /**
     * @param existing the article the draft replaces, if any; a draft without a language keeps its
     *                 language, and a new one takes the site's
     */
    Placement place(ArticleDraft draft, Optional<Article> existing) {
        Language lang = draft.lang() != null ? draft.lang()
                : existing.map(Article::lang).orElseGet(siteLanguage);
        Optional<Long> ownId = existing.map(Article::id);
        if (draft.translationOf() == null) {
            ownId.ifPresent(id -> requireLanguageFree(repository.translationGroup(id), id, lang));
            return new Placement(lang, null);
        }
        Article named = repository.findBySlug(draft.translationOf()).filter(a -> !a.isInTrash())
                .orElseThrow(() -> new TranslationRefused("translation_of", "No article has the address /"
                        + draft.translationOf() + "/ to translate. Give the slug of the original article.", true));
        Article original = named.translationOf() == null ? named : repository.findById(named.translationOf()).orElseThrow();
        if (ownId.isPresent() && ownId.get() == original.id()) {
            throw new TranslationRefused("translation_of", "An article cannot be a translation of itself or of its own translation.");
        }
        // An original with translations cannot become a translation; a translation saved again (its
        // group's other members are its siblings and original, not its own translations) may.
        if (ownId.isPresent() && existing.get().translationOf() == null
                && !repository.translationGroup(ownId.get()).stream().allMatch(t -> t.id() == ownId.get())) {
            throw new TranslationRefused("translation_of", "This article has translations of its own, so it cannot also "
                    + "translate another. Make its translations point at the other original first.");
        }
        if (!original.kind().equals(draft.kind())) {
            throw new TranslationRefused("translation_of", "A page can only translate a page, and an article only an article: /"
                    + original.slug() + "/ is " + (original.isPage() ? "a page." : "an article."));
        }
        requireLanguageFree(repository.translationGroup(original.id()), ownId.orElse(-1L), lang);
        return new Placement(lang, original.id());
    }

    private static void requireLanguageFree(List<Translation> group, long ownId, Language lang) {
        group.stream().filter(t -> t.id() != ownId && t.lang().equals(lang)).findFirst().ifPresent(taken -> {
            throw new TranslationRefused("lang", (taken.original() ? "The original, " : "Its translation ") + taken.url()
                    + ", is in " + lang.englishName() + " already: a group has one article per language.");
        });
    }
}
