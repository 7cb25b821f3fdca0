package org.vertebra.consent;

import java.util.List;

/**
 * What the site asks consent for: the cookies and services of each category, the site owner's
 * optional scripts, and the policy's version. Vertebra's own entries are built in; the site owner
 * adds theirs in the admin (consent/ConsentSettings, kept in the database so every server shows the
 * same), and a new version asks every visitor again. A {@code DATA/consent.json} of an older site
 * is imported once (consent/ConsentFile).
 */
public record ConsentPolicy(int version, List<CookieEntry> cookies, List<OptionalScript> scripts) {

    public static final String FILE_NAME = "consent.json";
    public static final String COOKIE_NAME = "vertebra_consent";
    /** How long a choice is kept before the banner asks again: six months, as European regulators advise at most. */
    public static final int COOKIE_DAYS = 182;

    static final List<CookieEntry> BUILT_IN = List.of(
            new CookieEntry(ConsentCategory.FUNCTIONAL, COOKIE_NAME, "Remembers which categories you accepted or rejected.",
                    "6 months", "This site"),
            new CookieEntry(ConsentCategory.FUNCTIONAL, "vertebra_session", "Keeps staff signed in to the admin pages; readers never get it.",
                    "14 days", "This site"),
            new CookieEntry(ConsentCategory.FUNCTIONAL, "vertebra_csrf", "Protects the staff sign-in form from forgery.",
                    "Until the browser closes", "This site"),
            new CookieEntry(ConsentCategory.FUNCTIONAL, "vertebra_pending",
                    "Holds a staff member's sign-in between the password and the two-step code; readers never get it.",
                    "5 minutes", "This site"),
            new CookieEntry(ConsentCategory.STATISTICS, "Page counts (no cookie)",
                    "Counts page views, referring sites and searches without any cookie; a visitor is recognised for one day only by "
                            + "a hash that cannot be traced back to them.", "No cookie; daily totals kept", "This site"),
            new CookieEntry(ConsentCategory.MARKETING, "YouTube videos",
                    "Plays a video in an article once you choose to load it, from youtube-nocookie.com.",
                    "Set by YouTube; see Google's privacy policy", "Google (YouTube)"),
            new CookieEntry(ConsentCategory.MARKETING, "Vimeo videos",
                    "Plays a video in an article once you choose to load it, from player.vimeo.com.",
                    "Set by Vimeo; see Vimeo's privacy policy", "Vimeo"));

    public ConsentPolicy {
        cookies = List.copyOf(cookies);
        scripts = List.copyOf(scripts);
    }

    public static ConsentPolicy defaults() {
        return new ConsentPolicy(1, BUILT_IN, List.of());
    }

    public List<CookieEntry> cookies(ConsentCategory category) {
        return cookies.stream().filter(c -> c.category() == category).toList();
    }

    /** What Vertebra itself sets, which the site owner sees but cannot change. */
    public static List<CookieEntry> builtIn() {
        return BUILT_IN;
    }

    /** The origins of the scripts loaded from other hosts, which the Content-Security-Policy must allow. */
    public List<String> scriptOrigins() {
        return scripts.stream().flatMap(s -> s.origin().stream()).distinct().toList();
    }
}
