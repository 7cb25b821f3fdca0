package org.vertebra.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the site asks consent for: the cookies and services of each category, the site owner's
 * optional scripts, and the policy's version. Vertebra's own entries are built in; the site owner
 * adds theirs in {@code DATA/consent.json} and raises {@code version} when the policy changes, so
 * the banner asks every visitor again (read at start):
 * <pre>{"version": 2,
 *  "cookies": [{"category": "statistics", "name": "_pk_id", "purpose": "...", "duration": "13 months", "provider": "Matomo"}],
 *  "scripts": [{"category": "statistics", "src": "https://stats.example.org/matomo.js"}]}</pre>
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

    /** The built-in policy with the site owner's file added; a file that cannot be used is refused with where and why. */
    public static ConsentPolicy load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return defaults();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            int version = root.path("version").asInt(1);
            if (version < 1) {
                throw new IllegalArgumentException("\"version\" must be a whole number of 1 or more");
            }
            List<CookieEntry> cookies = new ArrayList<>(BUILT_IN);
            for (JsonNode c : root.path("cookies")) {
                cookies.add(new CookieEntry(category(c), text(c, "name"), text(c, "purpose"), text(c, "duration"), text(c, "provider")));
            }
            List<OptionalScript> scripts = new ArrayList<>();
            for (JsonNode s : root.path("scripts")) {
                String src = text(s, "src");
                if (!src.startsWith("https://")) {
                    throw new IllegalArgumentException("a script's \"src\" must be an https address: " + src);
                }
                scripts.add(new OptionalScript(category(s), src));
            }
            return new ConsentPolicy(version, cookies, scripts);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " cannot be used: " + e.getMessage(), e);
        }
    }

    public List<CookieEntry> cookies(ConsentCategory category) {
        return cookies.stream().filter(c -> c.category() == category).toList();
    }

    private static ConsentCategory category(JsonNode node) {
        ConsentCategory category = ConsentCategory.byKey(text(node, "category"))
                .orElseThrow(() -> new IllegalArgumentException("unknown category \"" + node.path("category").asText()
                        + "\"; use functional, preferences, statistics or marketing"));
        if (category == ConsentCategory.FUNCTIONAL && node.has("src")) {
            throw new IllegalArgumentException("an optional script cannot be functional");
        }
        return category;
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing in " + node);
        }
        return value;
    }
}
