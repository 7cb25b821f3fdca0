package org.vertebra.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.vertebra.form.Problems;

/**
 * A reading list to send, as checked at the edge: the chosen articles in the order they were
 * listed (at least one, at most {@link #MAX_ARTICLES}), the doctor's note (plain text, at most
 * {@link #NOTE_MAX} characters, perhaps none), the patient's address (lower-cased), and the
 * consultation it is sent from, if any.
 */
public record ReadingCommand(List<Long> articleIds, String note, String email, Long consultationId) {

    public static final int MAX_ARTICLES = 15;
    public static final int NOTE_MAX = 1000;

    public ReadingCommand {
        articleIds = List.copyOf(articleIds);
    }

    /** The form's values; throws {@link org.vertebra.form.Invalid} naming every field that is wrong. */
    public static ReadingCommand parse(List<String> articles, String note, String email, Long consultationId) {
        Problems problems = new Problems();
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (String id : articles == null ? List.<String>of() : articles) {
            if (id != null && id.strip().matches("\\d{1,18}")) {
                ids.add(Long.parseLong(id.strip()));
            }
        }
        if (ids.isEmpty()) {
            problems.add("articles", "Choose at least one article for the patient to read.");
        } else if (ids.size() > MAX_ARTICLES) {
            problems.add("articles", "Choose at most " + MAX_ARTICLES + " articles (" + ids.size()
                    + " are ticked): a short list is more likely to be read.");
        }
        String cleanNote = note == null ? null : note.strip().replace("\r\n", "\n");
        if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
            problems.add("note", "The note is too long: at most " + NOTE_MAX + " characters (it has " + cleanNote.length() + ").");
        } else if (cleanNote != null && cleanNote.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            problems.add("note", "The note contains characters that cannot be shown.");
        }
        String address = problems.email("email", "The patient's email address", email);
        problems.check();
        return new ReadingCommand(new ArrayList<>(ids), cleanNote == null || cleanNote.isEmpty() ? null : cleanNote,
                address.toLowerCase(Locale.ROOT), consultationId);
    }
}
