package org.vertebra.redirect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertebra.redirect.RedirectFile.Row;

/** What importing a file of redirects did, or would do in a dry run: counts, and the rows worth a look. */
public final class RedirectImportReport {

    /** A row worth a look: where it is, its old address, and what happened to it. */
    public record Entry(int line, String source, String detail) {
    }

    private final RedirectFile file;
    private final boolean dryRun;
    private int created;
    private int unchanged;
    private final List<Entry> updated = new ArrayList<>();
    private final List<Entry> leftOut = new ArrayList<>();
    private final List<Entry> refused = new ArrayList<>();

    RedirectImportReport(RedirectFile file, boolean dryRun) {
        this.file = file;
        this.dryRun = dryRun;
    }

    void created(Row row) {
        created++;
    }

    void unchanged(Row row) {
        unchanged++;
    }

    void updated(Row row, Redirect before) {
        updated.add(new Entry(row.line(), row.source(), "was " + describe(before.target(), before.kind()) + ", now "
                + describe(row.target(), row.kind())));
    }

    void leftOut(Row row, String reason) {
        leftOut.add(new Entry(row.line(), row.source(), reason));
    }

    void refused(Row row, String message) {
        refused.add(new Entry(row.line(), row.source(), message));
    }

    boolean wroteAny() {
        return created > 0 || !updated.isEmpty();
    }

    public int created() {
        return created;
    }

    public int unchanged() {
        return unchanged;
    }

    public List<Entry> updated() {
        return List.copyOf(updated);
    }

    public List<Entry> leftOut() {
        return List.copyOf(leftOut);
    }

    public List<Entry> refused() {
        return List.copyOf(refused);
    }

    public boolean hasRefusals() {
        return !refused.isEmpty();
    }

    private static String describe(String target, RedirectKind kind) {
        return kind == RedirectKind.GONE ? "Gone (410)" : "to " + target;
    }

    public String toText() {
        StringBuilder t = new StringBuilder();
        t.append(dryRun ? "Dry run: nothing was written. This is what the import would do.\n" : "")
                .append("Redirects from ").append(file.path()).append(" (").append(file.format().label()).append("):\n")
                .append(String.format("  %d created, %d updated, %d unchanged, %d left out, %d refused%n", created,
                        updated.size(), unchanged, leftOut.size(), refused.size()));
        section(t, "Updated (the file leads elsewhere):", updated);
        section(t, "Left out:", leftOut);
        section(t, "Refused:", refused);
        t.append(refused.isEmpty() ? "Nothing refused.\n" : refused.size()
                + " refused: the other rows came in; correct these in the file or the admin, and run the import again.\n");
        return t.toString();
    }

    private static void section(StringBuilder t, String title, List<Entry> entries) {
        if (!entries.isEmpty()) {
            t.append(title).append('\n');
            entries.forEach(e -> t.append("  line ").append(e.line()).append(' ').append(e.source()).append(": ")
                    .append(e.detail()).append('\n'));
        }
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.path().toString());
        json.put("format", file.format().name().toLowerCase(java.util.Locale.ROOT));
        json.put("dryRun", dryRun);
        json.put("created", created);
        json.put("unchanged", unchanged);
        json.put("updated", updated);
        json.put("leftOut", leftOut);
        json.put("refused", refused);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
