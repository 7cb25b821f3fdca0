package org.vertebra.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The site's addresses cut into sitemap files as the protocol allows (sitemaps.org: at most
 * 50,000 addresses a file): one file while they fit, else numbered files
 * ({@code /sitemap-1.xml}, ...) that a sitemap index at {@code /sitemap.xml} lists.
 */
record SitemapParts(List<SitemapWriter.Url> urls, int perFile) {

    /** What the protocol allows in one file. */
    static final int PROTOCOL_LIMIT = 50_000;

    SitemapParts {
        if (perFile < 1 || perFile > PROTOCOL_LIMIT) {
            throw new IllegalArgumentException("a sitemap file holds 1 to " + PROTOCOL_LIMIT + " addresses, not " + perFile);
        }
        urls = List.copyOf(urls);
    }

    boolean needsIndex() {
        return urls.size() > perFile;
    }

    int files() {
        return Math.max(1, (urls.size() + perFile - 1) / perFile);
    }

    /** File {@code number} (from 1), when the addresses need an index and it has one of that number. */
    Optional<List<SitemapWriter.Url>> file(int number) {
        if (!needsIndex() || number < 1 || number > files()) {
            return Optional.empty();
        }
        return Optional.of(urls.subList((number - 1) * perFile, Math.min(urls.size(), number * perFile)));
    }

    /** The index's entries: each file's address and the newest change in it. */
    List<SitemapWriter.Url> index(String baseUrl) {
        return java.util.stream.IntStream.rangeClosed(1, files()).mapToObj(n -> new SitemapWriter.Url(
                baseUrl + "/sitemap-" + n + ".xml", file(n).orElseThrow().stream().map(SitemapWriter.Url::lastModified)
                        .max(Instant::compareTo).orElse(Instant.EPOCH))).toList();
    }
}
