package org.vertebra.admin;

import java.util.List;
import org.vertebra.layout.MenuLink;

/**
 * A short list a feature shows on the admin dashboard for the signed-in person (the next
 * consultations, say): a heading, a few entries, and a link to the whole.
 */
public record DashboardPanel(String title, List<Entry> entries, MenuLink more) {

    public DashboardPanel {
        entries = List.copyOf(entries);
    }

    /** The id of the panel's heading, made from its title ("next-consultations"). */
    public String anchor() {
        return "panel-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * One line: its text and link, and a flag in words when it needs attention first.
     *
     * @param flag       what makes it stand out ("Emergency warning sign"), or null
     * @param flagUrgent whether the flag is to be highlighted (never by colour alone: the words stay)
     */
    public record Entry(String text, String url, String flag, boolean flagUrgent) {
    }
}
