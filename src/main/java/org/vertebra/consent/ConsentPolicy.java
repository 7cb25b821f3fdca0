package org.vertebra.consent;

import java.util.List;

/**
 * What the site asks consent for: the cookies and services of each category, the site owner's
 * optional scripts, and the policy's version. Vertebra's own entries are declared by the features
 * that set them and gathered by app/Site; the site owner adds theirs in the admin (consent/ConsentSettings, kept in the database so every server shows the
 * same), and a new version asks every visitor again. A {@code DATA/consent.json} of an older site
 * is imported once (consent/ConsentFile).
 */
public record ConsentPolicy(int version, List<CookieEntry> cookies, List<OptionalScript> scripts) {

    public static final String FILE_NAME = "consent.json";
    public static final String COOKIE_NAME = "vertebra_consent";
    /** How long a choice is kept before the banner asks again: six months, as European regulators advise at most. */
    public static final int COOKIE_DAYS = 182;

    /** The consent cookie itself; the other features' entries are theirs ({@code AccountFeature.COOKIES}, ...). */
    public static final CookieEntry CHOICE_COOKIE = new CookieEntry(ConsentCategory.FUNCTIONAL, COOKIE_NAME,
            "Remembers which categories you accepted or rejected.", "6 months", "This site");

    public ConsentPolicy {
        cookies = List.copyOf(cookies);
        scripts = List.copyOf(scripts);
    }

    public List<CookieEntry> cookies(ConsentCategory category) {
        return cookies.stream().filter(c -> c.category() == category).toList();
    }

    /** The origins of the scripts loaded from other hosts, which the Content-Security-Policy must allow. */
    public List<String> scriptOrigins() {
        return scripts.stream().flatMap(s -> s.origin().stream()).distinct().toList();
    }
}
