package org.vertebra.reading;

import java.util.Arrays;
import java.util.List;
import org.vertebra.admin.AdminFrame;
import org.vertebra.form.FormMessages;

/** The view records of the reading pages, the patient's and the clinic's. */
public final class ReadingPages {

    private ReadingPages() {
    }

    // --- the patient's page (src/main/jte/reading/list.jte, notice.jte)

    /** An article on the list, with what a patient takes away from it and its handout. */
    public record ArticleView(String title, String url, String summary, List<String> keyPoints, List<String> actions,
                              String handoutUrl) {
    }

    /** The link's parameters, carried by the deletion form. */
    public record LinkFields(String r, String k, String s) {
    }

    /**
     * The private list; {@code confirmDelete} asks whether to delete it.
     *
     * @param note the doctor's note in paragraphs (empty: no note)
     */
    public record ListPage(String siteTitle, String doctor, List<String> note, String sentOn, String expiresOn,
                           String expiresIso, List<ArticleView> articles, LinkFields link, String formToken, String pagePath,
                           boolean confirmDelete) {
    }

    /** A page that only says something: the link was changed, the list expired or is deleted. */
    public record NoticePage(String siteTitle, String title, String message) {
    }

    static List<String> paragraphs(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    // --- the clinic's pages (src/main/jte/reading/lists.jte, send.jte, delete.jte)

    /** One list as the clinic sees it: the address masked, when first opened, nothing more. */
    public record ListRow(long id, String patient, String sentBy, String sent, String sentIso, String firstOpened,
                          String firstOpenedIso, String expires, String expiresIso, int articles, Long consultationId) {
    }

    public record ListsPage(AdminFrame frame, List<ListRow> rows, boolean everyone, String notice) {
    }

    public record ChoiceView(long id, String title, String summary, boolean checked) {
    }

    /**
     * The form that sends a list; {@code consultation} is the consultation's id when sent from one.
     *
     * @param expiryDays how long the link will work, from the site's setting
     */
    public record SendPage(AdminFrame frame, List<ChoiceView> choices, String email, String note, String consultation,
                           FormMessages messages, int maxArticles, int noteMax, int expiryDays) {
    }

    public record DeletePage(AdminFrame frame, ListRow row) {
    }
}
