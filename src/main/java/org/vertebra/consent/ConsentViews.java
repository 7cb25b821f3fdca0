package org.vertebra.consent;

import java.util.Arrays;
import java.util.List;
import org.vertebra.layout.ConsentBanner;

/** The consent policy as the page frame shows it (layout/ConsentBanner). */
final class ConsentViews {

    private ConsentViews() {
    }

    public static ConsentBanner banner(ConsentPolicy policy) {
        List<ConsentBanner.Category> categories = Arrays.stream(ConsentCategory.values())
                .map(c -> new ConsentBanner.Category(c.key(), c.label(), c.description(), c.required(),
                        policy.cookies(c).stream().map(e -> new ConsentBanner.Entry(e.name(), e.purpose(), e.duration(),
                                e.provider())).toList()))
                .toList();
        List<ConsentBanner.Script> scripts = policy.scripts().stream()
                .map(s -> new ConsentBanner.Script(s.category().key(), s.address())).toList();
        return new ConsentBanner(policy.version(), categories, scripts);
    }
}
