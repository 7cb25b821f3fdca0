package org.vertebra.consent;

import java.util.List;
import org.vertebra.layout.ConsentBanner;
import org.vertebra.layout.PageSection;
import org.vertebra.web.Templates;

/**
 * The Cookie Policy and Privacy Policy sections of the Policies page, generated from the configured
 * categories, cookies and services, so that what the policy says and what the site does cannot
 * drift apart. Rendered again whenever the policy changes (the server's content change listener).
 */
public final class PolicySections {

    public static final String PAGE_SLUG = "policies";

    /** What the page says the site holds about a person, one line per feature that keeps an address. */
    public record HeldData(String what, String why, String kept) {
    }

    public record Model(ConsentBanner consent, List<HeldData> held) {
    }

    private PolicySections() {
    }

    public static List<PageSection> of(ConsentPolicy policy, List<HeldData> held, Templates templates) {
        Model model = new Model(ConsentViews.banner(policy), held);
        return List.of(
                new PageSection("cookie-policy", "Cookie policy", new String(templates.render("consent/cookie-policy.jte", model),
                        java.nio.charset.StandardCharsets.UTF_8)),
                new PageSection("privacy-policy", "Privacy policy", new String(templates.render("consent/privacy-policy.jte", model),
                        java.nio.charset.StandardCharsets.UTF_8)));
    }
}
