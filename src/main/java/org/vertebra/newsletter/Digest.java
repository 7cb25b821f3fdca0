package org.vertebra.newsletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertebra.article.ArticleCard;
import org.vertebra.language.Messages;
import org.vertebra.mail.MailTemplate;
import org.vertebra.web.Html;

/**
 * The mail of one digest: the new articles, each with its title, summary and link, in plain text
 * and in HTML, and for each subscriber the visible unsubscribe link and RFC 8058's one-click
 * headers (List-Unsubscribe with the https link, List-Unsubscribe-Post), with the list's List-Id
 * (RFC 2919) by which mail programs and spam filters know a list's mail for what it is.
 */
final class Digest {

    static final String KIND = "newsletter-digest";
    /** The slot of a subscriber's unsubscribe link. */
    private static final String UNSUBSCRIBE = "unsubscribe";

    private final String siteTitle;
    private final String baseUrl;
    private final List<ArticleCard> articles;
    private final Messages words;

    /** @param words the site's language, which the list speaks (a subscriber chose no other) */
    Digest(String siteTitle, String baseUrl, List<ArticleCard> articles, Messages words) {
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.articles = List.copyOf(articles);
        this.words = words;
    }

    String subject() {
        return articles.size() == 1 ? words.format("newsletter.digest.subject.one", siteTitle, articles.get(0).title())
                : words.format("newsletter.digest.subject.many", articles.size(), siteTitle);
    }

    /**
     * The digest as the outbox stores it once for all its subscribers (one body per {@code key}),
     * with a slot where each subscriber's own unsubscribe link goes: in the text, the HTML and the
     * List-Unsubscribe header.
     */
    MailTemplate template(String key) {
        String unsubscribeUrl = MailTemplate.slot(key, UNSUBSCRIBE);
        return new MailTemplate(key, KIND, subject(), text(unsubscribeUrl), html(unsubscribeUrl),
                unsubscribeHeaders(listId(siteTitle, baseUrl), unsubscribeUrl));
    }

    /** One subscriber of the digest: the value of the template's slot. */
    static MailTemplate.Recipient recipient(String email, String unsubscribeUrl) {
        return new MailTemplate.Recipient(email, Map.of(UNSUBSCRIBE, unsubscribeUrl));
    }

    /**
     * The newsletter's List-Id (RFC 2919): the site's title as its description and
     * "newsletter." and the site's host name as the id, the same for every mail of the list.
     */
    static String listId(String siteTitle, String baseUrl) {
        String host;
        try {
            host = java.net.URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        String domain = (host == null || host.isBlank() ? "localhost" : host).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9.-]", "-").replaceAll("^[.-]+|[.-]+$", "");
        String description = (siteTitle == null ? "" : siteTitle + " newsletter").replaceAll("[\\\\\"\\p{Cntrl}]", "").strip();
        return (description.isEmpty() ? "" : "\"" + description + "\" ") + "<newsletter." + (domain.isEmpty() ? "localhost" : domain) + ">";
    }

    /** The headers that let a mail client unsubscribe with one click (RFC 2369 and RFC 8058), and the list's id. */
    static Map<String, String> unsubscribeHeaders(String listId, String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Id", listId);
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    String text(String unsubscribeUrl) {
        StringBuilder text = new StringBuilder(words.format("newsletter.digest.heading", siteTitle)).append(":\n\n");
        for (ArticleCard article : articles) {
            text.append(article.title()).append('\n');
            if (article.excerpt() != null && !article.excerpt().isBlank()) {
                text.append(article.excerpt().strip()).append('\n');
            }
            text.append(baseUrl).append(article.url()).append("\n\n");
        }
        return text.append(footerText(unsubscribeUrl, words)).toString();
    }

    String html(String unsubscribeUrl) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(Html.escape(words.lang().tag()))
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject())).append("</title></head><body style=\"font-family: sans-serif; line-height: 1.5; color: #1d2731\">")
                .append("<h1 style=\"font-size: 1.4em\">").append(Html.escape(words.format("newsletter.digest.heading", siteTitle)))
                .append("</h1>");
        for (ArticleCard article : articles) {
            html.append("<h2 style=\"font-size: 1.15em; margin-bottom: 0.2em\"><a href=\"").append(Html.escape(baseUrl + article.url()))
                    .append("\">").append(Html.escape(article.title())).append("</a></h2>");
            if (article.excerpt() != null && !article.excerpt().isBlank()) {
                html.append("<p style=\"margin-top: 0\">").append(Html.escape(article.excerpt().strip())).append("</p>");
            }
        }
        return html.append(footerHtml(unsubscribeUrl, words)).append("</body></html>").toString();
    }

    /** The lines every newsletter mail ends with: why it came, and how to stop it. */
    static String footerText(String unsubscribeUrl, Messages words) {
        return "--\n" + words.get("newsletter.digest.why") + "\n" + words.format("newsletter.digest.unsubscribe.text", unsubscribeUrl) + "\n";
    }

    static String footerHtml(String unsubscribeUrl, Messages words) {
        return "<hr><p style=\"font-size: 0.9em; color: #4a5763\">" + Html.escape(words.get("newsletter.digest.why")) + " "
                + words.format("newsletter.digest.unsubscribe.html", Html.escape(unsubscribeUrl)) + "</p>";
    }

}
