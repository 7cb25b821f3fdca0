package org.vertebra.search;

/** A title offered while a reader types in the search box. */
public record Suggestion(String title, String slug) {
}
