package org.vertebra.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.vertebra.author.Author;
import org.vertebra.content.KeyPoints;
import org.vertebra.content.Reference;
import org.vertebra.taxonomy.Category;

/**
 * schema.org structured data for an article: a MedicalWebPage with its author, dates, review,
 * subjects and a citation per reference, and a BreadcrumbList from the home page to it.
 */
final class ArticleJsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleJsonLd() {
    }

    /** The parts of an article page that its structured data describes. */
    record Subject(Article article, String description, Author author, List<Category> categories, String imageUrl,
                   String siteTitle, String baseUrl) {
    }

    static String of(Subject s) {
        ArrayNode graph = JSON.createArrayNode();
        graph.add(page(s));
        graph.add(breadcrumbs(s));
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.set("@graph", graph);
        try {
            // "<" escaped so that no text in the data can close the script element it sits in.
            return JSON.writeValueAsString(root).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    private static ObjectNode page(Subject s) {
        Article a = s.article();
        String url = s.baseUrl() + a.url();
        ObjectNode page = JSON.createObjectNode();
        page.put("@type", "MedicalWebPage");
        page.put("@id", url + "#page");
        page.put("url", url);
        page.put("headline", a.title());
        page.put("name", a.title());
        if (s.description() != null) {
            page.put("description", s.description());
        }
        page.put("inLanguage", a.lang().tag());
        if (s.imageUrl() != null) {
            page.put("image", s.imageUrl());
        }
        if (s.author() != null) {
            page.set("author", person(s.author().name(), s.baseUrl() + s.author().url()));
        }
        page.put("datePublished", a.publishedAt().toString());
        page.put("dateModified", (a.updatedAt() != null ? a.updatedAt() : a.publishedAt()).toString());
        if (a.reviewedOn() != null) {
            page.put("lastReviewed", a.reviewedOn().toString());
        }
        if (a.reviewedBy() != null) {
            page.set("reviewedBy", person(a.reviewedBy(), null));
        }
        ArrayNode about = page.putArray("about");
        s.categories().forEach(c -> about.addObject().put("@type", "Thing").put("name", c.name()));
        ArrayNode citations = page.putArray("citation");
        a.references().forEach(r -> citations.add(citation(r)));
        keyPoints(page, a.keyPoints());
        page.putObject("publisher").put("@type", "Organization").put("name", s.siteTitle()).put("url", s.baseUrl() + "/");
        page.putObject("breadcrumb").put("@id", url + "#breadcrumb");
        return page;
    }

    /**
     * schema.org has no "key points": {@code abstract} (CreativeWork's "short description that
     * summarizes" it) carries the points as one text, which is what search engines read as a
     * summary; {@code hasPart} carries each list as a named ItemList, so that its items, their
     * order and which box they came from are not lost.
     */
    private static void keyPoints(ObjectNode page, KeyPoints k) {
        if (!k.points().isEmpty()) {
            page.put("abstract", String.join(" ", k.points()));
        }
        if (k.isEmpty()) {
            return;
        }
        ArrayNode parts = page.putArray("hasPart");
        itemList(parts, KeyPoints.Kind.POINTS.heading, k.points());
        itemList(parts, KeyPoints.Kind.ACTIONS.heading, k.actions());
    }

    private static void itemList(ArrayNode parts, String name, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        ObjectNode list = parts.addObject();
        list.put("@type", "ItemList");
        list.put("name", name);
        ArrayNode elements = list.putArray("itemListElement");
        for (int i = 0; i < items.size(); i++) {
            elements.addObject().put("@type", "ListItem").put("position", i + 1).put("name", items.get(i));
        }
    }

    private static ObjectNode citation(Reference r) {
        ObjectNode citation = JSON.createObjectNode();
        citation.put("@type", "CreativeWork");
        citation.put("name", r.text());
        ArrayNode identifiers = citation.putArray("identifier");
        if (r.doi() != null) {
            identifiers.addObject().put("@type", "PropertyValue").put("propertyID", "DOI").put("value", r.doi());
            citation.put("url", r.doiUrl());
        }
        if (r.pmid() != null) {
            identifiers.addObject().put("@type", "PropertyValue").put("propertyID", "PMID").put("value", r.pmid());
            citation.put(r.doi() == null ? "url" : "sameAs", r.pubmedUrl());
        }
        if (r.doi() == null && r.pmid() == null && r.url() != null) {
            citation.put("url", r.url());
        }
        if (identifiers.isEmpty()) {
            citation.remove("identifier");
        }
        return citation;
    }

    private static ObjectNode breadcrumbs(Subject s) {
        ObjectNode list = JSON.createObjectNode();
        list.put("@type", "BreadcrumbList");
        list.put("@id", s.baseUrl() + s.article().url() + "#breadcrumb");
        ArrayNode items = list.putArray("itemListElement");
        item(items, 1, "Home", s.baseUrl() + "/");
        int position = 2;
        if (!s.article().isPage() && !s.categories().isEmpty()) {
            Category first = s.categories().get(0);
            item(items, position++, first.name(), s.baseUrl() + first.url());
        }
        item(items, position, s.article().title(), s.baseUrl() + s.article().url());
        return list;
    }

    private static void item(ArrayNode items, int position, String name, String url) {
        items.addObject().put("@type", "ListItem").put("position", position).put("name", name).put("item", url);
    }

    private static ObjectNode person(String name, String url) {
        ObjectNode person = JSON.createObjectNode();
        person.put("@type", "Person");
        person.put("name", name);
        if (url != null) {
            person.put("url", url);
        }
        return person;
    }
}
