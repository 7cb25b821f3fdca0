package org.vertebra.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The autosave slots, one per article and account (V26). */
final class AutosaveRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final Jdbi jdbi;

    AutosaveRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void put(Autosave slot) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO article_autosaves (article_id, user_id, saved_at, fields) VALUES (:article, :user, :at, :fields)
                        ON CONFLICT (article_id, user_id) DO UPDATE SET saved_at = excluded.saved_at, fields = excluded.fields""")
                .bind("article", slot.articleId()).bind("user", slot.userId()).bind("at", slot.savedAt().toEpochMilli())
                .bind("fields", write(slot.fields())).execute());
    }

    Optional<Autosave> find(long articleId, long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT saved_at, fields FROM article_autosaves WHERE article_id = :article AND user_id = :user")
                .bind("article", articleId).bind("user", userId)
                .map((rs, ctx) -> new Autosave(articleId, userId, Instant.ofEpochMilli(rs.getLong("saved_at")),
                        read(rs.getString("fields"))))
                .findOne());
    }

    void delete(long articleId, long userId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM article_autosaves WHERE article_id = :article AND user_id = :user")
                .bind("article", articleId).bind("user", userId).execute());
    }

    private static String write(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an autosave that is not the JSON this wrote", e);
        }
    }
}
