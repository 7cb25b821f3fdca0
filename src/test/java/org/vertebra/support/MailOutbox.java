package org.vertebra.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.app.Site;

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

    public static List<Mail> all(Site site) {
        return site.database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT kind, recipient, subject, text_body, html_body, headers_json FROM mail_outbox ORDER BY id""")
                .map((rs, ctx) -> new Mail(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"), headers(rs.getString("headers_json"))))
                .list());
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
