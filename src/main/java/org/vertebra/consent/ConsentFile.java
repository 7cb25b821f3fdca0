package org.vertebra.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vertebra.form.Invalid;

/**
 * {@code DATA/consent.json}, where sites kept their consent policy before the admin did; read only
 * to import it once, on the first start with empty consent settings:
 * <pre>{"version": 2,
 *  "cookies": [{"category": "statistics", "name": "_pk_id", "purpose": "...", "duration": "13 months", "provider": "Matomo"}],
 *  "scripts": [{"category": "statistics", "src": "https://stats.example.org/matomo.js"}]}</pre>
 * It is checked as the admin's forms are; a file that cannot be used is refused with where and why.
 */
record ConsentFile(int version, List<EntryChange> entries, List<ScriptChange> scripts) {

    static Optional<ConsentFile> read(Path dataDir) {
        Path file = dataDir.resolve(ConsentPolicy.FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            int version = root.path("version").asInt(1);
            if (version < 1) {
                throw new IllegalArgumentException("\"version\" must be a whole number of 1 or more");
            }
            List<EntryChange> entries = new ArrayList<>();
            for (JsonNode c : root.path("cookies")) {
                entries.add(EntryChange.parse(c.path("category").asText(null), c.path("name").asText(null),
                        c.path("provider").asText(null), c.path("purpose").asText(null), c.path("duration").asText(null)));
            }
            List<ScriptChange> scripts = new ArrayList<>();
            for (JsonNode s : root.path("scripts")) {
                String src = s.path("src").asText(null);
                String name = s.path("name").asText(src == null || !src.startsWith("https://") ? null : URI.create(src).getHost());
                scripts.add(ScriptChange.parse(s.path("category").asText(null), name, src, s.path("code").asText(null)));
            }
            return Optional.of(new ConsentFile(version, entries, scripts));
        } catch (Invalid e) {
            throw new IllegalStateException(file + " cannot be used: " + e.problems().stream()
                    .map(p -> p.field() + ": " + p.message()).toList(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " cannot be used: " + e.getMessage(), e);
        }
    }
}
