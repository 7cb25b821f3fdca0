package org.vertebra.search;

/** A title offered while a reader types in the search box. */
record Suggestion(String title, String slug) {
}
