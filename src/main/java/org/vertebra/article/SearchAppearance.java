package org.vertebra.article;

/**
 * What search engines are shown for an article when it differs from its title and summary (the
 * SEO title and meta description a WordPress SEO plugin kept); either may be null.
 */
public record SearchAppearance(String title, String description) {
}
