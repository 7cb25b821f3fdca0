package org.vertebra.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PMIDs at NCBI's E-utilities: {@code GET {base}/esummary.fcgi?db=pubmed&id={pmid}&retmode=json}
 * answers {@code {"result": {"uids": [...], "{pmid}": {...}}}}; a PMID it does not know comes back
 * with an "error" in its place instead of a summary. DOIs are Crossref's, not PubMed's.
 */
record PubMedLookup(String base, JsonService service) implements ReferenceLookup {

    /** "Smith AB", "van der Berg JH": the surname, then the initials in capitals. */
    private static final Pattern NAME = Pattern.compile("(.+?)\\s+(\\p{Lu}{1,4})");
    private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");

    @Override
    public Optional<Citation> byDoi(String doi) {
        return new NoLookup().byDoi(doi);
    }

    @Override
    public Optional<Citation> byPmid(String pmid) {
        String normal = Identifiers.pmid(pmid);
        URI uri = URI.create(base + "/esummary.fcgi?db=pubmed&id=" + normal + "&retmode=json&tool=vertebra");
        return service.fetch(normal, uri, answer -> read(answer, normal));
    }

    /**
     * From the summary: linked notices in {@code references} ("Retraction in", "Expression of
     * concern in", "Erratum in", each with the notice's PMID), and the publication types
     * "Retracted Publication" (a retracted work whose notice is not linked), "Retraction of
     * Publication" and "Expression of Concern" (the work cited is itself such a notice).
     */
    @Override
    public Optional<List<UpdateNotice>> noticesForPmid(String pmid) {
        String normal = Identifiers.pmid(pmid);
        URI uri = URI.create(base + "/esummary.fcgi?db=pubmed&id=" + normal + "&retmode=json&tool=vertebra");
        JsonNode result = service.json(uri).orElseThrow(() -> service.malformed("no answer")).path("result");
        if (!result.isObject()) {
            throw service.malformed("no \"result\" object");
        }
        JsonNode summary = result.path(normal);
        if (!summary.isObject() || summary.has("error")) {
            return Optional.empty();
        }
        List<UpdateNotice> notices = new ArrayList<>();
        for (JsonNode ref : summary.path("references")) {
            String type = JsonService.text(ref.get("reftype"));
            String kind = type == null ? null : switch (type.toLowerCase(java.util.Locale.ROOT)) {
                case "retraction in", "partial retraction in" -> UpdateNotice.RETRACTION;
                case "expression of concern in" -> UpdateNotice.EXPRESSION_OF_CONCERN;
                case "erratum in" -> UpdateNotice.CORRECTION;
                default -> null;
            };
            if (kind != null) {
                String noticePmid = JsonService.text(ref.get("pmid"));
                String source = JsonService.text(ref.get("refsource"));
                notices.add(new UpdateNotice(kind, noticePmid != null ? "PMID " + noticePmid + (source == null ? "" : ": " + source)
                        : source != null ? source : type, "PubMed"));
            }
        }
        List<String> types = new ArrayList<>();
        summary.path("pubtype").forEach(t -> types.add(JsonService.text(t)));
        boolean linkedRetraction = notices.stream().anyMatch(n -> n.kind().equals(UpdateNotice.RETRACTION));
        if (types.contains("Retracted Publication") && !linkedRetraction) {
            notices.add(new UpdateNotice(UpdateNotice.RETRACTION, "PubMed: Retracted Publication", "PubMed"));
        }
        if (types.contains("Retraction of Publication")) {
            notices.add(new UpdateNotice(UpdateNotice.RETRACTION, "PubMed: this is itself a retraction notice", "PubMed"));
        }
        if (types.contains("Expression of Concern")) {
            notices.add(new UpdateNotice(UpdateNotice.EXPRESSION_OF_CONCERN, "PubMed: this is itself an expression of concern",
                    "PubMed"));
        }
        return Optional.of(List.copyOf(notices));
    }

    private Optional<Citation> read(JsonNode answer, String pmid) {
        JsonNode result = answer.path("result");
        if (!result.isObject()) {
            throw service.malformed("no \"result\" object");
        }
        JsonNode summary = result.path(pmid);
        if (!summary.isObject() || summary.has("error")) {
            return Optional.empty();
        }
        return Optional.of(new Citation(authors(summary.path("authors")), JsonService.text(summary.get("title")),
                JsonService.text(summary.get("source")), year(JsonService.text(summary.get("pubdate"))),
                JsonService.text(summary.get("volume")), JsonService.text(summary.get("issue")),
                JsonService.text(summary.get("pages")), doi(summary.path("articleids")), pmid, null));
    }

    private static List<Citation.Author> authors(JsonNode list) {
        List<Citation.Author> authors = new ArrayList<>();
        for (JsonNode author : list) {
            String name = JsonService.text(author.get("name"));
            if (name == null) {
                continue;
            }
            Matcher person = NAME.matcher(name);
            boolean group = "CollectiveName".equals(JsonService.text(author.get("authtype")));
            authors.add(!group && person.matches() ? new Citation.Author(person.group(1), person.group(2))
                    : new Citation.Author(name, ""));
        }
        return authors;
    }

    /** "2020 Dec 31", "2019 Spring", "2018": the year. */
    private static String year(String pubdate) {
        if (pubdate == null) {
            return null;
        }
        Matcher year = YEAR.matcher(pubdate);
        return year.find() ? year.group(1) : null;
    }

    private static String doi(JsonNode articleIds) {
        for (JsonNode id : articleIds) {
            if ("doi".equals(JsonService.text(id.get("idtype")))) {
                return Identifiers.doiOrNull(JsonService.text(id.get("value")));
            }
        }
        return null;
    }
}
