package org.vertebra.author;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Names the site a profile link goes to, so a page can say "ORCID" rather than print the address. */
final class ProfileLinks {

    private static final Map<String, String> SITES = Map.of(
            "orcid.org", "ORCID",
            "pubmed.ncbi.nlm.nih.gov", "PubMed",
            "scholar.google.com", "Google Scholar",
            "linkedin.com", "LinkedIn",
            "researchgate.net", "ResearchGate",
            "x.com", "X",
            "twitter.com", "X",
            "doximity.com", "Doximity");

    private ProfileLinks() {
    }

    static String label(String url) {
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("www.") ? host.substring(4) : host;
        return SITES.getOrDefault(bare, bare);
    }
}
