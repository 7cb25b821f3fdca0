package org.vertebra.author;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.content.Slugs;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;

/** Authors: found by name when content names them, created when new, with an editable profile. */
public final class AuthorService {

    private final AuthorRepository repository;
    private final Transactor transactor;
    private final ContentChanges changes;
    private final Clock clock;

    public AuthorService(Jdbi jdbi, Transactor transactor, ContentChanges changes, Clock clock) {
        this.repository = new AuthorRepository(jdbi);
        this.transactor = transactor;
        this.changes = changes;
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

    /**
     * Changes an author's profile in one transaction with the content counter, so the author box
     * and the author's page show it on every server.
     */
    public Author update(long id, AuthorProfileChange change) {
        return transactor.inTransaction(() -> {
            if (byId(id).isEmpty()) {
                throw Invalid.of(null, "That author no longer exists.");
            }
            repository.findBySlug(change.slug()).filter(other -> other.id() != id).ifPresent(other -> {
                throw Invalid.of("slug", other.name() + " already has the address /author/" + change.slug() + "/.");
            });
            repository.update(id, change);
            changes.bump();
            return byId(id).orElseThrow();
        });
    }

    /** The author profiles that show this library image as their photo, for the media library's "where it is used". */
    public List<org.vertebra.media.MediaUse> photoUses(long mediaId) {
        return repository.withPhoto(mediaId).stream()
                .map(a -> new org.vertebra.media.MediaUse(a.name(), "/admin/authors/" + a.id() + "/", "as the author's photo", null))
                .toList();
    }

    /** Takes a library image that is being deleted off every author profile that has it as the photo. */
    public void releasePhoto(long mediaId) {
        if (repository.clearPhoto(mediaId) > 0) {
            changes.bump();
        }
    }

    /** Every author, by name. */
    public List<Author> all() {
        return repository.all();
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

    private String freeSlug(String name) {
        String base = Slugs.of(name).isEmpty() ? "author" : Slugs.of(name);
        String slug = base;
        for (int n = 2; repository.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
