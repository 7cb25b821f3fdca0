package org.vertebra.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DOIs at Crossref's REST API: {@code GET {base}/works/{doi}} answers
 * {@code {"status": "ok", "message": {...}}} with the work's metadata, or 404 for a DOI it does
 * not know. PMIDs are PubMed's, not Crossref's.
 */
record CrossrefLookup(String base, JsonService service) implements ReferenceLookup {

    @Override
    public Optional<Citation> byDoi(String doi) {
        String normal = Identifiers.doi(doi);
        // A DOI's slash stays a slash, as Crossref documents; everything else that URLs reserve is escaped.
        String path = URLEncoder.encode(normal, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
        return service.fetch(Identifiers.doiKey(normal), URI.create(base + "/works/" + path), this::read);
    }

    @Override
    public Optional<Citation> byPmid(String pmid) {
        return new NoLookup().byPmid(pmid);
    }

    /**
     * The work's {@code updated-by} entries (the publisher's notices, and Retraction Watch's, which
     * Crossref carries with {@code "source": "retraction-watch"}), and the notices that name it in
     * their {@code update-to} ({@code GET {base}/works?filter=updates:{doi}}), for publishers who
     * register the notice but not the link back.
     */
    @Override
    public Optional<List<UpdateNotice>> noticesForDoi(String doi) {
        String normal = Identifiers.doi(doi);
        String path = URLEncoder.encode(normal, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
        Optional<JsonNode> work = service.json(URI.create(base + "/works/" + path));
        if (work.isEmpty()) {
            return Optional.empty();
        }
        JsonNode message = work.get().path("message");
        if (!message.isObject()) {
            throw service.malformed("no \"message\" object");
        }
        java.util.LinkedHashSet<UpdateNotice> notices = new java.util.LinkedHashSet<>();
        for (JsonNode update : message.path("updated-by")) {
            add(notices, update, JsonService.text(update.get("DOI")));
        }
        String filter = URLEncoder.encode("updates:" + normal, StandardCharsets.UTF_8);
        service.json(URI.create(base + "/works?filter=" + filter + "&rows=20")).ifPresent(list -> {
            for (JsonNode item : list.path("message").path("items")) {
                for (JsonNode update : item.path("update-to")) {
                    String target = JsonService.text(update.get("DOI"));
                    if (target != null && target.equalsIgnoreCase(normal)) {
                        add(notices, update, JsonService.text(item.get("DOI")));
                    }
                }
            }
        });
        return Optional.of(List.copyOf(notices));
    }

    private static void add(java.util.Set<UpdateNotice> notices, JsonNode update, String noticeDoi) {
        String kind = UpdateNotice.kindOfCrossrefType(JsonService.text(update.get("type")));
        if (kind == null) {
            return;
        }
        String source = "retraction-watch".equalsIgnoreCase(JsonService.text(update.get("source"))) ? "Retraction Watch" : "Crossref";
        String notice = noticeDoi != null ? noticeDoi.toLowerCase(java.util.Locale.ROOT)
                : JsonService.text(update.get("label")) != null ? JsonService.text(update.get("label")) : kind;
        // The same notice may come from the publisher and from Retraction Watch: keep the first.
        if (notices.stream().noneMatch(n -> n.kind().equals(kind) && n.notice().equalsIgnoreCase(notice))) {
            notices.add(new UpdateNotice(kind, notice, source));
        }
    }

    private Optional<Citation> read(JsonNode answer) {
        JsonNode work = answer.path("message");
        if (!work.isObject()) {
            throw service.malformed("no \"message\" object");
        }
        return Optional.of(new Citation(authors(work.path("author")), first(work.path("title")), journal(work),
                year(work), JsonService.text(work.get("volume")), JsonService.text(work.get("issue")),
                JsonService.text(work.get("page")), Identifiers.doiOrNull(JsonService.text(work.get("DOI"))), null, null));
    }

    private static List<Citation.Author> authors(JsonNode list) {
        List<Citation.Author> authors = new ArrayList<>();
        for (JsonNode author : list) {
            String family = JsonService.text(author.get("family"));
            String group = JsonService.text(author.get("name"));
            if (family != null) {
                authors.add(Citation.Author.of(family, JsonService.text(author.get("given"))));
            } else if (group != null) {
                authors.add(new Citation.Author(group, ""));
            }
        }
        return authors;
    }

    /**
     * The short title, without its full stops: Crossref's are often ISO abbreviations
     * ("J. Bone Joint Surg. Am."), which NLM writes without them ("J Bone Joint Surg Am").
     */
    private static String journal(JsonNode work) {
        String abbreviation = first(work.path("short-container-title"));
        if (abbreviation != null) {
            return abbreviation.replace(".", "").replaceAll("\\s+", " ").strip();
        }
        return first(work.path("container-title"));
    }

    /** The year it was issued; the print or online date when Crossref has no "issued". */
    private static String year(JsonNode work) {
        for (String field : new String[] {"issued", "published-print", "published-online", "published"}) {
            JsonNode year = work.path(field).path("date-parts").path(0).path(0);
            if (year.canConvertToInt() && year.asInt() > 0) {
                return String.valueOf(year.asInt());
            }
        }
        return null;
    }

    /** Crossref gives titles as lists; the first is the one. */
    private static String first(JsonNode list) {
        return list.isArray() && !list.isEmpty() ? JsonService.text(list.get(0)) : JsonService.text(list);
    }
}
