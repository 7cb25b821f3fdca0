package org.vertebra.consent;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vertebra.language.Messages;
import org.vertebra.layout.ConsentBanner;
import org.vertebra.layout.PageSection;
import org.vertebra.web.SecurityHeaders;
import org.vertebra.web.Templates;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Consent: the reader's choices and the banner's script, the admin's record of consents and the policy's settings. */
public final class ConsentFeature implements Feature {

    private final ConsentService consent;
    private final ConsentSettings consentSettings;
    private final AuditLog audit;
    private final Supplier<Messages> siteText;
    private final Supplier<List<String>> heldData;
    private Templates templates;
    private volatile Map<String, String> securityHeaders;
    private volatile List<PageSection> policySections = List.of();

    /**
     * @param siteText the interface text in the site's language, read afresh (a change of language is a content change too)
     * @param heldData the Privacy policy's lines on what the features keep about a person (message keys)
     */
    public ConsentFeature(ConsentService consent, ConsentSettings consentSettings, AuditLog audit, Supplier<Messages> siteText,
                          Supplier<List<String>> heldData) {
        this.consent = consent;
        this.consentSettings = consentSettings;
        this.audit = audit;
        this.siteText = siteText;
        this.heldData = heldData;
        this.securityHeaders = SecurityHeaders.allowingScripts(consent.policy().scriptOrigins());
    }

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        this.templates = web.templates();
        usePolicy(consent.policy());
        new ConsentRoutes(consent, web.frames(), web.templates(), web.baseUrl()).register(config);
        new ConsentAdminRoutes(consent, web.adminShell(), audit).register(config);
        new ConsentSettingsRoutes(consentSettings, web.adminShell(), audit).register(config);
        new ConsentScriptRoutes(consentSettings).register(config);
    }

    /**
     * The policy as stored now (changed here or on another server). The server tells its features
     * before it empties the page cache, so no page rendered after that shows the old policy.
     */
    @Override
    public void contentChanged(long version) {
        usePolicy(consentSettings.refresh());
    }

    /** What follows from the policy outside the page frame: the scripts' origins in the CSP, the Policies page's sections. */
    private void usePolicy(ConsentPolicy policy) {
        this.securityHeaders = SecurityHeaders.allowingScripts(policy.scriptOrigins());
        this.policySections = PolicySections.of(policy, heldData.get(), siteText.get(), templates);
    }

    /** The headers every answer carries, with the Content-Security-Policy that lets the consented scripts' origins in. */
    public Map<String, String> securityHeaders() {
        return securityHeaders;
    }

    /** The Cookie Policy and Privacy Policy sections of the Policies page, as the policy in force makes them. */
    public List<PageSection> policySections() {
        return policySections;
    }

    /** The banner and dialog every public page carries. */
    public ConsentBanner banner() {
        return consentSettings.banner();
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.PRIVACY);
    }
}
