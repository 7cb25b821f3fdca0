package org.vertebra.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vertebra.language.Language;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Splits a Markdown file into its YAML front matter and body, and validates every field with the
 * line it came from. SnakeYAML's node tree is used rather than a map so that each error can name
 * its line, and dates stay strings until we parse them ourselves with a clear message.
 */
public final class FrontMatterParser {

    private static final Set<String> KNOWN = Set.of(
            "title", "slug", "author", "categories", "tags", "published", "updated", "summary", "image",
            "image_alt", "status", "type", "reviewed_by", "reviewed_on", "disclosure", "redirect_from", "sticky",
            "key_points", "actions", "lang", "translation_of");

    public FrontMatterParser() {
    }

    /** The parsed header and the Markdown body that follows it. */
    public record Parsed(FrontMatter frontMatter, String body) {
    }

    public Parsed parse(String source) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new ImportProblem(1, "missing front matter: the file must start with a line '---', "
                    + "then YAML fields such as 'title: ...', then another '---'");
        }
        int end = 1;
        while (end < lines.size() && !lines.get(end).strip().equals("---")) {
            end++;
        }
        if (end == lines.size()) {
            throw new ImportProblem(1, "front matter is not closed: add a line '---' after the last field");
        }
        String yaml = String.join("\n", lines.subList(1, end));
        String body = String.join("\n", lines.subList(end + 1, lines.size()));
        Map<String, Field> fields = readFields(yaml);
        return new Parsed(validate(fields, end + 2), body);
    }

    /** A YAML value with the 1-based file line of its key. */
    private record Field(String key, Node value, int line) {
    }

    private static Map<String, Field> readFields(String yaml) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel("front matter").build()).composeString(yaml);
        } catch (ScannerException e) {
            // An unclosed quote is noticed at the end of the text; where it opened is the useful line.
            Optional<Mark> mark = e.getContextMark().isPresent() ? e.getContextMark() : e.getProblemMark();
            throw new ImportProblem(mark.map(FrontMatterParser::fileLine).orElse(1), "broken front matter: "
                    + (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem());
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(FrontMatterParser::fileLine).orElse(1);
            throw new ImportProblem(line, "broken front matter: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ImportProblem(1, "broken front matter: " + e.getMessage());
        } catch (NumberFormatException e) {
            // snakeyaml-engine reads the digits of a backslash-x, -u or -U escape without checking that they
            // are there, and lets the NumberFormatException out (found by fuzzing: the escape ending a value).
            throw new ImportProblem(lineOfShortEscape(yaml), "broken front matter: an escape \\x, \\u or \\U in a "
                    + "double-quoted value must be followed by 2, 4 or 8 hexadecimal digits");
        }
        if (root.isEmpty()) {
            throw new ImportProblem(2, "front matter is empty: it needs at least 'title: ...'");
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw new ImportProblem(lineOf(root.get()), "broken front matter: expected fields such as 'title: ...'");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            int line = lineOf(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new ImportProblem(line, "broken front matter: a field name must be plain text");
            }
            if (fields.containsKey(key.getValue())) {
                throw new ImportProblem(line, "field '" + key.getValue() + "' is given twice");
            }
            fields.put(key.getValue(), new Field(key.getValue(), tuple.getValueNode(), line));
        }
        return fields;
    }

    private FrontMatter validate(Map<String, Field> fields, int bodyLine) {
        List<String> warnings = new ArrayList<>();
        fields.keySet().stream().filter(k -> !KNOWN.contains(k)).forEach(k ->
                warnings.add("line " + fields.get(k).line() + ": unknown field '" + k + "' ignored"));
        String title = text(fields, "title");
        if (title == null || title.isBlank()) {
            int line = fields.containsKey("title") ? fields.get("title").line() : 2;
            throw new ImportProblem(line, "missing title: add 'title: \"...\"' to the front matter");
        }
        String slug = text(fields, "slug");
        if (slug != null) {
            checkSlug(slug, fields.get("slug").line());
        } else {
            slug = Slugs.of(title);
            if (slug.isEmpty()) {
                throw new ImportProblem(fields.get("title").line(), "cannot make a slug from this title: add 'slug: ...'");
            }
            if (Slugs.isReserved(slug)) {
                throw new ImportProblem(fields.get("title").line(), "the title gives the slug '" + slug
                        + "', which is reserved for the site's own pages: add 'slug: ...'");
            }
        }
        return new FrontMatter(
                title.strip(),
                slug,
                fields.containsKey("slug") ? fields.get("slug").line() : fields.get("title").line(),
                text(fields, "author"),
                list(fields, "categories"),
                list(fields, "tags"),
                instant(fields, "published"),
                instant(fields, "updated"),
                text(fields, "summary"),
                text(fields, "image"),
                fields.containsKey("image") ? fields.get("image").line() : 0,
                text(fields, "image_alt"),
                choice(fields, "status", "published", "published", "draft"),
                choice(fields, "type", "post", "post", "page"),
                text(fields, "reviewed_by"),
                date(fields, "reviewed_on"),
                text(fields, "disclosure"),
                slugList(fields, "redirect_from"),
                warnings,
                bodyLine,
                choice(fields, "sticky", "false", "true", "false").equals("true"),
                new KeyPoints(keyPoints(fields, KeyPoints.Kind.POINTS), keyPoints(fields, KeyPoints.Kind.ACTIONS)),
                language(fields),
                translationOf(fields, slug),
                fields.containsKey("translation_of") ? fields.get("translation_of").line() : 0);
    }

    private static Language language(Map<String, Field> fields) {
        String value = text(fields, "lang");
        if (value == null) {
            return null;
        }
        return Language.parse(value).orElseThrow(() -> new ImportProblem(fields.get("lang").line(), "lang '" + value
                + "' is not a language tag: use a BCP 47 tag such as en, es, fr, de, hi, ar or pt-BR"));
    }

    private static String translationOf(Map<String, Field> fields, String ownSlug) {
        String original = text(fields, "translation_of");
        if (original == null) {
            return null;
        }
        int line = fields.get("translation_of").line();
        if (!Slugs.isValid(original)) {
            throw new ImportProblem(line, "translation_of must be the slug of the original article, such as "
                    + "'low-back-pain', not '" + original + "'");
        }
        if (original.equals(ownSlug)) {
            throw new ImportProblem(line, "translation_of names this article itself: give the slug of the article it translates");
        }
        return original;
    }

    private static void checkSlug(String slug, int line) {
        if (!Slugs.isValid(slug)) {
            throw new ImportProblem(line, "slug '" + slug + "' may hold only lowercase letters, digits and single hyphens");
        }
        if (Slugs.isReserved(slug)) {
            throw new ImportProblem(line, "slug '" + slug + "' is reserved for the site's own pages; choose another");
        }
    }

    private static String text(Map<String, Field> fields, String key) {
        Field field = fields.get(key);
        if (field == null) {
            return null;
        }
        if (field.value() instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip();
            return value.isEmpty() ? null : value;
        }
        throw new ImportProblem(field.line(), key + " must be a single text value, not a "
                + (field.value() instanceof SequenceNode ? "list" : "set of fields"));
    }

    private static List<String> list(Map<String, Field> fields, String key) {
        Field field = fields.get(key);
        if (field == null) {
            return List.of();
        }
        if (field.value() instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip();
            return value.isEmpty() ? List.of() : List.of(value);
        }
        if (!(field.value() instanceof SequenceNode sequence)) {
            throw new ImportProblem(field.line(), key + " must be a list such as "
                    + (key.equals("key_points") || key.equals("actions") ? "[\"One sentence.\", \"Another.\"]" : "[Spine, Pain]"));
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw new ImportProblem(lineOf(item), key + " must be a list of "
                        + (key.equals("key_points") || key.equals("actions") ? "sentences" : "names"));
            }
            if (!values.contains(scalar.getValue().strip())) {
                values.add(scalar.getValue().strip());
            }
        }
        return List.copyOf(values);
    }

    private static List<String> slugList(Map<String, Field> fields, String key) {
        List<String> slugs = list(fields, key);
        slugs.forEach(slug -> checkSlug(slug, fields.get(key).line()));
        return slugs;
    }

    /** A list of short sentences within {@link KeyPoints}' limits, refused at its line when it is not. */
    private static List<String> keyPoints(Map<String, Field> fields, KeyPoints.Kind kind) {
        List<String> items = list(fields, kind.field);
        KeyPoints.problem(kind, items).ifPresent(problem -> {
            throw new ImportProblem(fields.get(kind.field).line(), kind.field + ": " + problem);
        });
        return items;
    }

    private static String choice(Map<String, Field> fields, String key, String fallback, String... allowed) {
        String value = text(fields, key);
        if (value == null) {
            return fallback;
        }
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw new ImportProblem(fields.get(key).line(), key + " must be one of " + String.join(", ", allowed)
                + ", not '" + value + "'");
    }

    private static Instant instant(Map<String, Field> fields, String key) {
        String value = text(fields, key);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = value.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new ImportProblem(fields.get(key).line(), key + " '" + value
                    + "' is not a date: use YYYY-MM-DD or an ISO date-time such as 2024-02-01T09:30:00Z");
        }
    }

    private static LocalDate date(Map<String, Field> fields, String key) {
        String value = text(fields, key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ImportProblem(fields.get(key).line(), key + " '" + value + "' is not a date: use YYYY-MM-DD");
        }
    }

    private static final java.util.regex.Pattern SHORT_ESCAPE = java.util.regex.Pattern.compile(
            "\\\\(?:x(?![0-9A-Fa-f]{2})|u(?![0-9A-Fa-f]{4})|U(?![0-9A-Fa-f]{8}))");

    /** The file line of the first escape without its digits; the first field's line when none is found. */
    private static int lineOfShortEscape(String yaml) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (SHORT_ESCAPE.matcher(lines.get(i)).find()) {
                return i + 2;
            }
        }
        return 2;
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(FrontMatterParser::fileLine).orElse(1);
    }

    /** YAML marks are 0-based and start after the opening '---' line. */
    private static int fileLine(Mark mark) {
        return mark.getLine() + 2;
    }
}
