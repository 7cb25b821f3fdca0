package org.vertebra.reading;

import java.time.Instant;
import org.vertebra.layout.DateText;
import org.vertebra.mail.OutgoingMail;

/**
 * The patient's mail: who chose the reading and the link, nothing about what it is. Mail passes
 * through other people's servers and sits in shared inboxes, so neither the note nor the articles'
 * titles (which name a condition) are in it; the private page shows them.
 */
record ReadingMail(String siteTitle, String baseUrl) {

    OutgoingMail to(String email, String doctor, String url, Instant expires) {
        String text = "Hello,\n\n"
                + doctor + " at " + siteTitle + " has chosen some articles for you to read.\n\n"
                + "Open your reading list:\n" + url + "\n\n"
                + "The link works until " + DateText.words(expires) + ". It is meant for you alone: anyone with the link can "
                + "open the list, so please do not forward this email. On the page you can also ask us to delete the list.\n\n"
                + "If you did not expect this email, you can ignore it.\n\n"
                + "-- \n" + siteTitle + "\n" + baseUrl + "/\n";
        return OutgoingMail.plain(ReadingService.MAIL, email, "Your reading list from " + siteTitle, text);
    }
}
