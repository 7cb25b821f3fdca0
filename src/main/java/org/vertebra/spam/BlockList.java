package org.vertebra.spam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words and domains that mark a submission as spam: the shipped list
 * ({@code src/main/resources/spam/blocklist.txt}) plus the site's own {@code DATA/blocklist.txt}.
 * A line with a dot and no space is a domain (it matches that domain and its subdomains in links
 * and email addresses); any other line is a word or phrase, matched whole, without regard to case.
 */
public final class BlockList {

    private final List<String> words;
    private final List<String> domains;

    BlockList(List<String> lines) {
        List<String> w = new ArrayList<>();
        List<String> d = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip().toLowerCase(Locale.ROOT);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            (line.contains(".") && !line.contains(" ") ? d : w).add(line);
        }
        this.words = List.copyOf(w);
        this.domains = List.copyOf(d);
    }

    /** The shipped list, and the site's file when there is one. */
    public static BlockList load(Path siteFile) {
        List<String> lines = new ArrayList<>(shipped());
        if (siteFile != null && Files.isRegularFile(siteFile)) {
            try {
                lines.addAll(Files.readAllLines(siteFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the block list " + siteFile, e);
            }
        }
        return new BlockList(lines);
    }

    static BlockList of(String... lines) {
        return new BlockList(List.of(lines));
    }

    /** The first blocked word or domain in the text, if any. */
    public Optional<String> firstMatch(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                    .matcher(lower).find()) {
                return Optional.of(word);
            }
        }
        for (String domain : domains) {
            if (java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}.-])([\\p{L}\\p{N}-]+\\.)*" + java.util.regex.Pattern.quote(domain)
                    + "(?![\\p{L}\\p{N}-]|\\.[\\p{L}\\p{N}])").matcher(lower).find()) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }

    private static List<String> shipped() {
        try (InputStream in = BlockList.class.getResourceAsStream("/spam/blocklist.txt")) {
            return in == null ? List.of() : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
