package org.vertebra.article;

import java.util.List;
import org.vertebra.content.KeyPoints;
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
 * @param keyPoints "Key points" and "What you can do", shown above the text; empty lists when it has none
 * @param handout  what a printed copy adds and where its PDF is; null on pages
 * @param otherLanguages the switcher beside the title: the group's other public members; empty when none
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
        TrustPanel trust,
        KeyPoints keyPoints,
        Handout handout,
        List<LanguageLink> otherLanguages) {

    /**
     * A translation in the switcher, named in its own language ("Español"), with its tag for the
     * link's lang and hreflang, and its direction for a name written right to left.
     */
    public record LanguageLink(String name, String tag, String dir, String url) {
    }

    /**
     * The first page of a printed copy names where the article lives online, as text and as a QR
     * code to it, so a patient handed the paper can find the current version.
     *
     * @param qrSvg  the QR code as SVG markup made from numbers only (see {@link org.vertebra.qr.QrSvg})
     * @param pdfUrl the server's PDF of the same handout
     */
    public record Handout(String address, String qrSvg, String pdfUrl) {
    }

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
