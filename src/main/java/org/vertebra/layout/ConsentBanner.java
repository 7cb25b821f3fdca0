package org.vertebra.layout;

import java.util.List;

/**
 * What every page carries of the consent manager (consent/): the banner, the manage dialog with each
 * category and its cookies, and the site owner's optional scripts, inert until the consent script
 * activates them. The same for every visitor, so cached pages stay cacheable.
 */
public record ConsentBanner(int policyVersion, List<Category> categories, List<Script> scripts) {

    public record Category(String key, String label, String description, boolean required, List<Entry> entries) {
    }

    public record Entry(String name, String purpose, String duration, String provider) {
    }

    public record Script(String category, String src) {
    }

    public static final ConsentBanner NONE = new ConsentBanner(1, List.of(), List.of());
}
