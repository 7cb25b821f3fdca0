package org.vertebra.article;

import java.util.List;
import org.vertebra.content.TocEntry;
import org.vertebra.layout.AuthorView;
import org.vertebra.layout.CommentSection;
import org.vertebra.layout.CardView;
import org.vertebra.layout.Frame;
import org.vertebra.layout.ImageView;
import org.vertebra.trust.TrustPanel;

/**
 * Everything the article (and static page) template shows; built once per render, never queried by it.
 *
 * @param comments the readers' comments and their form; null where there are none (pages)
 * @param trust    "About this article's evidence" (the four benchmarks as readers see them); null on pages
 */
public record ArticlePage(
        Frame frame,
        String title,
        boolean isPage,
        boolean demo,
        AuthorView author,
        Dated published,
        Dated updated,
        String reviewedBy,
        Dated reviewed,
        String disclosure,
        ImageView image,
        List<TocEntry> toc,
        String bodyHtml,
        List<ReferenceView> references,
        List<CardView> related,
        List<Link> categories,
        List<Link> tags,
        List<Link> share,
        CommentSection comments,
        TrustPanel trust) {

    /** A date in words and in ISO form. */
    public record Dated(String text, String iso) {
    }

    public record Link(String label, String url) {
    }

    /** A reference as written, in parts; a part with an address is shown as a link. */
    public record ReferenceView(List<Part> parts) {
        public record Part(String text, String href) {
        }
    }
}
