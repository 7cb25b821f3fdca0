package org.vertebra.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail sent alike to many recipients (the newsletter's digest), which the outbox stores once: its
 * parts hold slots ({@link #slot}) where each recipient's own values (an unsubscribe link) go when
 * the mail is sent ({@link #to}). A slot's text carries a digest of the template's key, so it does
 * not occur in an article's title or a site's text by accident, and holds none of {@code & < > " '},
 * so the HTML part can be escaped around it.
 *
 * @param key  names the template for whoever sends it, the same for every batch of one send
 *             ("newsletter-digest-17"): the outbox keeps one body per key
 * @param kind what the mails are, for the admin's outbox view, as {@link OutgoingMail#kind}
 * @param html null when the mail is plain text only
 */
public record MailTemplate(String key, String kind, String subject, String text, String html, Map<String, String> headers) {

    /** How a recipient's value is named in its slot and in the outbox: lower case, digits and dashes. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int KEY_LENGTH = 200;

    public MailTemplate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (key.isBlank() || key.length() > KEY_LENGTH) {
            throw new IllegalArgumentException("a mail template's key must have 1 to " + KEY_LENGTH + " characters, not \"" + key + "\"");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** One recipient of a template and the values of its slots, by name. */
    public record Recipient(String to, Map<String, String> values) {

        public Recipient {
            Objects.requireNonNull(to, "to");
            values = Map.copyOf(values);
        }
    }

    /** The text a template of this key holds where the value {@code name} goes. */
    public static String slot(String key, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a slot's name is lower case letters, digits and dashes, not \"" + name + "\"");
        }
        return slotPrefix(key) + name + "}}";
    }

    /** This mail as one recipient gets it: each slot replaced by its value, HTML-escaped in the HTML part. */
    public OutgoingMail to(String recipient, Map<String, String> values) {
        checkFills(slotNames(), values);
        String subject = this.subject;
        String text = this.text;
        String html = this.html;
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        for (Map.Entry<String, String> value : values.entrySet()) {
            String slot = slot(key, value.getKey());
            subject = subject.replace(slot, value.getValue());
            text = text.replace(slot, value.getValue());
            html = html == null ? null : html.replace(slot, org.vertebra.web.Html.escape(value.getValue()));
            headers.replaceAll((name, header) -> header.replace(slot, value.getValue()));
        }
        return new OutgoingMail(kind, recipient, subject, text, html, headers);
    }

    /** Throws unless each recipient's values fill exactly the template's slots: a slot left empty would go out as it is. */
    void checkFills(List<Recipient> recipients) {
        Set<String> slots = slotNames();
        recipients.forEach(recipient -> checkFills(slots, recipient.values()));
    }

    private void checkFills(Set<String> slots, Map<String, String> values) {
        if (!slots.equals(values.keySet())) {
            throw new IllegalArgumentException("the values " + new TreeSet<>(values.keySet()) + " do not fill the slots "
                    + slots + " of the mail template " + key);
        }
    }

    /** The names of the slots in any part of the mail. */
    Set<String> slotNames() {
        Pattern slots = Pattern.compile(Pattern.quote(slotPrefix(key)) + "(" + NAME.pattern() + ")\\}\\}");
        Set<String> names = new TreeSet<>();
        List<String> parts = new ArrayList<>(headers.values());
        parts.addAll(Arrays.asList(subject, text, html == null ? "" : html));
        for (String part : parts) {
            Matcher m = slots.matcher(part);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String slotPrefix(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "{{fill-" + HexFormat.of().formatHex(digest, 0, 12) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
