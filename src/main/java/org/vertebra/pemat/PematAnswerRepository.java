package org.vertebra.pemat;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The editor's PEMAT answers, one row per article and item (V30). */
final class PematAnswerRepository {

    private final Jdbi jdbi;

    PematAnswerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<PematItem, Rating> of(long articleId) {
        return of(List.of(articleId)).getOrDefault(articleId, Map.of());
    }

    /** The answers of several articles at once, by article; an article without answers is absent. */
    Map<Long, Map<PematItem, Rating>> of(Collection<Long> articleIds) {
        Map<Long, Map<PematItem, Rating>> answers = new HashMap<>();
        if (articleIds.isEmpty()) {
            return answers;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT article_id, item, rating FROM pemat_answers WHERE article_id IN (<ids>)")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> {
                    answers.computeIfAbsent(rs.getLong("article_id"), id -> new EnumMap<>(PematItem.class))
                            .put(PematItem.numbered(rs.getInt("item")), Rating.fromCode(rs.getString("rating")).orElseThrow());
                    return 1;
                }).list());
        return answers;
    }

    /** Makes these the article's answers: items left out lose any answer they had. */
    void replace(long articleId, Map<PematItem, Rating> answers, String answeredBy, Instant at) {
        jdbi.useHandle(h -> {
            Map<PematItem, Rating> stored = of(articleId);
            for (PematItem item : stored.keySet()) {
                if (!answers.containsKey(item)) {
                    h.createUpdate("DELETE FROM pemat_answers WHERE article_id = :article AND item = :item")
                            .bind("article", articleId).bind("item", item.number()).execute();
                }
            }
            // An unchanged answer keeps who gave it and when.
            answers.forEach((item, rating) -> {
                if (stored.get(item) != rating) {
                    h.createUpdate("""
                                    INSERT INTO pemat_answers (article_id, item, rating, answered_by, answered_at)
                                    VALUES (:article, :item, :rating, :by, :at)
                                    ON CONFLICT (article_id, item) DO UPDATE SET rating = excluded.rating,
                                        answered_by = excluded.answered_by, answered_at = excluded.answered_at""")
                            .bind("article", articleId).bind("item", item.number()).bind("rating", rating.code())
                            .bind("by", answeredBy).bind("at", at.toEpochMilli()).execute();
                }
            });
        });
    }
}
