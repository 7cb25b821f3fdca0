package org.vertebra.handout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.Author;
import org.vertebra.author.AuthorService;
import org.vertebra.content.Reference;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaLibrary;
import org.vertebra.media.MediaVariant;
import org.vertebra.qr.QrPng;

/** Builds the handout of a public article from the services that own its parts. */
final class Handouts {

    /** Pixels a QR module in the PNG; the PDF draws it at 30 mm whatever its pixels, so this is only its sharpness. */
    private static final int QR_SCALE = 8;

    private final PublishedArticles articles;
    private final AuthorService authors;
    private final MediaLibrary media;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final java.util.function.Function<org.vertebra.language.Language, org.vertebra.language.Messages> texts;

    Handouts(PublishedArticles articles, AuthorService authors, MediaLibrary media, Supplier<String> siteTitle,
             java.util.function.Function<org.vertebra.language.Language, org.vertebra.language.Messages> texts, String baseUrl) {
        this.texts = texts;
        this.articles = articles;
        this.authors = authors;
        this.media = media;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
    }

    /** The handout of the published article (not a page) at this slug; empty when there is none. */
    Optional<Handout> of(String slug) {
        return articles.published(slug).filter(a -> !a.isPage()).map(this::of);
    }

    private Handout of(Article a) {
        Author author = a.authorId() == null ? null : authors.byId(a.authorId()).orElse(null);
        String address = baseUrl + a.url();
        org.vertebra.language.Messages text = texts.apply(a.lang());
        return new Handout(text, a.lang().tag(), a.title(), siteTitle.get(), address, QrPng.dataUri(address, QR_SCALE),
                author == null ? null : author.name(), author == null ? null : author.credentials(),
                a.reviewedBy(), a.reviewedOn() == null ? null : text.date(a.reviewedOn()),
                text.date(a.publishedAt()),
                a.updatedAt() == null || a.updatedAt().equals(a.publishedAt()) ? null : text.date(a.updatedAt()),
                a.keyPoints(), a.imageId() == null ? null : media.byId(a.imageId()).map(Handouts::printed).orElse(null),
                forPaper(a.bodyHtml()), a.references().stream().map(Handouts::line).toList(),
                a.disclosure(), a.demo());
    }

    /**
     * The featured image in the largest copy PDFBox draws (JPEG or PNG; a WebP original is not),
     * no wider than the library's "large" copy: sharp on A4 without making the PDF heavy.
     */
    static Handout.Image printed(MediaItem item) {
        String alt = item.hasAlt() ? item.alt() : "";
        return item.variants().stream()
                .filter(v -> !v.name().equals("thumbnail") && isDrawable(v.contentType()))
                .max(java.util.Comparator.comparingInt(MediaVariant::width))
                .map(v -> new Handout.Image(v.url(), alt))
                .or(() -> isDrawable(item.contentType()) && !item.animated()
                        ? Optional.of(new Handout.Image(item.url(), alt)) : Optional.empty())
                .orElse(null);
    }

    private static boolean isDrawable(String contentType) {
        return "image/jpeg".equals(contentType) || "image/png".equals(contentType);
    }

    /**
     * The body as paper can show it: players become the link they hold, buttons and anything that
     * runs go, and images keep one address (the PDF renderer reads {@code src} only).
     */
    static String forPaper(String bodyHtml) {
        Document body = Jsoup.parseBodyFragment(bodyHtml);
        body.select("script, iframe, object, embed, template, noscript, button, form, source, track").remove();
        body.select("video, audio").forEach(Element::unwrap);
        for (Element img : body.select("img")) {
            img.removeAttr("srcset").removeAttr("sizes").removeAttr("loading").removeAttr("decoding");
            if (!img.hasAttr("alt")) {
                img.attr("alt", "");
            }
        }
        body.select("picture").forEach(Element::unwrap);
        return body.body().html();
    }

    /** The reference and each address of it that its text does not already spell out. */
    static Handout.ReferenceLine line(Reference r) {
        List<String> addresses = new ArrayList<>();
        for (String address : java.util.Arrays.asList(r.doiUrl(), r.pubmedUrl(), r.url())) {
            if (address != null && !r.text().contains(address) && !addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return new Handout.ReferenceLine(r.text(), List.copyOf(addresses));
    }
}
