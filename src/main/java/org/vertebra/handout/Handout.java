package org.vertebra.handout;

import java.util.List;
import org.vertebra.content.KeyPoints;

/**
 * What the handout template shows: an article as a printed page for a patient to take home, with
 * who wrote and reviewed it and where it lives online. Built by {@link Handouts}, never queried.
 *
 * @param text          the interface text in the article's language: the handout's labels
 * @param address       the article's full address, printed and encoded in the QR code
 * @param qrDataUri     the QR code of {@code address} as a PNG {@code data:} address
 * @param image         the featured image as printed (a JPEG or PNG of the library); null when there is none
 * @param bodyHtml      the article's body made fit for paper (no players, buttons or scripts)
 * @param references    each reference as written, with the addresses of its DOI, PubMed record or page
 */
public record Handout(
        org.vertebra.language.Messages text,
        String lang,
        String title,
        String siteTitle,
        String address,
        String qrDataUri,
        String authorName,
        String authorCredentials,
        String reviewedBy,
        String reviewedOn,
        String published,
        String updated,
        KeyPoints keyPoints,
        Image image,
        String bodyHtml,
        List<ReferenceLine> references,
        String disclosure,
        boolean demo) {

    /** An image's address on the site and what it shows. */
    public record Image(String url, String alt) {
    }

    /** A reference as written, and the addresses a reader types to find it. */
    public record ReferenceLine(String text, List<String> addresses) {
    }

    /** The text of the QR code's image, for a reader who cannot see it. */
    public String qrAlt() {
        return text.format("handout.qr", address);
    }

    /** The document's subject in its metadata: its key points, or its title. */
    public String subject() {
        return keyPoints.points().isEmpty() ? title : String.join(" ", keyPoints.points());
    }
}
