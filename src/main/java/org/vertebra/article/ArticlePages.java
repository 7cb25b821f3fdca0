package org.vertebra.article;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vertebra.author.Author;
import org.vertebra.author.AuthorService;
import org.vertebra.author.AuthorViews;
import org.vertebra.content.Reference;
import org.vertebra.language.Messages;
import org.vertebra.layout.DateText;
import org.vertebra.layout.FrameService;
import org.vertebra.layout.ImageView;
import org.vertebra.layout.PerContentGeneration;
import org.vertebra.layout.Social;
import org.vertebra.taxonomy.Category;
import org.vertebra.media.MediaLibrary;
import org.vertebra.trust.TrustPanel;

/** Builds the view of one article or page from the services that own its parts. */
final class ArticlePages {

    private final PublishedArticles articles;
    private final ArticleCards cards;
    private final AuthorService authors;
    private final MediaLibrary media;
    private final FrameService frames;
    private final AuthorViews authorViews;
    private final PerContentGeneration<org.vertebra.trust.TrustPolicy> trustPolicy;
    private final PerContentGeneration<java.util.Optional<String>> policyUrl;
    private final java.util.Map<String, java.util.function.Supplier<List<org.vertebra.layout.PageSection>>> sections =
            new java.util.concurrent.ConcurrentHashMap<>();

    ArticlePages(PublishedArticles articles, ArticleCards cards, AuthorService authors, MediaLibrary media, FrameService frames) {
        this.articles = articles;
        this.cards = cards;
        this.authors = authors;
        this.media = media;
        this.frames = frames;
        this.authorViews = new AuthorViews(media);
        this.trustPolicy = new PerContentGeneration<>(frames::contentGeneration, articles::trustPolicy);
        this.policyUrl = new PerContentGeneration<>(frames::contentGeneration,
                () -> articles.published(TrustPanel.POLICY_SLUG).map(Article::url));
    }

    void addSections(String slug, java.util.function.Supplier<List<org.vertebra.layout.PageSection>> generated) {
        sections.put(slug, generated);
    }

    /** An article as its page reads it: with its references, and the lists beside it. */
    record Read(Article article, ArticleReadRepository.Parts parts) {
    }

    /** The page with a comment section read on its own: its cards' comment counts are read apart. */
    ArticlePage page(Article article, String baseUrl, org.vertebra.layout.CommentSection comments) {
        Read read = new Read(article, articles.pageParts(article));
        return page(read, baseUrl, comments, cards.commentCounts(read.parts().related()));
    }

    /** The page with its comments and its cards' comment counts, read together (see {@link Discussion#section}). */
    ArticlePage page(Read read, String baseUrl, Discussion.Section discussion) {
        return page(read, baseUrl, discussion.comments(), discussion.counts());
    }

    private ArticlePage page(Read read, String baseUrl, org.vertebra.layout.CommentSection comments,
                             java.util.Map<Long, Integer> commentCounts) {
        Article article = read.article();
        ArticleReadRepository.Parts parts = read.parts();
        List<Translation> group = parts.translations();
        List<org.vertebra.layout.Alternate> alternates = Hreflang.of(group, frames.siteLanguage()).stream()
                .map(h -> new org.vertebra.layout.Alternate(h.hreflang(), baseUrl + h.path())).toList();
        java.util.Optional<SearchAppearance> seo = parts.searchAppearance();
        String seoDescription = seo.map(SearchAppearance::description).orElse(null);
        String documentTitle = seo.map(SearchAppearance::title).orElse(article.title());
        List<org.vertebra.layout.PageSection> generated = article.isPage()
                ? sections.getOrDefault(article.slug(), List::of).get() : List.of();
        String description = seoDescription != null ? seoDescription : article.summary() != null ? article.summary()
                : org.vertebra.layout.Excerpts.cut(article.plainText(), 155);
        List<ArticleCard> related = parts.related();
        // The page's author and image are read with its cards' authors and images: one look-up for each, not one per card.
        List<Long> authorIds = new ArrayList<>(related.stream().map(ArticleCard::authorId).toList());
        authorIds.add(article.authorId());
        List<Long> imageIds = new ArrayList<>(related.stream().map(ArticleCard::imageId).toList());
        imageIds.add(article.imageId());
        java.util.Map<Long, Author> authorsById = cards.authors(authorIds);
        Author author = article.authorId() == null ? null : authorsById.get(article.authorId());
        if (author != null) {
            imageIds.add(author.photoId());
        }
        java.util.Map<Long, org.vertebra.media.MediaItem> images = cards.images(imageIds);
        List<Category> categories = parts.categories();
        ImageView image = article.imageId() == null || !images.containsKey(article.imageId()) ? null
                : ArticleCards.view(images.get(article.imageId()), "");
        String imageUrl = image == null ? null : baseUrl + image.url();
        Social social = new Social(article.isPage() ? "website" : "article", imageUrl, article.publishedAt().toString(),
                (article.updatedAt() != null ? article.updatedAt() : article.publishedAt()).toString(),
                ArticleJsonLd.of(new ArticleJsonLd.Subject(article, description, author, categories, imageUrl,
                        frames.siteTitle(), baseUrl)));
        org.vertebra.layout.Frame frame = frames.frame(documentTitle, description, article.url(), social, article.lang());
        Messages text = frame.text();
        return new ArticlePage(
                frame.withAlternates(alternates),
                article.title(),
                article.isPage(),
                article.demo(),
                author == null ? null : authorViews.of(author, author.photoId() == null ? java.util.Optional.empty()
                        : java.util.Optional.ofNullable(images.get(author.photoId()))),
                dated(article.publishedAt(), text),
                article.updatedAt() == null || article.updatedAt().equals(article.publishedAt()) ? null
                        : dated(article.updatedAt(), text),
                article.reviewedBy(),
                article.reviewedOn() == null ? null
                        : new ArticlePage.Dated(text.date(article.reviewedOn()), article.reviewedOn().toString()),
                article.disclosure(),
                image,
                generated.isEmpty() ? article.toc() : withSections(article.toc(), generated),
                generated.isEmpty() ? article.bodyHtml() : article.bodyHtml()
                        + generated.stream().map(org.vertebra.layout.PageSection::html).collect(java.util.stream.Collectors.joining()),
                article.references().stream().map(ArticlePages::referenceView).toList(),
                cards.of(related, ArticleCards.EXCERPT_CHARS, authorsById, images, commentCounts),
                categories.stream().map(c -> new ArticlePage.Link(c.name(), c.url())).toList(),
                parts.tags().stream().map(t -> new ArticlePage.Link(t.name(), t.url())).toList(),
                article.isPage() ? List.of() : shareLinks(baseUrl + article.url(), article.title(), text.get("article.share.email")),
                article.isPage() ? null : comments,
                article.isPage() ? null : TrustPanel.of(ArticleTrust.subject(article, author, trustPolicy.get(), null),
                        policyUrl.get().orElse(null), text),
                article.keyPoints(),
                article.isPage() ? null : handout(baseUrl + article.url(), article, text),
                group.stream().filter(t -> t.id() != article.id())
                        .map(t -> new ArticlePage.LanguageLink(t.lang().nativeName(), t.lang().tag(), t.lang().direction(), t.url()))
                        .toList());
    }

    private static ArticlePage.Handout handout(String address, Article article, Messages text) {
        return new ArticlePage.Handout(address, org.vertebra.qr.QrSvg.of(address, text.format("handout.qr", address)),
                article.url() + HANDOUT_FILE);
    }

    /** The handout's PDF, beside the article's address: /{slug}/handout.pdf. */
    public static final String HANDOUT_FILE = "handout.pdf";

    private static List<org.vertebra.content.TocEntry> withSections(List<org.vertebra.content.TocEntry> toc,
                                                                   List<org.vertebra.layout.PageSection> generated) {
        List<org.vertebra.content.TocEntry> entries = new ArrayList<>(toc);
        generated.forEach(s -> entries.add(new org.vertebra.content.TocEntry(s.id(), s.title(), List.of())));
        return List.copyOf(entries);
    }

    private static ArticlePage.Dated dated(java.time.Instant instant, Messages text) {
        return new ArticlePage.Dated(text.date(instant), DateText.iso(instant));
    }

    /** Plain links to the networks' own share pages: no script of theirs runs on ours; {@code email} names the mail link. */
    static List<ArticlePage.Link> shareLinks(String url, String title, String email) {
        String u = URLEncoder.encode(url, StandardCharsets.UTF_8);
        String t = URLEncoder.encode(title, StandardCharsets.UTF_8);
        return List.of(
                new ArticlePage.Link(email, "mailto:?subject=" + t.replace("+", "%20") + "&body=" + u),
                new ArticlePage.Link("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new ArticlePage.Link("X", "https://x.com/intent/post?url=" + u + "&text=" + t),
                new ArticlePage.Link("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u),
                new ArticlePage.Link("WhatsApp", "https://wa.me/?text=" + t + "%20" + u));
    }

    /** Splits a reference's text so that its DOI, PMID and address become links, the rest kept as written. */
    static ArticlePage.ReferenceView referenceView(Reference reference) {
        List<ArticlePage.ReferenceView.Part> parts = new ArrayList<>();
        parts.add(new ArticlePage.ReferenceView.Part(reference.text(), null));
        linkFirst(parts, reference.doi(), reference.doiUrl());
        linkFirst(parts, reference.pmid(), reference.pubmedUrl());
        if (reference.pmid() != null && parts.stream().noneMatch(p -> reference.pubmedUrl().equals(p.href()))) {
            linkFirst(parts, "PubMed", reference.pubmedUrl()); // the "[PubMed]" label its PMID came from
        }
        linkFirst(parts, reference.url(), reference.url());
        // An identifier found outside the words (a linked title, say) is added after them.
        if (reference.doi() != null && parts.stream().noneMatch(p -> reference.doiUrl().equals(p.href()))) {
            parts.add(new ArticlePage.ReferenceView.Part(" ", null));
            parts.add(new ArticlePage.ReferenceView.Part("doi:" + reference.doi(), reference.doiUrl()));
        }
        if (reference.url() != null && parts.stream().noneMatch(p -> reference.url().equals(p.href()))) {
            parts.add(new ArticlePage.ReferenceView.Part(" ", null));
            parts.add(new ArticlePage.ReferenceView.Part(reference.url(), reference.url()));
        }
        return new ArticlePage.ReferenceView(List.copyOf(parts));
    }

    private static void linkFirst(List<ArticlePage.ReferenceView.Part> parts, String needle, String href) {
        if (needle == null) {
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            ArticlePage.ReferenceView.Part part = parts.get(i);
            int at = part.href() == null ? part.text().indexOf(needle) : -1;
            if (at >= 0) {
                parts.remove(i);
                List<ArticlePage.ReferenceView.Part> split = new ArrayList<>();
                if (at > 0) {
                    split.add(new ArticlePage.ReferenceView.Part(part.text().substring(0, at), null));
                }
                split.add(new ArticlePage.ReferenceView.Part(needle, href));
                if (at + needle.length() < part.text().length()) {
                    split.add(new ArticlePage.ReferenceView.Part(part.text().substring(at + needle.length()), null));
                }
                parts.addAll(i, split);
                return;
            }
        }
    }
}
