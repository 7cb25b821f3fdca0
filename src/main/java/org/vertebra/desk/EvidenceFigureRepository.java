package org.vertebra.desk;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The evidence report's stored figures (V23's evidence_figures): kept, paged in each order the report offers, counted. */
final class EvidenceFigureRepository {

    private final Jdbi jdbi;

    EvidenceFigureRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void save(List<EvidenceFigures> figures) {
        if (figures.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO evidence_figures (article_id, modified_at, title_key, grade, grade_rank, reference_count,
                        with_identifier, unmatched_mentions, attribution_met, attribution_detail, review_rank, missed_rank,
                        flagged_rank, missed_benchmarks, pemat_text)
                    VALUES (:articleId, :modifiedAt, :titleKey, :grade, :gradeRank, :references, :withIdentifier,
                        :unmatchedMentions, :attributionMet, :attributionDetail, :reviewRank, :missedRank, :flaggedRank,
                        :missedBenchmarks, :pematText)
                    ON CONFLICT (article_id) DO UPDATE SET modified_at = excluded.modified_at, title_key = excluded.title_key,
                        grade = excluded.grade, grade_rank = excluded.grade_rank, reference_count = excluded.reference_count,
                        with_identifier = excluded.with_identifier, unmatched_mentions = excluded.unmatched_mentions,
                        attribution_met = excluded.attribution_met, attribution_detail = excluded.attribution_detail,
                        review_rank = excluded.review_rank, missed_rank = excluded.missed_rank,
                        flagged_rank = excluded.flagged_rank, missed_benchmarks = excluded.missed_benchmarks,
                        pemat_text = excluded.pemat_text""");
            for (EvidenceFigures f : figures) {
                batch.bind("articleId", f.articleId()).bind("modifiedAt", f.modifiedAt()).bind("titleKey", f.titleKey())
                        .bind("grade", Double.isNaN(f.grade()) ? null : f.grade()).bind("gradeRank", f.gradeRank())
                        .bind("references", f.references()).bind("withIdentifier", f.withIdentifier())
                        .bind("unmatchedMentions", f.unmatchedMentions()).bind("attributionMet", f.attributionMet())
                        .bind("attributionDetail", f.attributionDetail()).bind("reviewRank", f.reviewRank())
                        .bind("missedRank", f.missedRank()).bind("flaggedRank", f.flaggedRank())
                        .bind("missedBenchmarks", f.missedBenchmarks()).bind("pematText", f.pematText()).add();
            }
            batch.execute();
        });
    }

    /** For what is no longer on the report: a page, or an article in the trash. */
    void remove(List<Long> articleIds) {
        if (!articleIds.isEmpty()) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM evidence_figures WHERE article_id IN (<ids>)")
                    .bindList("ids", articleIds).execute());
        }
    }

    /** A line's place in one of the report's orders: its article and the value it is ordered by. */
    record Place(long articleId, Object key) {
    }

    /**
     * A page of the report in this order, from the order's own index: after the line at
     * {@code after} (null: from the first line), skipping {@code offset} lines first. Seeking from
     * a place costs what the first page costs however far down it is; an OFFSET walks the index.
     */
    List<Place> page(EvidenceOverview.Sort sort, boolean descending, Place after, int limit, int offset) {
        return jdbi.withHandle(h -> inOrder(h, "article_id, " + column(sort), sort, descending, after, limit, offset)
                .map((rs, ctx) -> new Place(rs.getLong(1), rs.getObject(2))).list());
    }

    /** A line's place in its order with the figures stored for it. */
    record Placed(Place place, EvidenceFigures figures) {
    }

    /**
     * The next {@code limit} lines after {@code after} (null: from the first) with their figures,
     * for the CSV: the rows found in the order's index are read as they are found, where a page of
     * places and then its figures by id would look each one up again.
     */
    List<Placed> chunk(EvidenceOverview.Sort sort, boolean descending, Place after, int limit) {
        String column = column(sort);
        return jdbi.withHandle(h -> inOrder(h, "*", sort, descending, after, limit, 0)
                .map((rs, ctx) -> new Placed(new Place(rs.getLong("article_id"), rs.getObject(column)), figures(rs))).list());
    }

    /** The statement of a page in this order, reading {@code columns} of each line. */
    private static org.jdbi.v3.core.statement.Query inOrder(org.jdbi.v3.core.Handle h, String columns, EvidenceOverview.Sort sort,
                                                            boolean descending, Place after, int limit, int offset) {
        String direction = descending ? " DESC" : "";
        String column = column(sort);
        String seek = after == null ? "" : " WHERE (" + column + ", article_id) " + (descending ? "<" : ">") + " (:key, :after)";
        var query = h.createQuery("SELECT " + columns + " FROM evidence_figures" + seek + " ORDER BY " + column
                        + direction + ", article_id" + direction + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset);
        if (after != null) {
            query.bind("key", after.key()).bind("after", after.articleId());
        }
        return query;
    }

    /** Where the line of this article stands in this order; empty when it is not on the report. */
    Optional<Place> place(EvidenceOverview.Sort sort, long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id, " + column(sort) + " FROM evidence_figures WHERE article_id = :id")
                .bind("id", articleId).map((rs, ctx) -> new Place(rs.getLong(1), rs.getObject(2))).findOne());
    }

    int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM evidence_figures").mapTo(Integer.class).one());
    }

    /** How many public articles missed at least one benchmark when last checked. */
    int publicMissingABenchmark(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM evidence_figures f JOIN articles a ON a.id = f.article_id
                        WHERE f.missed_rank > 0 AND a.status = 'published' AND a.published_at <= :now AND a.deleted_at IS NULL""")
                .bind("now", now).mapTo(Integer.class).one());
    }

    Map<Long, EvidenceFigures> byIds(List<Long> articleIds) {
        Map<Long, EvidenceFigures> found = new HashMap<>();
        if (articleIds.isEmpty()) {
            return found;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM evidence_figures WHERE article_id IN (<ids>)")
                .bindList("ids", articleIds)
                .map((rs, ctx) -> figures(rs))
                .forEach(f -> found.put(f.articleId(), f)));
        return found;
    }

    private static EvidenceFigures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
        double grade = rs.getDouble("grade");
        boolean noProse = rs.wasNull();
        return new EvidenceFigures(rs.getLong("article_id"), Instant.ofEpochMilli(rs.getLong("modified_at")),
                rs.getString("title_key"), noProse ? Double.NaN : grade, rs.getInt("reference_count"),
                rs.getInt("with_identifier"), rs.getInt("unmatched_mentions"), rs.getBoolean("attribution_met"),
                rs.getString("attribution_detail"), rs.getString("review_rank"), rs.getInt("missed_rank"),
                rs.getInt("flagged_rank"), rs.getInt("missed_benchmarks"), rs.getString("pemat_text"));
    }

    /** The newest article change the figures were worked out from: the background catches up from there. */
    Optional<Instant> newestChecked() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(modified_at) FROM evidence_figures").mapTo(Long.class).findOne())
                .map(Instant::ofEpochMilli);
    }

    private static String column(EvidenceOverview.Sort sort) {
        return switch (sort) {
            case TITLE -> "title_key";
            case GRADE -> "grade_rank";
            case REFERENCES -> "reference_count";
            case UNMATCHED -> "unmatched_mentions";
            case FLAGGED -> "flagged_rank";
            case MISSED -> "missed_rank";
            case REVIEW -> "review_rank";
        };
    }
}
