package org.vertebra.feed;

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
import org.vertebra.article.ArticleService;
import org.vertebra.author.Author;
import org.vertebra.author.AuthorService;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.TaxonomyService;

/** Builds the site's feeds and sitemap from the article, author and taxonomy services. */
public final class FeedService {

    static final int FEED_SIZE = 20;

    private final ArticleService articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final Supplier<String> siteTitle;
    private final String baseUrl;

    /** @param siteTitle the site's current title (an administrator may change it while the server runs) */
    public FeedService(ArticleService articles, AuthorService authors, TaxonomyService taxonomy, Supplier<String> siteTitle,
                       String baseUrl) {
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
    }

    Feed siteFeed(String selfPath) {
        String site = siteTitle.get();
        return feed(site, "The newest articles from " + site, "/", selfPath, ArticleQuery.all());
    }

    Optional<Feed> categoryFeed(String slug, String selfPath) {
        String site = siteTitle.get();
        return taxonomy.category(slug).map(c -> feed(c.name() + " - " + site,
                c.description() != null ? c.description() : "The newest articles on " + c.name() + " from " + site,
                c.url(), selfPath, ArticleQuery.inCategory(c.id())));
    }

    /** Addresses of every public page with the time it last changed. */
    List<SitemapWriter.Url> sitemap() {
        List<ArticleService.Listed> published = articles.everyPublished();
        Instant newest = published.stream().map(ArticleService.Listed::lastModified).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        List<SitemapWriter.Url> urls = new java.util.ArrayList<>();
        urls.add(new SitemapWriter.Url(baseUrl + "/", newest));
        published.forEach(p -> urls.add(new SitemapWriter.Url(baseUrl + "/" + p.slug() + "/", p.lastModified())));
        return urls;
    }

    /** The addresses cut into files of at most {@code perFile}, as the sitemap protocol asks. */
    SitemapParts sitemapParts(int perFile) {
        return new SitemapParts(sitemap(), perFile);
    }

    String baseUrl() {
        return baseUrl;
    }

    private Feed feed(String title, String description, String pagePath, String selfPath, ArticleQuery query) {
        List<Article> latest = articles.latest(query, FEED_SIZE);
        Map<Long, Author> byId = authors.byIds(latest.stream().map(Article::authorId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Author::id, Function.identity()));
        List<FeedEntry> entries = latest.stream().map(a -> entry(a, byId.get(a.authorId()))).toList();
        Instant updated = entries.stream().map(FeedEntry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        return new Feed(title, description, baseUrl + pagePath, baseUrl + selfPath, updated, entries);
    }

    private FeedEntry entry(Article article, Author author) {
        Instant updated = article.updatedAt() != null && article.updatedAt().isAfter(article.publishedAt())
                ? article.updatedAt() : article.publishedAt();
        return new FeedEntry(baseUrl + article.url(), article.title(), article.summary(), absoluteLinks(article.bodyHtml()),
                author == null ? null : author.name(),
                taxonomy.categoriesOf(article.id()).stream().map(Category::name).toList(),
                article.publishedAt(), updated);
    }

    /** Feed readers show the HTML away from the site, so its addresses must carry the host. */
    private String absoluteLinks(String html) {
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
