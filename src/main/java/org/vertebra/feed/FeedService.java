package org.vertebra.feed;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleQuery;
import org.vertebra.article.PublishedArticles;
import org.vertebra.article.Hreflang;
import org.vertebra.author.Author;
import org.vertebra.language.Language;
import org.vertebra.language.MessageBundles;
import org.vertebra.language.Messages;
import org.vertebra.author.AuthorService;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.TaxonomyService;

/** Builds the site's feeds and sitemap from the article, author and taxonomy services. */
final class FeedService {

    static final int FEED_SIZE = 20;

    private final PublishedArticles articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final Function<Language, Messages> messages;

    /** @param siteTitle the site's current title (an administrator may change it while the server runs) */
    public FeedService(PublishedArticles articles, AuthorService authors, TaxonomyService taxonomy, Supplier<String> siteTitle,
                       String baseUrl) {
        this(articles, authors, taxonomy, siteTitle, baseUrl, MessageBundles.shipped()::of);
    }

    /** @param messages the interface text of a language (a language's feed is described in it) */
    public FeedService(PublishedArticles articles, AuthorService authors, TaxonomyService taxonomy, Supplier<String> siteTitle,
                       String baseUrl, Function<Language, Messages> messages) {
        this.messages = messages;
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
    }

    Feed siteFeed(String selfPath) {
        String site = siteTitle.get();
        return feed(site, "The newest articles from " + site, "/", selfPath, articles.inSiteLanguage(ArticleQuery.all()));
    }

    /** The feed of a language's home ({@code /TAG/feed/}); empty when the segment names no language with one. */
    Optional<Feed> languageFeed(String segment, String selfPath) {
        String site = siteTitle.get();
        return articles.languageWithHome(segment).map(language -> feed(site,
                messages.apply(language).format("lang.feed.description", site), "/" + segment + "/", selfPath,
                ArticleQuery.all().in(language)));
    }

    Optional<Feed> categoryFeed(String slug, String selfPath) {
        String site = siteTitle.get();
        return taxonomy.category(slug).map(c -> feed(c.name() + " - " + site,
                c.description() != null ? c.description() : "The newest articles on " + c.name() + " from " + site,
                c.url(), selfPath, articles.inSiteLanguage(ArticleQuery.inCategory(c.id()))));
    }

    /**
     * Writes {@code /sitemap.xml}: every public address with the time it last changed while they fit
     * in one file of {@code perFile}, else the index of the numbered files with the newest change in each.
     */
    void writeSitemap(int perFile, OutputStream out) {
        PublishedArticles.PublicAddresses all = articles.publicAddresses();
        SitemapParts parts = new SitemapParts(all.count() + 1, perFile);
        if (!parts.needsIndex()) {
            SitemapWriter.write(out, sink -> {
                sink.accept(new SitemapWriter.Url(baseUrl + "/", all.newestChange()));
                Map<Long, List<Hreflang>> alternates = articles.hreflangOfPublicAddresses(0, Integer.MAX_VALUE);
                articles.forEachPublicAddress(0, Integer.MAX_VALUE, a -> sink.accept(url(a, alternates)));
            });
            return;
        }
        List<SitemapWriter.Url> files = new java.util.ArrayList<>();
        for (int n = 1; n <= parts.files(); n++) {
            SitemapParts.Slice slice = parts.file(n).orElseThrow();
            // The first file holds the home page, which changes with the newest article.
            Instant newest = slice.first() == 0 ? all.newestChange()
                    : articles.publicAddresses(slice.first() - 1, slice.count()).newestChange();
            files.add(new SitemapWriter.Url(baseUrl + "/sitemap-" + n + ".xml", newest));
        }
        SitemapWriter.writeIndex(out, files);
    }

    /** Writes numbered sitemap file {@code number}; false (nothing written) when the addresses have no such file. */
    boolean writeSitemapFile(int perFile, int number, OutputStream out) {
        PublishedArticles.PublicAddresses all = articles.publicAddresses();
        Optional<SitemapParts.Slice> file = new SitemapParts(all.count() + 1, perFile).file(number);
        if (file.isEmpty()) {
            return false;
        }
        SitemapParts.Slice slice = file.get();
        SitemapWriter.write(out, sink -> {
            int first = slice.first();
            if (first == 0) {
                sink.accept(new SitemapWriter.Url(baseUrl + "/", all.newestChange()));
            }
            // positions count the home page first; the articles' own offsets start after it
            int offset = Math.max(0, first - 1);
            int limit = slice.first() + slice.count() - 1 - offset;
            Map<Long, List<Hreflang>> alternates = articles.hreflangOfPublicAddresses(offset, limit);
            articles.forEachPublicAddress(offset, limit, a -> sink.accept(url(a, alternates)));
        });
        return true;
    }

    /** An address with its translations' (Google's sitemap form of hreflang: each lists the whole group, itself included). */
    private SitemapWriter.Url url(PublishedArticles.Listed address, Map<Long, List<Hreflang>> alternates) {
        return new SitemapWriter.Url(baseUrl + "/" + org.vertebra.content.Slugs.inPath(address.slug()) + "/", address.lastModified(),
                alternates.getOrDefault(address.id(), List.of()).stream()
                        .map(h -> new SitemapWriter.Alternate(h.hreflang(), baseUrl + h.path())).toList());
    }

    String baseUrl() {
        return baseUrl;
    }

    private Feed feed(String title, String description, String pagePath, String selfPath, ArticleQuery query) {
        List<Article> latest = articles.latest(query, FEED_SIZE);
        Map<Long, Author> byId = authors.byIds(latest.stream().map(Article::authorId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Author::id, Function.identity()));
        Map<Long, List<Category>> categories = taxonomy.categoriesOf(latest.stream().map(Article::id).toList());
        List<FeedEntry> entries = latest.stream()
                .map(a -> entry(a, byId.get(a.authorId()), categories.getOrDefault(a.id(), List.of()))).toList();
        Instant updated = entries.stream().map(FeedEntry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        Language language = query.lang() != null ? query.lang() : articles.siteLanguage();
        return new Feed(title, description, baseUrl + pagePath, baseUrl + selfPath, updated, entries, language.tag());
    }

    private FeedEntry entry(Article article, Author author, List<Category> categories) {
        Instant updated = article.updatedAt() != null && article.updatedAt().isAfter(article.publishedAt())
                ? article.updatedAt() : article.publishedAt();
        return new FeedEntry(baseUrl + article.url(), article.title(), article.summary(), absoluteLinks(article.bodyHtml()),
                author == null ? null : author.name(),
                categories.stream().map(Category::name).toList(),
                article.publishedAt(), updated);
    }

    /**
     * Feed readers show the HTML away from the site, so its addresses must carry the host. Most
     * articles link only to other hosts (their references) or nowhere: their HTML is sent as stored,
     * without a parse and a new serialisation (a fifth of a feed's time).
     */
    private String absoluteLinks(String html) {
        if (!RelativeLinks.in(html)) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html, baseUrl + "/");
        for (Element element : document.select("a[href], img[src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String absolute = element.absUrl(attribute);
            if (!absolute.isEmpty()) {
                element.attr(attribute, absolute);
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
