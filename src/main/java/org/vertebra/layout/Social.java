package org.vertebra.layout;

/**
 * What a page tells search engines and social networks beyond its title: Open Graph and Twitter
 * card fields, and schema.org structured data (JSON-LD). Any field may be null.
 *
 * @param type     Open Graph type: "website" or "article"
 * @param jsonLd   a JSON document, already safe to place inside a script element
 */
public record Social(String type, String imageUrl, String publishedIso, String modifiedIso, String jsonLd) {

    public static Social website() {
        return new Social("website", null, null, null, null);
    }
}
