package org.vertebra.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.app.Site;
import org.vertebra.mail.MailTemplate;
import org.vertebra.mail.OutgoingMail;

/** The rows of a site's mail_outbox table, oldest first, as a test reads them. */
public final class MailOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Mail(String kind, String recipient, String subject, String text, String html, Map<String, String> headers) {

        /** The first link in the plain text that starts with this prefix. */
        public String link(String prefix) {
            Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no link starting " + prefix + " in:\n" + text);
            }
            return m.group();
        }
    }

    private MailOutbox() {
    }

    /** Every mail, a mail of a shared body (the digest's) as its recipient gets it, its slots filled. */
    public static List<Mail> all(Site site) {
        return site.database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT o.kind, o.recipient, o.subject, o.text_body, o.html_body, o.headers_json, o.fill_json,
                            b.share_key, b.subject AS body_subject, b.text_body AS body_text, b.html_body AS body_html,
                            b.headers_json AS body_headers
                        FROM mail_outbox o LEFT JOIN mail_bodies b ON b.id = o.body_id ORDER BY o.id""")
                .map((rs, ctx) -> rs.getString("share_key") == null
                        ? new Mail(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                                rs.getString("text_body"), rs.getString("html_body"), headers(rs.getString("headers_json")))
                        : filled(new MailTemplate(rs.getString("share_key"), rs.getString("kind"), rs.getString("body_subject"),
                                rs.getString("body_text"), rs.getString("body_html"), headers(rs.getString("body_headers")))
                                .to(rs.getString("recipient"), headers(rs.getString("fill_json")))))
                .list());
    }

    private static Mail filled(OutgoingMail mail) {
        return new Mail(mail.kind(), mail.to(), mail.subject(), mail.text(), mail.html(), mail.headers());
    }

    public static List<Mail> ofKind(Site site, String kind) {
        return all(site).stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Map<String, String> headers(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
