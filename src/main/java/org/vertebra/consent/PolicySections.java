package org.vertebra.consent;

import java.util.List;
import org.vertebra.language.Messages;
import org.vertebra.layout.ConsentBanner;
import org.vertebra.layout.PageSection;
import org.vertebra.web.Templates;

/**
 * The Cookie Policy and Privacy Policy sections of the Policies page, generated from the configured
 * categories, cookies and services, so that what the policy says and what the site does cannot
 * drift apart. Rendered again whenever the policy or the site's language changes (the server's content change listener).
 */
public final class PolicySections {

    public static final String PAGE_SLUG = "policies";

    /** What the page says the site holds about a person, one line per feature that keeps an address. */
    public record HeldData(String what, String why, String kept) {
    }

    public record Model(ConsentBanner consent, List<HeldData> held, Messages text) {
    }

    private PolicySections() {
    }

    /**
     * The sections in the language of {@code text}: the site's, as the Policies page is one of its pages.
     *
     * @param heldData the message keys of what the features keep about a person ({@link HeldDataLines})
     */
    public static List<PageSection> of(ConsentPolicy policy, List<String> heldData, Messages text, Templates templates) {
        Model model = new Model(ConsentViews.banner(policy), HeldDataLines.in(heldData, text), text);
        return List.of(
                new PageSection("cookie-policy", text.get("policy.cookie.title"), new String(
                        templates.render("consent/cookie-policy.jte", model), java.nio.charset.StandardCharsets.UTF_8)),
                new PageSection("privacy-policy", text.get("policy.privacy.title"), new String(
                        templates.render("consent/privacy-policy.jte", model), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
