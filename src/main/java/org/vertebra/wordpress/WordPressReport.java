package org.vertebra.wordpress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an import did (or, in a dry run, would do): counts per kind and outcome, everything left
 * out with its reason, the failures, and the shortcodes that stayed as text. Written as text for
 * a person or as JSON for a script.
 */
public final class WordPressReport {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED }

    /** An item left out on purpose, or one that could not be imported. */
    public record Entry(String kind, long wordpressId, String title, String reason) {
    }

    /**
     * At most this many items left out, warnings and failures are listed (and as many addresses per
     * shortcode); the rest are only counted, so that a report on an export of 100,000 posts, each
     * with a warning, holds no more than one of 1,000 would.
     */
    static final int LISTED = 1000;

    private final Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
    private final List<Entry> skipped = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** Each warning once, with how often it came up: a missing image shown ten times is one line. */
    private final Map<String, Integer> warnings = new LinkedHashMap<>();
    private final Map<String, Integer> unknownElements = new TreeMap<>();
    private final List<Integer> strayLines = new ArrayList<>();
    private int strayCount;
    private String strayExample = "";
    private final Map<String, TreeSet<String>> shortcodes = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private int draftsOnPurpose;
    private final Map<String, Integer> notListed = new LinkedHashMap<>();
    private boolean dryRun;
    private String unreadable;
    private String stopped;

    void dryRun(boolean value) {
        dryRun = value;
    }

    void add(String kind, Outcome outcome) {
        counts.computeIfAbsent(kind, k -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
    }

    void skipped(String kind, long id, String title, String reason) {
        add(kind, Outcome.SKIPPED);
        listed(skipped, new Entry(kind, id, title, reason), "skipped");
    }

    void failed(String kind, String message) {
        add(kind, Outcome.FAILED);
        listed(failures, message, "failures");
    }

    void warning(String message) {
        if (warnings.containsKey(message) || warnings.size() < LISTED) {
            warnings.merge(message, 1, Integer::sum);
        } else {
            notListed.merge("warnings", 1, Integer::sum);
        }
    }

    void unknownElement(String name) {
        unknownElements.merge("<" + name + ">", 1, Integer::sum);
    }

    /** Text between elements; the first lines are kept to show where, the rest counted. */
    void strayText(int line, String text) {
        if (strayCount++ == 0) {
            strayExample = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        }
        if (strayLines.size() < 5) {
            strayLines.add(line);
        }
    }

    void shortcode(String name, String where) {
        TreeSet<String> places = shortcodes.computeIfAbsent("[" + name + "]", k -> new TreeSet<>());
        if (places.size() < LISTED) {
            places.add(where);
        }
    }

    private <T> void listed(List<T> list, T entry, String what) {
        if (list.size() < LISTED) {
            list.add(entry);
        } else {
            notListed.merge(what, 1, Integer::sum);
        }
    }

    /** How many entries of each list ("skipped", "warnings", "failures") were counted but not listed. */
    public Map<String, Integer> notListed() {
        return Map.copyOf(notListed);
    }

    /** Something the person chose that the import did, such as setting the site's default disclosure. */
    void note(String message) {
        notes.add(message);
    }

    /** A published post that came in as a draft because the person asked for it (--as-drafts). */
    void draftOnPurpose() {
        draftsOnPurpose++;
    }

    /** The import did not start: nothing was written, for the reason given (exit 2). */
    void stopped(String message) {
        stopped = message;
    }

    public boolean isStopped() {
        return stopped != null;
    }

    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        if (draftsOnPurpose > 0) {
            all.add(org.vertebra.trust.ImportDisclosure.draftsMessage(draftsOnPurpose, "post"));
        }
        return all;
    }

    /** The export could not be read on from here (malformed, truncated, not an export). */
    void unreadable(String message) {
        unreadable = message;
    }

    public int count(String kind, Outcome outcome) {
        return counts.getOrDefault(kind, Map.of()).getOrDefault(outcome, 0);
    }

    public List<Entry> skipped() {
        return List.copyOf(skipped);
    }

    public List<String> failures() {
        List<String> all = new ArrayList<>();
        if (stopped != null) {
            all.add(stopped);
        }
        if (unreadable != null) {
            all.add(unreadable);
        }
        all.addAll(failures);
        return all;
    }

    /** The warnings, one line per post and problem; one that came up more than once says how often. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        if (strayCount > 0) {
            all.add("text between elements was ignored " + (strayCount == 1 ? "on line " : "in " + strayCount + " places, on lines ")
                    + strayLines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + (strayCount > strayLines.size() ? " and others" : "") + " (\"" + strayExample + "\"); WordPress never "
                    + "writes it there, so a plug-in or an editor probably did");
        }
        warnings.forEach((message, times) -> all.add(times == 1 ? message : message + " (" + times + " times)"));
        return all;
    }

    /** Elements of the export that Vertebra does not read, with how often each came up. */
    public Map<String, Integer> unknownElements() {
        return Map.copyOf(unknownElements);
    }

    public Map<String, ? extends java.util.Set<String>> unknownShortcodes() {
        return shortcodes;
    }

    public boolean hasFailures() {
        return stopped != null || unreadable != null || !failures.isEmpty();
    }

    public String toText() {
        StringBuilder t = new StringBuilder();
        if (stopped != null) {
            return "Stopped: " + stopped + "\n";
        }
        t.append(dryRun ? "Dry run: nothing was written. This is what the import would do.\n" : "").append("Imported from WordPress:\n");
        counts.forEach((kind, byOutcome) -> {
            t.append(String.format("  %-12s", kind));
            List<String> parts = new ArrayList<>();
            byOutcome.forEach((outcome, n) -> parts.add(n + " " + outcome.name().toLowerCase()));
            t.append(String.join(", ", parts)).append('\n');
        });
        if (!skipped.isEmpty()) {
            t.append("Left out:\n");
            skipped.forEach(e -> t.append("  ").append(e.kind()).append(e.wordpressId() == 0 ? "" : " " + e.wordpressId())
                    .append(e.title().isBlank() ? "" : " \"" + e.title() + "\"").append(": ").append(e.reason()).append('\n'));
        }
        if (!shortcodes.isEmpty()) {
            t.append("Shortcodes kept as text (Vertebra does not know them):\n");
            shortcodes.forEach((name, where) -> t.append("  ").append(name).append(" in ").append(String.join(", ", where)).append('\n'));
        }
        if (!unknownElements.isEmpty()) {
            t.append("Elements Vertebra does not read (left as they were on WordPress):\n");
            unknownElements.forEach((name, n) -> t.append("  ").append(name).append(n == 1 ? "" : " (" + n + " times)").append('\n'));
        }
        notes().forEach(n -> t.append("note: ").append(n).append('\n'));
        warnings().forEach(w -> t.append("warning: ").append(w).append('\n'));
        failures().forEach(f -> t.append("failed: ").append(f).append('\n'));
        notListed.forEach((what, n) -> t.append("(").append(n).append(" more ").append(what).append(" not listed)\n"));
        int failed = failures().size() + notListed.getOrDefault("failures", 0);
        t.append(hasFailures() ? failed + " failed\n" : "No failures.\n");
        return t.toString();
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", dryRun);
        json.put("stopped", stopped != null);
        json.put("notes", notes());
        Map<String, Map<String, Integer>> c = new LinkedHashMap<>();
        counts.forEach((kind, byOutcome) -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            byOutcome.forEach((outcome, n) -> m.put(outcome.name().toLowerCase(), n));
            c.put(kind, m);
        });
        json.put("counts", c);
        json.put("skipped", skipped.stream().map(e -> Map.of("kind", e.kind(), "wordpressId", e.wordpressId(),
                "title", e.title(), "reason", e.reason())).toList());
        json.put("unknownShortcodes", shortcodes);
        json.put("unknownElements", unknownElements);
        json.put("warnings", warnings());
        json.put("failures", failures());
        if (!notListed.isEmpty()) {
            json.put("notListed", notListed);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
