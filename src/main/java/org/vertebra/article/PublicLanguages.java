package org.vertebra.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.vertebra.language.Language;

/**
 * The languages public articles are written in, read once per content version (as {@link
 * ListCounts} keeps its counts): every request for a one-segment address that is no article asks
 * whether it names a language's home, and the answer changes only with the content or when a
 * scheduled article comes out.
 */
final class PublicLanguages {

    private record Known(long version, Instant goodUntil, List<Language> languages) {
    }

    private final LongSupplier version;
    private final Supplier<Optional<Instant>> nextScheduled;
    private volatile Known known;

    PublicLanguages(LongSupplier version, Supplier<Optional<Instant>> nextScheduled) {
        this.version = version;
        this.nextScheduled = nextScheduled;
    }

    List<Language> get(Instant now, Supplier<List<Language>> read) {
        long current = version.getAsLong();
        Known kept = known;
        if (kept != null && kept.version() == current && now.isBefore(kept.goodUntil())) {
            return kept.languages();
        }
        Instant goodUntil = nextScheduled.get().orElse(Instant.MAX);
        List<Language> languages = List.copyOf(read.get());
        known = new Known(current, goodUntil, languages);
        return languages;
    }
}
