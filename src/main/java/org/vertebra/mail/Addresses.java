package org.vertebra.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses as the admin and the outbox's error notes show them: masked, never in full. */
public final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile("([^\\s<>@\"',;:()\\[\\]]+)@([A-Za-z0-9.-]+)");

    private Addresses() {
    }

    /** {@code alice@example.org} as {@code a***@example.org}. */
    public static String mask(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** The text with every address in it masked: servers often quote the recipient in their refusals. */
    static String maskAll(String text) {
        Matcher m = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        }
        return m.appendTail(out).toString();
    }
}
