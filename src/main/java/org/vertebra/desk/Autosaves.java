package org.vertebra.desk;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.access.User;

/**
 * A writer's unsaved edits of an article, kept on the server: a published article's text is what
 * readers see, so its editor cannot save it as a draft every 30 seconds as it does a draft's. The
 * slot is the writer's own (another writer never sees it), never changes the article, and is
 * emptied when that writer saves the article.
 */
public final class Autosaves {

    private final EditorialDesk desk;
    private final AutosaveRepository repository;
    private final Clock clock;

    public Autosaves(Jdbi jdbi, EditorialDesk desk, Clock clock) {
        this.desk = desk;
        this.repository = new AutosaveRepository(jdbi);
        this.clock = clock;
    }

    /** Keeps these fields (the editor's own, each at most as long as the form takes) as the writer's slot for the article. */
    public Autosave keep(User writer, long articleId, Map<String, String> sent) {
        mayEdit(writer, articleId);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : Autosave.FIELDS) {
            String value = sent.get(name);
            if (value != null) {
                if (value.length() > ArticleForm.MAX_MARKDOWN) {
                    throw DeskProblem.invalid(name, "This is too long to keep.");
                }
                fields.put(name, value);
            }
        }
        Autosave slot = new Autosave(articleId, writer.id(), clock.instant(), fields);
        repository.put(slot);
        return slot;
    }

    public Optional<Autosave> of(User writer, long articleId) {
        mayEdit(writer, articleId);
        return repository.find(articleId, writer.id());
    }

    /** Empties the writer's slot: the article was saved, or the writer discarded the edits. */
    public void clear(User writer, long articleId) {
        repository.delete(articleId, writer.id());
    }

    private void mayEdit(User writer, long articleId) {
        if (!desk.open(writer, articleId).mayEdit()) {
            throw DeskProblem.notAllowed("Only a writer who may edit this article keeps unsaved changes of it.");
        }
    }
}
