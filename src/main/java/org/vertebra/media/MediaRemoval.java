package org.vertebra.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;

/**
 * Where library images are used, and their deletion. An image nothing uses is deleted at once; one
 * still used is refused with the list of its uses unless the editor confirms on a second step
 * (docs/decisions.md, "Deleting library images"). The row, its variants and, in the table store,
 * the bytes go in one transaction; a folder's files go after it commits, so a rollback never
 * leaves a row without its file.
 */
public final class MediaRemoval {

    private final Transactor transactor;
    private final MediaRepository repository;
    private final MediaStore store;
    private final List<MediaUses> users;
    private final ContentChanges changes;
    private final List<Consumer<List<String>>> deletedListeners = new CopyOnWriteArrayList<>();

    public MediaRemoval(Jdbi jdbi, Transactor transactor, MediaStore store, List<MediaUses> users, ContentChanges changes) {
        this.transactor = transactor;
        this.repository = new MediaRepository(jdbi);
        this.store = store;
        this.users = List.copyOf(users);
        this.changes = changes;
    }

    /** Tells the listener the paths of every deleted item's files, after the deletion is committed (this node's cache). */
    public void onDeleted(Consumer<List<String>> listener) {
        deletedListeners.add(listener);
    }

    /** Every use of the item, as each feature that shows images reports it; empty when nothing uses it. */
    public List<MediaUse> uses(MediaItem item) {
        List<String> urls = urls(item);
        List<MediaUse> found = new ArrayList<>();
        users.forEach(u -> found.addAll(u.find(item.id(), urls)));
        return List.copyOf(found);
    }

    /**
     * Deletes the item with this id, with its variants and stored files. Throws {@link MediaInUse}
     * when something uses it and {@code despiteUses} is false; then nothing changes. With
     * {@code despiteUses}, featured images and photos that pointed at it are cleared, and links in
     * text are left to answer 404. Empty when there is no such item (already deleted).
     */
    public Optional<MediaItem> delete(long id, boolean despiteUses) {
        Optional<MediaItem> deleted = transactor.inTransaction(() -> {
            Optional<MediaItem> found = repository.findById(id);
            if (found.isEmpty()) {
                return found;
            }
            List<MediaUse> uses = uses(found.get());
            if (!uses.isEmpty() && !despiteUses) {
                throw new MediaInUse(uses);
            }
            users.forEach(u -> u.release(id));
            repository.delete(id);
            if (store.joinsTransactions()) {
                paths(found.get()).forEach(store::delete);
            }
            changes.bump(); // pages that showed it are rendered again, on every node
            return found;
        });
        deleted.ifPresent(item -> {
            List<String> paths = paths(item);
            if (!store.joinsTransactions()) {
                paths.forEach(store::delete);
            }
            deletedListeners.forEach(l -> l.accept(paths));
        });
        return deleted;
    }

    private static List<String> paths(MediaItem item) {
        List<String> paths = new ArrayList<>();
        paths.add(item.path());
        item.variants().forEach(v -> paths.add(v.path()));
        return paths;
    }

    private static List<String> urls(MediaItem item) {
        return paths(item).stream().map(p -> "/media/" + p).toList();
    }
}
