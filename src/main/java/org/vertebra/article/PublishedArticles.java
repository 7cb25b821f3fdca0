package org.vertebra.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.ContentChanges;
import org.vertebra.language.Language;
import org.vertebra.trust.TrustPolicy;

/**
 * The read side of articles: what readers may see now, for the features that show it (the article
 * page, archives, feeds, the sitemap, search, related articles, reading lists, handouts, the
 * newsletter's digest). Nothing here writes; the desk, the editor and the importers write through
 * {@link ArticleWriter}.
 */
public final class PublishedArticles {

    private final ArticleRepository repository;
    private final ArticleReadRepository reads;
    private final Supplier<TrustPolicy> trustPolicy;
    private final Supplier<Language> siteLanguage;
    private final Clock clock;
    private final ListCounts counts;
    private final PublicLanguages languages;
    private volatile RelatedFinder relatedFinder = RelatedFinder.none();

    /**
     * @param trustPolicy the site's trust settings as they stand, which article pages show
     * @param siteLanguage the site's language: what its home page, feed and category archives list
     */
    public PublishedArticles(Jdbi jdbi, ContentChanges changes, Supplier<TrustPolicy> trustPolicy,
                             Supplier<Language> siteLanguage, Clock clock) {
        this.repository = new ArticleRepository(jdbi);
        this.reads = new ArticleReadRepository(jdbi);
        this.trustPolicy = trustPolicy;
        this.siteLanguage = siteLanguage;
        this.clock = clock;
        this.counts = new ListCounts(changes::current, this::nextScheduledPublication);
        this.languages = new PublicLanguages(changes::current, this::nextScheduledPublication);
    }

    public static final int RELATED_LIMIT = 4;

    /** The site's trust settings as they stand (default disclosure, grade limit), for pages. */
    public TrustPolicy trustPolicy() {
        return trustPolicy.get();
    }

    /** The site's language: what its home page, feed and category archives list. */
    public Language siteLanguage() {
        return siteLanguage.get();
    }

    /** The members of the article's translation group that readers may see now (itself included when it is public). */
    public List<Translation> publicTranslations(Article article) {
        Instant now = clock.instant();
        return repository.translationGroup(article.id()).stream().filter(t -> t.isPublicAt(now)).toList();
    }

    /**
     * Any article by id, drafts and trash included: for a feature that holds an article's id
     * already (a comment's, a reading list's) and asks {@link #isPublic} itself where it matters.
     */
    public Optional<Article> byId(long id) {
        return repository.findById(id);
    }

    /** As {@link #byId}, for several, with their references, in the order of the ids (a missing one is left out). */
    public List<Article> byIds(List<Long> ids) {
        return repository.byIdsWithReferences(ids);
    }

    /**
     * The hreflang alternates of the public addresses from {@code offset}, at most {@code limit}, in
     * the sitemap's order, by article id: one query for the whole slice; an article alone in its
     * language has none and is not in the map.
     */
    public java.util.Map<Long, List<Hreflang>> hreflangOfPublicAddresses(int offset, int limit) {
        Language site = siteLanguage.get();
        java.util.Map<Long, List<Translation>> groups = repository.publicGroupsOfAddresses(clock.instant(), offset, limit);
        java.util.Map<Long, List<Hreflang>> byArticle = new java.util.HashMap<>();
        for (List<Translation> members : groups.values()) {
            List<Hreflang> links = Hreflang.of(members, site);
            if (!links.isEmpty()) {
                members.forEach(m -> byArticle.put(m.id(), links));
            }
        }
        return byArticle;
    }

    /**
     * The list of the site's home page, feed or category archive: the articles in the site's
     * language. While no public article is in another, the query is left as it is: the lists of
     * all languages read the fastest indexes (a category's deep pages skip inside its listing alone).
     */
    public ArticleQuery inSiteLanguage(ArticleQuery query) {
        Language site = siteLanguage.get();
        return publicLanguages().stream().allMatch(site::equals) ? query : query.in(site);
    }

    /**
     * The language whose home is at this first segment of a path ("es" for /es/, "pt-br" for
     * /pt-br/): a language other than the site's that public articles are written in, named by
     * its tag in lower case.
     */
    public Optional<Language> languageWithHome(String segment) {
        Language site = siteLanguage.get();
        return Language.parse(segment)
                .filter(l -> homeSegment(l).equals(segment) && !l.equals(site) && publicLanguages().contains(l));
    }

    /** The first segment of a language's home, archives and feed: its tag in lower case ("pt-br"). */
    public static String homeSegment(Language language) {
        return language.tag().toLowerCase(java.util.Locale.ROOT);
    }

    /** The languages that public articles (not pages) are written in, by tag; kept until content changes. */
    public List<Language> publicLanguages() {
        Instant now = clock.instant();
        return languages.get(now, () -> repository.publicLanguages(now));
    }

    /** The published article or page at this slug; drafts are not public. */
    public Optional<Article> published(String slug) {
        return repository.findBySlug(slug).filter(this::isPublic);
    }

    /**
     * The references, categories, tags, public translations, search appearance and related cards
     * of an article's page, in one statement. The related cards are up to {@value #RELATED_LIMIT}
     * published articles: those the finder names (by content similarity, from the search index),
     * else those sharing its tags and categories; a static page has none.
     */
    ArticleReadRepository.Parts pageParts(Article article) {
        return reads.parts(article.id(), clock.instant(), relatedTo(article));
    }

    private ArticleReadRepository.Related relatedTo(Article article) {
        if (article.isPage()) {
            return new ArticleReadRepository.Related.None();
        }
        List<Long> similar = relatedFinder.relatedTo(article.id(), RELATED_LIMIT + 2);
        return similar.isEmpty() ? new ArticleReadRepository.Related.Sharing(RELATED_LIMIT)
                : new ArticleReadRepository.Related.Similar(similar, RELATED_LIMIT);
    }

    /** The published article or page at this slug with what its page lists: two statements. */
    Optional<ArticlePages.Read> publishedPage(String slug) {
        return reads.article(slug).filter(this::isPublic).map(article -> {
            ArticleReadRepository.Parts parts = pageParts(article);
            return new ArticlePages.Read(ArticleRepository.withReferences(article, parts.references()), parts);
        });
    }

    /** The current slug for an old one, when the article was renamed. */
    public Optional<String> renamedTo(String oldSlug) {
        return repository.redirectTarget(oldSlug);
    }

    public Page<ArticleCard> list(ArticleQuery query, int page, int pageSize) {
        Instant now = clock.instant();
        int total = counts.count(query, now, () -> repository.count(query, now));
        List<ArticleCard> items = page < 1 ? List.of()
                : repository.list(query, clock.instant(), pageSize, (page - 1) * pageSize);
        if (query.filter() == ArticleQuery.Filter.HOME && page == 1) {
            // As on WordPress: sticky posts first on the home page's first page, newest first; the
            // home listing leaves them out, so none shows twice.
            items = java.util.stream.Stream.concat(repository.list(ArticleQuery.sticky().in(query.lang()), clock.instant(), pageSize, 0).stream(),
                    items.stream()).toList();
        }
        return new Page<>(items, page, Math.max(1, (total + pageSize - 1) / pageSize), total);
    }

    /** The newest published articles with their text, for feeds (without their references, which a feed does not show). */
    public List<Article> latest(ArticleQuery query, int limit) {
        List<Long> ids = repository.list(query, clock.instant(), limit, 0).stream().map(ArticleCard::id).toList();
        return repository.byIdsWithoutReferences(ids);
    }

    /** Articles (not pages) whose publishing time falls after {@code since} and by now, oldest first; for the newsletter's digest. */
    public List<ArticleCard> publishedSince(Instant since, int limit) {
        return repository.publishedBetween(since, clock.instant(), limit);
    }

    /** How many articles and pages are public, and when the newest change among them was: the sitemap's size. */
    public PublicAddresses publicAddresses() {
        return repository.publicAddresses(clock.instant(), 0, Integer.MAX_VALUE);
    }

    /** As {@link #publicAddresses()}, for the {@code limit} addresses from {@code offset} in the sitemap's order (by id). */
    public PublicAddresses publicAddresses(int offset, int limit) {
        return repository.publicAddresses(clock.instant(), offset, limit);
    }

    /**
     * The public address from {@code offset}, at most {@code limit}, in the sitemap's order (by id,
     * so that an address keeps its place as others are added), one at a time as they are read.
     */
    public void forEachPublicAddress(int offset, int limit, java.util.function.Consumer<Listed> action) {
        repository.forEachPublicAddress(clock.instant(), offset, limit, action);
    }

    /**
     * Calls back with every article and page changed at or after this moment, drafts and
     * unpublished ones included, one at a time, for readers of every change (the search index).
     */
    public void forEachModifiedSince(Instant since, java.util.function.Consumer<Article> action) {
        repository.forEachModifiedSince(since, clock.instant(), action);
    }

    /** The next moment after now at which a scheduled article or page becomes public, if any. */
    public Optional<Instant> nextScheduledPublication() {
        return repository.nextPublicationAfter(clock.instant());
    }

    /** Whether readers may see this article now. */
    public boolean isPublic(Article article) {
        return article.isPublicAt(clock.instant());
    }

    /**
     * How many published articles (not pages) read above this grade, from the grades the desk stored
     * when each was last saved or caught up with (V25's reading_grade): no text is read. An article
     * imported moments ago counts once the background has worked its grade out.
     */
    public int countPublishedAboveGrade(int grade) {
        return repository.countPublicAboveGrade(grade, clock.instant());
    }

    /** Every published article and page, one at a time (without references). */
    public void forEachPublished(java.util.function.Consumer<Article> action) {
        repository.forEachPublished(clock.instant(), action);
    }

    /**
     * A reference with a DOI or PMID as a public article cites it.
     *
     * @param position its number in the article's reference list, from 1
     */
    public record CitedReference(long articleId, String slug, String title, int position,
                                 org.vertebra.content.Reference reference) {
    }

    /** Every reference with a DOI or PMID of every public article, for the weekly retraction checks. */
    public List<CitedReference> publishedReferences() {
        return repository.publishedReferences(clock.instant());
    }

    /** An address and when what it shows last changed. */
    public record Listed(long id, String slug, Instant lastModified) {
    }

    /** How many public articles and pages, and when the newest change among them was (the epoch for none). */
    public record PublicAddresses(int count, Instant newestChange) {
    }

    public List<ArticleCard> recent(int limit) {
        return repository.list(ArticleQuery.all(), clock.instant(), limit, 0);
    }

    /** Names articles like a given one, best first; the search index is one. */
    @FunctionalInterface
    public interface RelatedFinder {
        List<Long> relatedTo(long articleId, int limit);

        static RelatedFinder none() {
            return (id, limit) -> List.of();
        }
    }

    /** Lets the search index, once open, choose related articles. */
    public void useRelatedFinder(RelatedFinder finder) {
        this.relatedFinder = finder;
    }}
