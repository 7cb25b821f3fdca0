package org.vertebra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/guide/api.md as a test reads it. A route's section is a heading {@code ## `METHOD /path`};
 * in it, {@code **Guard**: `ROLE`}, tables whose first column is headed {@code answer field} or
 * {@code request field} (the names in backticks, {@code `a`, `b`} naming two), and fenced examples
 * whose info string says what they are: {@code json answer STATUS METHOD PATH} or
 * {@code json request METHOD PATH}. The guide's readers see ordinary headings, tables and JSON.
 */
record ApiGuide(List<Section> sections) {

    static final Path FILE = Path.of("docs/guide/api.md");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADING = Pattern.compile("^## `([A-Z]+) (/\\S+)`\\s*$");
    private static final Pattern GUARD = Pattern.compile("\\*\\*Guard\\*\\*: `([A-Z_]+)`");
    private static final Pattern ANSWER = Pattern.compile("^```json answer (\\d{3}) ([A-Z]+) (/\\S+)\\s*$");
    private static final Pattern REQUEST = Pattern.compile("^```json request ([A-Z]+) (/\\S+)\\s*$");
    private static final Pattern TABLE = Pattern.compile("^\\| (answer|request) field \\|");
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    /** One route's section. {@code guard} is null when the section names none (a route outside the API). */
    record Section(String method, String path, String guard, List<Example> answers, JsonNode request,
                   Set<String> answerFields, Set<String> requestFields) {
        String route() {
            return method + " " + path;
        }
    }

    /** An answer the guide shows, and the request it answers ({@code target}: path and query). */
    record Example(int status, String method, String target, JsonNode body) {
        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
    }

    static ApiGuide read() {
        try {
            return parse(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiGuide parse(String markdown) {
        List<Section> sections = new ArrayList<>();
        Builder current = null;
        Iterator<String> lines = markdown.lines().iterator();
        String table = null;
        while (lines.hasNext()) {
            String line = lines.next();
            Matcher heading = HEADING.matcher(line);
            if (line.startsWith("## ")) {
                if (current != null) {
                    sections.add(current.build());
                }
                current = heading.matches() ? new Builder(heading.group(1), heading.group(2)) : null;
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher guard = GUARD.matcher(line);
            if (guard.find()) {
                current.guard = guard.group(1);
            }
            Matcher tableStart = TABLE.matcher(line);
            if (tableStart.find()) {
                table = tableStart.group(1);
                continue;
            }
            if (table != null && line.startsWith("|")) {
                Set<String> names = table.equals("answer") ? current.answerFields : current.requestFields;
                names.addAll(names(line));
                continue;
            }
            table = null;
            Matcher answer = ANSWER.matcher(line);
            Matcher request = REQUEST.matcher(line);
            if (answer.matches()) {
                current.answers.add(new Example(Integer.parseInt(answer.group(1)), answer.group(2), answer.group(3),
                        json(fenced(lines))));
            } else if (request.matches()) {
                current.request = json(fenced(lines));
            }
        }
        if (current != null) {
            sections.add(current.build());
        }
        return new ApiGuide(List.copyOf(sections));
    }

    Section section(String route) {
        return sections.stream().filter(s -> s.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError(FILE + " has no section for " + route));
    }

    /**
     * The names of an answer's fields as the guide's tables write them: an object's keys, an array's
     * elements' keys (plain for an answer that is an array, {@code list[].key} for a field that is).
     */
    static Set<String> fieldNames(JsonNode answer) {
        Set<String> names = new LinkedHashSet<>();
        collect(answer.isArray() ? answer.path(0) : answer, "", names);
        return names;
    }

    private static void collect(JsonNode node, String prefix, Set<String> names) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix + field.getKey();
            names.add(name);
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collect(value, name + ".", names);
            } else if (value.isArray() && value.path(0).isObject()) {
                collect(value.get(0), name + "[].", names);
            }
        }
    }

    /**
     * Where a real answer's shape differs from the documented one: a key missing or extra, or a value
     * of another JSON type; an array's every element against the documented first. {@code errors}
     * maps fields to messages, so only that it does is compared.
     */
    static List<String> differences(JsonNode documented, JsonNode real) {
        List<String> found = new ArrayList<>();
        compare(documented, real, "$", found);
        return found;
    }

    private static void compare(JsonNode documented, JsonNode real, String at, List<String> found) {
        if (documented.getNodeType() != real.getNodeType()) {
            found.add(at + ": the guide shows " + documented.getNodeType() + ", the server answers " + real.getNodeType());
        } else if (documented.isObject() && at.endsWith(".errors")) {
            real.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    found.add(at + "." + e.getKey() + ": a message should be a string");
                }
            });
        } else if (documented.isObject()) {
            Set<String> shown = keys(documented);
            Set<String> answered = keys(real);
            shown.stream().filter(k -> !answered.contains(k)).forEach(k -> found.add(at + "." + k + ": in the guide, not in the answer"));
            answered.stream().filter(k -> !shown.contains(k)).forEach(k -> found.add(at + "." + k + ": in the answer, not in the guide"));
            shown.stream().filter(answered::contains).forEach(k -> compare(documented.get(k), real.get(k), at + "." + k, found));
        } else if (documented.isArray() && !documented.isEmpty()) {
            if (real.isEmpty()) {
                found.add(at + ": the answer has no element to compare with the guide's");
            }
            real.forEach(element -> compare(documented.get(0), element, at + "[]", found));
        }
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> names(String row) {
        String[] cells = row.split("\\|");
        List<String> names = new ArrayList<>();
        if (cells.length > 1 && !cells[1].strip().startsWith("---")) {
            Matcher name = NAME.matcher(cells[1]);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static String fenced(Iterator<String> lines) {
        StringBuilder body = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("```")) {
                return body.toString();
            }
            body.append(line).append('\n');
        }
        throw new IllegalArgumentException(FILE + ": a fenced example is not closed");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(FILE + ": an example is not JSON: " + e.getMessage() + "\n" + text, e);
        }
    }

    private static final class Builder {
        private final String method;
        private final String path;
        private String guard;
        private final List<Example> answers = new ArrayList<>();
        private JsonNode request;
        private final Set<String> answerFields = new LinkedHashSet<>();
        private final Set<String> requestFields = new LinkedHashSet<>();

        Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Section build() {
            return new Section(method, path, guard, List.copyOf(answers), request, Set.copyOf(answerFields), Set.copyOf(requestFields));
        }
    }
}
