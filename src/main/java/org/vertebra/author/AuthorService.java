package org.vertebra.author;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.content.Slugs;

/** Authors: found by name when content names them, created when new, with an editable profile. */
public final class AuthorService {

    private final AuthorRepository repository;
    private final Clock clock;

    public AuthorService(Jdbi jdbi, Clock clock) {
        this.repository = new AuthorRepository(jdbi);
        this.clock = clock;
    }

    /** The author with this display name, created when there is none yet. */
    public Author ensure(String name) {
        String clean = name.strip();
        return repository.findByName(clean).orElseGet(() -> repository.insert(freeSlug(clean), clean, clock.instant()));
    }

    /** As {@link #ensure(String)}, with the address to give a new author. */
    public Author ensure(String name, String preferredSlug) {
        String clean = name.strip();
        return repository.findByName(clean).orElseGet(() -> repository.insert(
                repository.findBySlug(preferredSlug).isEmpty() ? preferredSlug : freeSlug(clean), clean, clock.instant()));
    }

    public void updateProfile(long id, String credentials, String bio, Long photoId, String website) {
        repository.updateProfile(id, credentials, bio, photoId, website);
    }

    public Optional<Author> bySlug(String slug) {
        return repository.findBySlug(slug);
    }

    public List<Author> byIds(Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    public Optional<Author> byId(long id) {
        return byIds(List.of(id)).stream().findFirst();
    }

    /** Every author, by name, for the editor's choice of byline. */
    public List<Author> all() {
        return repository.all();
    }

    private String freeSlug(String name) {
        String base = Slugs.of(name).isEmpty() ? "author" : Slugs.of(name);
        String slug = base;
        for (int n = 2; repository.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
