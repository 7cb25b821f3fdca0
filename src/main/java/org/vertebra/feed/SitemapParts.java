package org.vertebra.feed;

import java.util.Optional;

/**
 * The site's addresses (the home page first, then every public article and page in the
 * sitemap's order) cut into sitemap files as the protocol allows (sitemaps.org: at most 50,000
 * addresses a file): one file while they fit, else numbered files ({@code /sitemap-1.xml}, ...)
 * that a sitemap index at {@code /sitemap.xml} lists. Positions only: the addresses are read
 * from the database a file at a time, never all held.
 */
record SitemapParts(int addresses, int perFile) {

    /** What the protocol allows in one file. */
    static final int PROTOCOL_LIMIT = 50_000;

    /** The addresses of one file: {@code count} of them from position {@code first} (the home page is at 0). */
    record Slice(int first, int count) {
    }

    SitemapParts {
        if (perFile < 1 || perFile > PROTOCOL_LIMIT) {
            throw new IllegalArgumentException("a sitemap file holds 1 to " + PROTOCOL_LIMIT + " addresses, not " + perFile);
        }
    }

    boolean needsIndex() {
        return addresses > perFile;
    }

    int files() {
        return Math.max(1, (addresses + perFile - 1) / perFile);
    }

    /** File {@code number} (from 1), when the addresses need an index and it has one of that number. */
    Optional<Slice> file(int number) {
        if (!needsIndex() || number < 1 || number > files()) {
            return Optional.empty();
        }
        int first = (number - 1) * perFile;
        return Optional.of(new Slice(first, Math.min(addresses, number * perFile) - first));
    }
}
