package org.vertebra.consent;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A visitor's choice as the consent cookie carries it: {@code VERSION.CATEGORIES.ID}, such as
 * {@code 2.preferences+statistics.Xc3...} ({@code -} for none). The id names the choice's entry in
 * the consent log, so a visitor can be shown what they chose and when; the cookie holds nothing else.
 */
public record ConsentChoice(int policyVersion, Set<ConsentCategory> accepted, String id) {

    public ConsentChoice {
        EnumSet<ConsentCategory> all = EnumSet.of(ConsentCategory.FUNCTIONAL);
        all.addAll(accepted);
        accepted = Set.copyOf(all);
    }

    public boolean accepts(ConsentCategory category) {
        return accepted.contains(category);
    }

    /** The optional categories chosen, by key, joined with {@code +}; {@code -} for none. */
    public String optionalKeys() {
        String keys = accepted.stream().filter(c -> !c.required()).sorted().map(ConsentCategory::key)
                .collect(Collectors.joining("+"));
        return keys.isEmpty() ? "-" : keys;
    }

    public String cookieValue() {
        return policyVersion + "." + optionalKeys() + "." + id;
    }

    /** The choice in a cookie's value; empty when there is none or it cannot be read (then nothing optional is on). */
    public static Optional<ConsentChoice> parse(String cookie) {
        if (cookie == null || !cookie.matches("\\d{1,6}\\.[a-z+-]{1,60}\\.[A-Za-z0-9_-]{1,43}")) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.");
        Set<ConsentCategory> accepted = EnumSet.noneOf(ConsentCategory.class);
        if (!parts[1].equals("-")) {
            for (String key : parts[1].split("\\+")) {
                Optional<ConsentCategory> category = ConsentCategory.byKey(key);
                if (category.isEmpty()) {
                    return Optional.empty();
                }
                accepted.add(category.get());
            }
        }
        return Optional.of(new ConsentChoice(Integer.parseInt(parts[0]), accepted, parts[2]));
    }
}
