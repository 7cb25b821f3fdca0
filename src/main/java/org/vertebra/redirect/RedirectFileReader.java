package org.vertebra.redirect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.vertebra.redirect.RedirectFile.Format;
import org.vertebra.redirect.RedirectFile.Row;

/**
 * Reads the redirect files people already have: the WordPress Redirection plug-in's CSV and JSON
 * exports (as its exporters write them: fileio/csv.php, fileio/json.php and Red_Item::to_json of
 * johngodley/redirection, 5.x) and a plain CSV of source, target and an optional code, with or
 * without a header, as a spreadsheet saves it. The format is told from the content, not the
 * file's name. Nothing here looks at the site: the service decides what is refused.
 */
public final class RedirectFileReader {

    /** The file cannot be read as a file of redirects; the message names the file and, when it can, the line. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final List<String> REDIRECTION_HEADER = List.of("source", "target", "regex", "code");
    private static final Pattern FULL_ADDRESS = Pattern.compile("(?i)https?://.*");

    private final Path path;

    private RedirectFileReader(Path path) {
        this.path = path;
    }

    public static RedirectFile read(Path path) throws Unreadable {
        return new RedirectFileReader(path).read();
    }

    private RedirectFile read() throws Unreadable {
        String text = text();
        if (text.isBlank()) {
            throw unreadable(0, "the file is empty");
        }
        if (text.stripLeading().startsWith("{")) {
            return new RedirectFile(path, Format.REDIRECTION_JSON, json(text));
        }
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(text);
        } catch (CsvRecords.Malformed malformed) {
            throw unreadable(malformed.line, malformed.getMessage());
        }
        List<String> first = records.get(0).fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        if (first.size() >= REDIRECTION_HEADER.size() && first.subList(0, REDIRECTION_HEADER.size()).equals(REDIRECTION_HEADER)) {
            return new RedirectFile(path, Format.REDIRECTION_CSV, redirectionCsv(first, records.subList(1, records.size())));
        }
        boolean header = !looksLikeAddress(first.get(0)) && (first.size() < 2 || !looksLikeAddress(first.get(1)));
        return new RedirectFile(path, Format.PLAIN_CSV, plainCsv(records.subList(header ? 1 : 0, records.size())));
    }

    /** The file as UTF-8 (what spreadsheets save as "CSV UTF-8" and the plug-in writes), without a byte order mark. */
    private String text() throws Unreadable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw unreadable(0, "no such file");
        } catch (IOException e) {
            throw unreadable(0, "cannot be read (" + e.getMessage() + ")");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw unreadable(0, "is not UTF-8 text; save it as \"CSV UTF-8\" and try again");
        }
    }

    private List<Row> redirectionCsv(List<String> header, List<CsvRecords.Record> records) {
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records) {
            String source = field(record, header, "source");
            if ("1".equals(field(record, header, "regex"))) {
                rows.add(Row.leftOut(record.line(), localSource(source), regexReason()));
            } else if ("disabled".equalsIgnoreCase(field(record, header, "status"))) {
                rows.add(Row.leftOut(record.line(), localSource(source), "disabled in the Redirection plug-in"));
            } else {
                String type = field(record, header, "type");
                rows.add(row(record.line(), source, field(record, header, "target"), type.isEmpty() ? "url" : type,
                        field(record, header, "code"), field(record, header, "title")));
            }
        }
        return rows;
    }

    private List<Row> plainCsv(List<CsvRecords.Record> records) throws Unreadable {
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records) {
            List<String> fields = new ArrayList<>(record.fields());
            while (fields.size() > 3 && fields.get(fields.size() - 1).isBlank()) {
                fields.remove(fields.size() - 1); // the empty columns a spreadsheet adds
            }
            if (fields.size() < 2 || fields.size() > 3) {
                throw unreadable(record.line(), "expected two or three columns (source, target, code), found " + fields.size());
            }
            String target = fields.get(1).strip();
            String code = fields.size() == 3 && !fields.get(2).isBlank() ? fields.get(2).strip() : defaultCode(target);
            rows.add(row(record.line(), fields.get(0), target, code.equals("410") ? "error" : "url", code, null));
        }
        return rows;
    }

    /** 301 by default, and 410 for a row without a target. */
    private static String defaultCode(String target) {
        return target.isEmpty() ? "410" : "301";
    }

    private List<Row> json(String text) throws Unreadable {
        Map<Long, JsonNode> groups = new HashMap<>();
        List<Map.Entry<Integer, JsonNode>> redirects = new ArrayList<>();
        try (JsonParser parser = new ObjectMapper().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable(1, "expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("redirects") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int line = parser.currentTokenLocation().getLineNr();
                        redirects.add(Map.entry(line, parser.readValueAsTree()));
                    }
                } else if (name.equals("groups") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode group = parser.readValueAsTree();
                        groups.put(group.path("id").asLong(), group);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw unreadable(at == null ? 0 : at.getLineNr(), "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw unreadable(0, "cannot be read (" + e.getMessage() + ")");
        }
        if (redirects.isEmpty() && !text.contains("\"redirects\"")) {
            throw unreadable(1, "not a Redirection plug-in export: it has no \"redirects\" list");
        }
        List<Row> rows = new ArrayList<>();
        redirects.forEach(entry -> rows.add(jsonRow(entry.getKey(), entry.getValue(), groups)));
        return rows;
    }

    private Row jsonRow(int line, JsonNode redirect, Map<Long, JsonNode> groups) {
        String rawSource = redirect.path("url").asText("");
        String source = localSource(rawSource);
        JsonNode group = groups.get(redirect.path("group_id").asLong());
        String matchType = redirect.path("match_type").asText("url");
        if (redirect.path("regex").asBoolean(false)) {
            return Row.leftOut(line, source, regexReason());
        } else if (!redirect.path("enabled").asBoolean(true)) {
            return Row.leftOut(line, source, "disabled in the Redirection plug-in");
        } else if (group != null && !group.path("enabled").asBoolean(true)) {
            return Row.leftOut(line, source, "its group \u201c" + group.path("name").asText() + "\u201d is disabled in the Redirection plug-in");
        } else if (!matchType.equals("url")) {
            return Row.leftOut(line, source, "it redirects only when a condition holds (\u201c" + matchType
                    + "\u201d); Vertebra's redirects always apply");
        }
        JsonNode data = redirect.path("action_data");
        String target = data.isTextual() ? data.asText() : data.path("url").asText("");
        return row(line, rawSource, target, redirect.path("action_type").asText("url"), redirect.path("action_code").asText(""),
                redirect.path("title").asText(null));
    }

    /**
     * One redirect as the plug-in describes it: its action ("url" to redirect, "error" to answer
     * an error; the others, pass-through and random, have no counterpart) and its status code.
     */
    private static Row row(int line, String rawSource, String target, String action, String code, String title) {
        String source = localSource(rawSource);
        String reason = switch (action) {
            case "url" -> switch (code) {
                case "301", "308" -> null;
                case "302", "303", "307" -> "a temporary redirect (" + code + "); Vertebra's redirects are permanent, "
                        + "so add it in the admin as 301 if the move is final";
                default -> unknownCode(code);
            };
            case "error" -> code.equals("410") ? null : unknownCode(code);
            default -> "its action \u201c" + action + "\u201d has no counterpart in Vertebra, which moves (301) or removes (410)";
        };
        if (reason != null) {
            return Row.leftOut(line, source, reason);
        }
        RedirectKind kind = code.equals("410") ? RedirectKind.GONE : RedirectKind.MOVED;
        String note = title == null || title.isBlank() ? null : title.strip();
        return new Row(line, source, kind == RedirectKind.GONE ? null : localTarget(rawSource, target), kind, note, null);
    }

    private static String unknownCode(String code) {
        return "code \u201c" + code + "\u201d: Vertebra's redirects answer 301 (moved) or 410 (gone)";
    }

    private static String regexReason() {
        return "a regular expression; Vertebra's redirects match one address each";
    }

    /** A full address as source is taken as its path (with its query, which the service then explains it ignores). */
    private static String localSource(String raw) {
        String source = raw.strip();
        if (!FULL_ADDRESS.matcher(source).matches()) {
            return source;
        }
        try {
            return pathOf(URI.create(source));
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    /** A target on the same host as a full-address source is a path on this site, once the site has moved here. */
    private static String localTarget(String rawSource, String rawTarget) {
        String target = rawTarget.strip();
        if (!FULL_ADDRESS.matcher(rawSource.strip()).matches() || !FULL_ADDRESS.matcher(target).matches()) {
            return target;
        }
        try {
            String sourceHost = URI.create(rawSource.strip()).getHost();
            URI to = URI.create(target);
            if (sourceHost != null && sourceHost.equalsIgnoreCase(to.getHost())) {
                return pathOf(to);
            }
        } catch (IllegalArgumentException e) {
            // not an address: the service says so
        }
        return target;
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static boolean looksLikeAddress(String cell) {
        return cell.startsWith("/") || FULL_ADDRESS.matcher(cell).matches();
    }

    private static String field(CsvRecords.Record record, List<String> header, String name) {
        int i = header.indexOf(name);
        return i < 0 || i >= record.fields().size() ? "" : record.fields().get(i).strip();
    }

    private Unreadable unreadable(int line, String message) {
        return new Unreadable(path + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
