package org.vertebra.retraction;

import java.util.List;
import org.vertebra.article.PublishedArticles;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.reference.UpdateNotice;

/** The mail that tells an editor that published articles cite a retracted or withdrawn work. */
final class RetractionMail {

    static final String KIND = "retraction-alert";

    private RetractionMail() {
    }

    static OutgoingMail of(String to, String identifier, UpdateNotice notice, List<PublishedArticles.CitedReference> citing,
                           String baseUrl) {
        String work = identifier.startsWith("doi:") ? "DOI " + identifier.substring(4) : "PMID " + identifier.substring(5);
        StringBuilder text = new StringBuilder();
        text.append("A work that published articles on the site cite has been ").append(notice.label()).append(".\n\n")
                .append("Work: ").append(work).append('\n')
                .append("Notice: ").append(notice.notice()).append(" (").append(notice.source()).append(")\n\n")
                .append("Cited by:\n");
        for (PublishedArticles.CitedReference c : citing) {
            text.append("- ").append(c.title()).append(", reference ").append(c.position()).append(": ")
                    .append(baseUrl).append("/admin/articles/").append(c.articleId()).append("/edit/\n");
        }
        text.append("\nPlease check each article: remove or replace the reference, or explain it in the text.\n")
                .append("You receive this because you are an editor of the site; each notice is mailed once.\n");
        return OutgoingMail.plain(KIND, to, "A reference was " + notice.label() + ": " + work, text.toString());
    }
}
