package org.vertebra.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.vertebra.content.KeyPoints;
import org.vertebra.language.Language;
import org.vertebra.content.Reference;
import org.vertebra.content.RenderedBody;
import org.vertebra.content.TocEntry;

/** Articles and pages, their references, revisions and old slugs. Listing is filtered and paged in SQL. */
final class ArticleRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TocEntry>> TOC = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String PUBLIC_POST = "a.kind = 'post' AND a.status = 'published' AND a.published_at <= :now AND a.deleted_at IS NULL";
    private static final String LISTED = " FROM articles a WHERE " + PUBLIC_POST;
    private static final String CARD_COLUMNS =
            "a.id, a.slug, a.title, COALESCE(a.summary, substr(a.plain_text, 1, 400)) AS excerpt, "
                    + "a.author_id, a.image_id, a.published_at";

    private final Jdbi jdbi;
    /** SQLite is told which index a desk list reads (see deskList); PostgreSQL's planner chooses well. */
    private final boolean sqlite;

    ArticleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.sqlite = isSqlite(jdbi);
    }

    private static boolean isSqlite(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName())
                    .toLowerCase(java.util.Locale.ROOT).contains("sqlite");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    Optional<Article> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM articles WHERE slug = :slug")
                        .bind("slug", slug).map((rs, ctx) -> map(rs)).findOne())
                .map(a -> withReferences(a, references(a.id())));
    }

    /**
     * The translation group the article with this id belongs to: its original and every
     * translation of that original, itself included, in the order of their languages; trash left out.
     */
    List<Translation> translationGroup(long id) {
        // the original and its translations in two branches: an OR in the join read every article
        // outside the trash on SQLite
        java.util.Map<Long, List<Translation>> group = new java.util.HashMap<>();
        jdbi.useHandle(h -> collectGroups(h.createQuery("SELECT a.id AS asked, " + GROUP_MEMBER
                        + " FROM articles a JOIN articles m ON m.id = COALESCE(a.translation_of, a.id)"
                        + " WHERE a.id = :id AND m.deleted_at IS NULL"
                        + " UNION ALL SELECT a.id, " + GROUP_MEMBER
                        + " FROM articles a JOIN articles m ON m.translation_of = COALESCE(a.translation_of, a.id)"
                        + " WHERE a.id = :id AND m.deleted_at IS NULL")
                .bind("id", id), "asked", group));
        return group.getOrDefault(id, List.of());
    }

    /** The columns of a translation group's member ("m") that {@link #translation} reads. */
    private static final String GROUP_MEMBER =
            "m.id, m.kind, m.slug, m.title, m.lang, m.translation_of, m.status, m.published_at, m.updated_at, m.reviewed_on";

    /**
     * Adds each row's member ({@link #GROUP_MEMBER}) to the group its {@code key} column names, and
     * puts every group in the order of its tags.
     */
    private static void collectGroups(org.jdbi.v3.core.statement.Query rows, String key,
                                      java.util.Map<Long, List<Translation>> groups) {
        rows.map((rs, ctx) -> java.util.Map.entry(rs.getLong(key), translation(rs)))
                .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        groups.values().forEach(g -> g.sort(java.util.Comparator.comparing(t -> t.lang().tag())));
    }

    static Translation translation(java.sql.ResultSet rs) throws SQLException {
        Instant published = Instant.ofEpochMilli(rs.getLong("published_at"));
        Instant updated = nullableInstant(rs, "updated_at");
        String reviewedOn = rs.getString("reviewed_on");
        return new Translation(rs.getLong("id"), rs.getString("kind"), rs.getString("slug"), rs.getString("title"),
                new Language(rs.getString("lang")), nullableLong(rs, "translation_of") == null,
                Article.PUBLISHED.equals(rs.getString("status")), published,
                reviewedOn == null ? null : LocalDate.parse(reviewedOn), updated != null ? updated : published);
    }

    private static final String PUBLIC = "status = 'published' AND deleted_at IS NULL AND published_at <= :now";

    /**
     * The public members of every translation group that has a public address among the sitemap's
     * addresses from {@code offset} (at most {@code limit}; see PUBLIC_ADDRESSES), by the group's
     * original's id, each group in the order of its tags. One statement for a whole sitemap file:
     * the slice's groups (an address is in one when it translates another or is translated), then
     * their originals and their translations through the primary key and articles_translation_of.
     */
    java.util.Map<Long, List<Translation>> publicGroupsOfAddresses(Instant now, int offset, int limit) {
        java.util.Map<Long, List<Translation>> groups = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> collectGroups(h.createQuery("WITH slice AS (SELECT id, translation_of FROM articles WHERE " + PUBLIC
                        + " ORDER BY id LIMIT :limit OFFSET :offset),"
                        + " grouped AS (SELECT DISTINCT COALESCE(s.translation_of, s.id) AS grp FROM slice s"
                        + " WHERE s.translation_of IS NOT NULL OR EXISTS (SELECT 1 FROM articles t WHERE t.translation_of = s.id))"
                        + " SELECT g.grp, " + GROUP_MEMBER + " FROM grouped g JOIN articles m ON m.id = g.grp"
                        + " WHERE m.status = 'published' AND m.deleted_at IS NULL AND m.published_at <= :now"
                        + " UNION ALL SELECT g.grp, " + GROUP_MEMBER + " FROM grouped g JOIN articles m ON m.translation_of = g.grp"
                        + " WHERE m.status = 'published' AND m.deleted_at IS NULL AND m.published_at <= :now")
                .bind("now", now).bind("offset", offset).bind("limit", limit), "grp", groups));
        return groups;
    }

    /**
     * The translation group of each of these articles that translates or is translated, by its id:
     * its original and every translation outside the trash, in the order of their tags (nothing for
     * an article alone, or in the trash). One statement for a desk page or a chunk of the evidence
     * report; which articles belong to a group is read from indexes (articles_report_line on SQLite,
     * articles_translation_of), so only a group's members are read from the table.
     */
    java.util.Map<Long, List<Translation>> groupsOf(List<Long> ids) {
        java.util.Map<Long, List<Translation>> groups = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return groups;
        }
        jdbi.useHandle(h -> collectGroups(h.createQuery("WITH asked AS (SELECT a.id AS asked, COALESCE(a.translation_of, a.id) AS grp"
                        + " FROM articles a" + indexedBy("articles_report_line") + " WHERE a.id IN (<ids>)"
                        + " AND (a.translation_of IS NOT NULL OR EXISTS (SELECT 1 FROM articles t WHERE t.translation_of = a.id)))"
                        + " SELECT asked.asked, " + GROUP_MEMBER + " FROM asked JOIN articles m ON m.id = asked.grp"
                        + " WHERE m.deleted_at IS NULL"
                        + " UNION ALL SELECT asked.asked, " + GROUP_MEMBER + " FROM asked JOIN articles m ON m.translation_of = asked.grp"
                        + " WHERE m.deleted_at IS NULL")
                .bindList("ids", ids), "asked", groups));
        return groups;
    }

    /** The languages of the public articles (not pages), read from articles_language_public alone. */
    List<Language> publicLanguages(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT a.lang" + LISTED + " ORDER BY a.lang")
                .bind("now", now).map((rs, ctx) -> new Language(rs.getString(1))).list());
    }

    Optional<Article> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM articles WHERE id = :id")
                        .bind("id", id).map((rs, ctx) -> map(rs)).findOne())
                .map(a -> withReferences(a, references(a.id())));
    }

    /** Marks the article as in the trash; counts as a modification, so the search index takes it out. */
    int trash(long id, Instant now) {
        return jdbi.withHandle(h -> relisted(h, id, h.createUpdate(
                        "UPDATE articles SET deleted_at = :now, modified_at = :now WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).bind("now", now).execute()));
    }

    int untrash(long id, Instant now) {
        return jdbi.withHandle(h -> relisted(h, id, h.createUpdate(
                        "UPDATE articles SET deleted_at = NULL, modified_at = :now WHERE id = :id AND deleted_at IS NOT NULL")
                .bind("id", id).bind("now", now).execute()));
    }

    /**
     * Brings the article's entries in its categories' lists in step with it (V23's listed_at: when a
     * public post appears, NULL for anything else); TaxonomyRepository sets it the same way when the
     * categories change. Returns {@code changed} for the caller's convenience.
     */
    private static int relisted(org.jdbi.v3.core.Handle h, long id, int changed) {
        if (changed > 0) {
            h.createUpdate("""
                            UPDATE article_categories SET listed_at = (
                                SELECT CASE WHEN a.kind = 'post' AND a.status = 'published' AND a.deleted_at IS NULL
                                            THEN a.published_at END
                                FROM articles a WHERE a.id = :id)
                            WHERE article_id = :id""")
                    .bind("id", id).execute();
        }
        return changed;
    }

    /**
     * Deletes what was trashed before the cutoff; revisions, references and old slugs go with it
     * (cascade). A deleted original's translations stay linked to one another: the oldest of them
     * that stays becomes their original.
     */
    int deleteTrashedBefore(Instant cutoff) {
        return jdbi.inTransaction(h -> {
            List<Long> originals = h.createQuery("""
                            SELECT DISTINCT o.id FROM articles o JOIN articles t ON t.translation_of = o.id
                            WHERE o.deleted_at < :cutoff AND (t.deleted_at IS NULL OR t.deleted_at >= :cutoff)""")
                    .bind("cutoff", cutoff).mapTo(Long.class).list();
            for (long original : originals) {
                long heir = h.createQuery("""
                                SELECT MIN(id) FROM articles WHERE translation_of = :original
                                AND (deleted_at IS NULL OR deleted_at >= :cutoff)""")
                        .bind("original", original).bind("cutoff", cutoff).mapTo(Long.class).one();
                h.createUpdate("UPDATE articles SET translation_of = :heir WHERE translation_of = :original AND id <> :heir")
                        .bind("heir", heir).bind("original", original).execute();
                h.createUpdate("UPDATE articles SET translation_of = NULL WHERE id = :heir").bind("heir", heir).execute();
            }
            return h.createUpdate("DELETE FROM articles WHERE deleted_at < :cutoff").bind("cutoff", cutoff).execute();
        });
    }

    void setReviewRequestedAt(long id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE articles SET review_requested_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at).execute());
    }

    Optional<String> redirectTarget(String oldSlug) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.slug FROM slug_redirects r JOIN articles a ON a.id = r.article_id
                        WHERE r.old_slug = :slug AND a.deleted_at IS NULL""")
                .bind("slug", oldSlug).mapTo(String.class).findOne());
    }

    /**
     * @param language  the draft's language, the site's when the draft gives none
     * @param original  the id of the original it translates; null when it translates nothing
     */
    long insert(ArticleDraft draft, Language language, Long original, RenderedBody body, Instant now, String savedBy,
                Long ownerUserId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO articles (kind, slug, title, summary, body_md, body_html, toc_json, plain_text, author_id,
                            image_id, status, published_at, updated_at, reviewed_by, reviewed_on, disclosure, demo,
                            created_at, modified_at, saved_by, owner_user_id, key_points_json, actions_json, title_key,
                            lang, translation_of)
                        VALUES (:kind, :slug, :title, :summary, :markdown, :html, :toc, :plainText, :authorId,
                            :imageId, :status, :publishedAt, :updatedAt, :reviewedBy, :reviewedOn, :disclosure, :demo,
                            :now, :now, :savedBy, :owner, :keyPointsJson, :actionsJson, :titleKey, :language, :original)
                        RETURNING id""")
                .bindMethods(draft)
                .bind("language", language.tag()).bind("original", original)
                .bind("keyPointsJson", listJson(draft.keyPoints().points()))
                .bind("actionsJson", listJson(draft.keyPoints().actions()))
                .bind("titleKey", titleKey(draft.title()))
                .bind("savedBy", savedBy).bind("owner", ownerUserId)
                .bind("reviewedOn", isoDate(draft.reviewedOn()))
                .bind("html", body.html()).bind("toc", toJson(body.toc())).bind("plainText", body.plainText())
                .bind("now", now)
                .mapTo(Long.class).one());
    }

    /** Sets whether a post stays first on the home page; true when that changed it. */
    boolean setSticky(long id, boolean sticky) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE articles SET sticky = :sticky WHERE id = :id AND sticky <> :sticky")
                .bind("id", id).bind("sticky", sticky).execute()) > 0;
    }

    boolean isSticky(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sticky FROM articles WHERE id = :id").bind("id", id)
                .mapTo(Boolean.class).findOne()).orElse(false);
    }

    void updateSearchAppearance(long id, String title, String description) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE articles SET seo_title = :title, seo_description = :description WHERE id = :id")
                .bind("id", id).bind("title", title).bind("description", description).execute());
    }

    Optional<SearchAppearance> searchAppearance(long id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT seo_title, seo_description FROM articles WHERE id = :id AND (seo_title IS NOT NULL OR seo_description IS NOT NULL)")
                .bind("id", id).map((rs, ctx) -> new SearchAppearance(rs.getString("seo_title"), rs.getString("seo_description")))
                .findOne());
    }

    void update(long id, ArticleDraft draft, Language language, Long original, RenderedBody body, Instant now, String savedBy) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE articles SET kind = :kind, slug = :slug, title = :title, summary = :summary, body_md = :markdown,
                            body_html = :html, toc_json = :toc, plain_text = :plainText, author_id = :authorId,
                            image_id = :imageId, status = :status, published_at = :publishedAt, updated_at = :updatedAt,
                            reviewed_by = :reviewedBy, reviewed_on = :reviewedOn, disclosure = :disclosure, demo = :demo,
                            modified_at = :now, saved_by = :savedBy, key_points_json = :keyPointsJson, actions_json = :actionsJson,
                            title_key = :titleKey, lang = :language, translation_of = :original
                        WHERE id = :id""")
                .bindMethods(draft)
                .bind("language", language.tag()).bind("original", original)
                .bind("keyPointsJson", listJson(draft.keyPoints().points()))
                .bind("actionsJson", listJson(draft.keyPoints().actions()))
                .bind("titleKey", titleKey(draft.title()))
                .bind("savedBy", savedBy)
                .bind("reviewedOn", isoDate(draft.reviewedOn()))
                .bind("html", body.html()).bind("toc", toJson(body.toc())).bind("plainText", body.plainText())
                .bind("now", now).bind("id", id)
                .execute());
        jdbi.useHandle(h -> relisted(h, id, 1));
    }

    void replaceReferences(long articleId, List<Reference> references) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM article_references WHERE article_id = :id").bind("id", articleId).execute();
            for (int i = 0; i < references.size(); i++) {
                Reference r = references.get(i);
                h.createUpdate("""
                                INSERT INTO article_references (article_id, position, text, doi, pmid, url)
                                VALUES (:id, :position, :text, :doi, :pmid, :url)""")
                        .bind("id", articleId).bind("position", i + 1).bindMethods(r).execute();
            }
        });
    }

    /** Keeps the text being replaced, with when and by whom it was saved. */
    void addRevision(Article previous) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO article_revisions (article_id, title, summary, body_md, created_at, saved_by)
                        VALUES (:id, :title, :summary, :body, :savedAt, :savedBy)""")
                .bind("id", previous.id()).bind("title", previous.title()).bind("summary", previous.summary())
                .bind("body", previous.bodyMarkdown()).bind("savedAt", previous.modifiedAt())
                .bind("savedBy", previous.savedBy()).execute());
    }

    List<Revision> revisions(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, title, summary, body_md, created_at, saved_by FROM article_revisions
                        WHERE article_id = :id ORDER BY created_at DESC, id DESC""")
                .bind("id", articleId)
                .map((rs, ctx) -> new Revision(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                        rs.getString("body_md"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("saved_by")))
                .list());
    }

    /** Points an old slug at an article; a slug that now names an article itself is left alone. */
    void addRedirect(String oldSlug, long articleId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO slug_redirects (old_slug, article_id, created_at) VALUES (:slug, :id, :now)
                        ON CONFLICT (old_slug) DO UPDATE SET article_id = excluded.article_id""")
                .bind("slug", oldSlug).bind("id", articleId).bind("now", now).execute());
    }

    void removeRedirect(String slug) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM slug_redirects WHERE old_slug = :slug").bind("slug", slug).execute());
    }

    List<ArticleCard> list(ArticleQuery query, Instant now, int limit, int offset) {
        if (query.filter() == ArticleQuery.Filter.CATEGORY && query.lang() == null) {
            return inCategory(query.id(), now, limit, offset);
        }
        if (query.filter() == ArticleQuery.Filter.CATEGORY) {
            return inCategoryIn(query, now, limit, offset);
        }
        return jdbi.withHandle(h -> bindFilter(h.createQuery("SELECT " + CARD_COLUMNS + LISTED + query.condition()
                        + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset"), query, now)
                .bind("limit", limit).bind("offset", offset)
                .map(ConstructorMapper.of(ArticleCard.class)).list());
    }

    List<ArticleCard> publishedBetween(Instant after, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CARD_COLUMNS + LISTED
                        + " AND a.published_at > :after ORDER BY a.published_at, a.id LIMIT :limit")
                .bind("after", after).bind("now", now).bind("limit", limit)
                .map(ConstructorMapper.of(ArticleCard.class)).list());
    }

    /**
     * A page of a category's list: the OFFSET is skipped inside article_categories_listing alone,
     * then only the page's articles are read (and checked again against the public rule).
     */
    private List<ArticleCard> inCategory(long categoryId, Instant now, int limit, int offset) {
        List<ArticleCard> found = jdbi.withHandle(h -> h.createQuery("SELECT " + CARD_COLUMNS + """
                         FROM (SELECT article_id FROM article_categories
                               WHERE category_id = :category AND listed_at <= :now
                               ORDER BY listed_at DESC, article_id DESC LIMIT :limit OFFSET :offset) picked
                        CROSS JOIN articles a WHERE a.id = picked.article_id AND\s""" + PUBLIC_POST)
                .bind("category", categoryId).bind("now", now).bind("limit", limit).bind("offset", offset)
                .map(ConstructorMapper.of(ArticleCard.class)).list());
        return found.stream().sorted(java.util.Comparator.comparing(ArticleCard::publishedAt).thenComparingLong(ArticleCard::id)
                .reversed()).toList();
    }

    /**
     * A page of a category's list in one language: the category's list read in its order
     * (article_categories_listing), each entry's article read by its key and kept when in the
     * language. No sort; the OFFSET costs an article read per entry skipped, which the list of all
     * languages avoids, so that list is the one used while the site has one language.
     */
    private List<ArticleCard> inCategoryIn(ArticleQuery query, Instant now, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CARD_COLUMNS + CATEGORY_IN_LANGUAGE
                        + " ORDER BY ac.listed_at DESC, ac.article_id DESC LIMIT :limit OFFSET :offset")
                .bind("category", query.id()).bind("now", now).bind("lang", query.lang().tag())
                .bind("limit", limit).bind("offset", offset)
                .map(ConstructorMapper.of(ArticleCard.class)).list());
    }

    private static final String CATEGORY_IN_LANGUAGE = " FROM article_categories ac CROSS JOIN articles a"
            + " WHERE ac.category_id = :category AND ac.listed_at <= :now AND a.id = ac.article_id"
            + " AND a.lang = :lang AND " + PUBLIC_POST;

    int count(ArticleQuery query, Instant now) {
        if (query.filter() == ArticleQuery.Filter.CATEGORY && query.lang() != null) {
            return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*)" + CATEGORY_IN_LANGUAGE)
                    .bind("category", query.id()).bind("now", now).bind("lang", query.lang().tag())
                    .mapTo(Integer.class).one());
        }
        if (query.filter() == ArticleQuery.Filter.CATEGORY) {
            return jdbi.withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM article_categories WHERE category_id = :category AND listed_at <= :now")
                    .bind("category", query.id()).bind("now", now).mapTo(Integer.class).one());
        }
        return jdbi.withHandle(h -> bindFilter(h.createQuery("SELECT COUNT(*)" + LISTED + query.condition()), query, now)
                .mapTo(Integer.class).one());
    }

    /** These articles with their references, in the order of the ids (a missing one is left out). */
    List<Article> byIdsWithReferences(List<Long> ids) {
        return byIdsWithReferences(ids, "SELECT * FROM articles");
    }

    /**
     * These articles, in the order of the ids, as a line of the evidence report reads them: kind,
     * title, status, dates, review, byline, disclosure, language, the original they translate, and
     * their references' identifiers (DOI, PMID) in order; the rest empty (slug, summary, image,
     * owner, key points, the text, a reference's text and address). With them the translation group
     * of each that translates or is translated (groupsOf), asked only for those. The CSV reads
     * 100,000: on SQLite from articles_report_line, articles_translation_of and
     * article_references_identifiers alone (V38), since each articles row holds its text before
     * these columns and reading them from the table walks the row's overflow pages; the columns by
     * position, the empty fields not read at all.
     */
    ArticleWriter.ForReport byIdsForReport(List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArticleWriter.ForReport(List.of(), java.util.Map.of());
        }
        java.util.Map<Long, List<Reference>> identifiers = new java.util.HashMap<>();
        java.util.Map<Long, Article> found = new java.util.HashMap<>();
        List<Long> grouped = new java.util.ArrayList<>();
        jdbi.useHandle(h -> {
            h.createQuery("SELECT article_id, doi, pmid FROM article_references" + indexedBy("article_references_identifiers")
                            + " WHERE article_id IN (<ids>) ORDER BY article_id, position")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), new Reference("", rs.getString(2), rs.getString(3), null)))
                    .forEach(e -> identifiers.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
            h.createQuery("SELECT a.id, a.kind, a.title, a.author_id, a.status, a.published_at, a.updated_at, a.reviewed_by,"
                            + " a.reviewed_on, a.disclosure, a.review_requested_at, a.deleted_at, a.modified_at, a.lang, a.translation_of,"
                            + " EXISTS (SELECT 1 FROM articles t WHERE t.translation_of = a.id) AS translated"
                            + " FROM articles a" + indexedBy("articles_report_line") + " WHERE a.id IN (<ids>)")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> {
                        Article a = reportHead(rs, identifiers);
                        if (a.translationOf() != null || rs.getBoolean(16)) {
                            grouped.add(a.id());
                        }
                        return a;
                    })
                    .forEach(a -> found.put(a.id(), a));
        });
        return new ArticleWriter.ForReport(ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList(),
                grouped.isEmpty() ? java.util.Map.of() : groupsOf(grouped));
    }

    private static Article reportHead(ResultSet rs, java.util.Map<Long, List<Reference>> identifiers) throws SQLException {
        long id = rs.getLong(1);
        String reviewedOn = rs.getString(9);
        return new Article(id, rs.getString(2), "", rs.getString(3), null, "", "", List.of(), "", nullableLong(rs, 4), null,
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), nullableInstant(rs, 7), rs.getString(8),
                reviewedOn == null ? null : LocalDate.parse(reviewedOn), rs.getString(10), false, nullableInstant(rs, 11),
                nullableInstant(rs, 12), Instant.ofEpochMilli(rs.getLong(13)), null, null,
                List.copyOf(identifiers.getOrDefault(id, List.of())), KeyPoints.NONE, new Language(rs.getString(14)),
                nullableLong(rs, 15));
    }

    private List<Article> byIdsWithReferences(List<Long> ids, String select) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, List<Reference>> references = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT article_id, text, doi, pmid, url FROM article_references WHERE article_id IN (<ids>) ORDER BY article_id, position")
                .bindList("ids", ids)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("article_id"), new Reference(rs.getString("text"),
                        rs.getString("doi"), rs.getString("pmid"), rs.getString("url"))))
                .forEach(e -> references.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue())));
        return byIdsWithoutReferences(ids, select).stream()
                .map(a -> withReferences(a, List.copyOf(references.getOrDefault(a.id(), List.of())))).toList();
    }

    /** These articles with their text and without their references (a feed's), in one statement, in the order of the ids. */
    List<Article> byIdsWithoutReferences(List<Long> ids) {
        return byIdsWithoutReferences(ids, "SELECT * FROM articles"); // map() gives each no references
    }

    /** These articles (as {@code select} reads them) without their references, in the order of the ids. */
    private List<Article> byIdsWithoutReferences(List<Long> ids, String select) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Article> found = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery(select + " WHERE id IN (<ids>)").bindList("ids", ids)
                .map((rs, ctx) -> map(rs)).forEach(a -> found.put(a.id(), a)));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The articles and pages changed at or after this moment, drafts included, and those whose
     * publishing time came between then and now, oldest change first, one at a time, so that
     * memory stays flat however many changed.
     */
    void forEachModifiedSince(Instant since, Instant now, java.util.function.Consumer<Article> action) {
        jdbi.useHandle(h -> {
            try (var rows = h.createQuery("""
                            SELECT * FROM articles
                            WHERE modified_at >= :since OR (status = 'published' AND published_at >= :since AND published_at <= :now)
                            ORDER BY modified_at, id""")
                    .bind("since", since).bind("now", now).map((rs, ctx) -> map(rs)).stream()) {
                rows.forEach(article -> action.accept(withReferences(article, List.of())));
            }
        });
    }

    /**
     * The next {@code limit} articles and pages changed after the change {@code (at, afterId)}, in
     * change order (modified_at, id): a keyset that a caller walks a page at a time, holding no
     * cursor open while it writes.
     */
    List<ArticleWriter.Change> changedAfter(Instant at, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, modified_at FROM articles
                        WHERE (modified_at, id) > (:at, :id)
                        ORDER BY modified_at, id LIMIT :limit""")
                .bind("at", at).bind("id", afterId).bind("limit", limit)
                .map((rs, ctx) -> new ArticleWriter.Change(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("modified_at"))))
                .list());
    }

    /** Calls back with every published article and page, one at a time, so that memory stays flat. */
    void forEachPublished(Instant now, java.util.function.Consumer<Article> action) {
        jdbi.useHandle(h -> {
            try (var rows = h.createQuery("SELECT * FROM articles WHERE status = 'published' AND published_at <= :now AND deleted_at IS NULL ORDER BY id")
                    .bind("now", now).map((rs, ctx) -> map(rs)).stream()) {
                rows.forEach(action);
            }
        });
    }

    /**
     * Public articles and pages in id order, the sitemap's order (an address keeps its file as
     * others are added), read from articles_sitemap alone: {@code <slice>} is replaced by what to
     * take from them.
     */
    private static final String PUBLIC_ADDRESSES = """
            SELECT id, slug, COALESCE(updated_at, published_at) AS changed
            FROM articles WHERE status = 'published' AND deleted_at IS NULL AND published_at <= :now
            ORDER BY id LIMIT :limit OFFSET :offset""";

    /** How many of the public addresses from {@code offset} (at most {@code limit}) there are, and the newest change among them. */
    PublishedArticles.PublicAddresses publicAddresses(Instant now, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS n, MAX(changed) AS newest FROM (" + PUBLIC_ADDRESSES
                        + ") slice")
                .bind("now", now).bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> new PublishedArticles.PublicAddresses(rs.getInt("n"),
                        Instant.ofEpochMilli(rs.getLong("newest"))))
                .one());
    }

    /** Calls back with each public address from {@code offset}, at most {@code limit}, as the rows come. */
    void forEachPublicAddress(Instant now, int offset, int limit, java.util.function.Consumer<PublishedArticles.Listed> action) {
        jdbi.useHandle(h -> {
            try (var rows = h.createQuery(PUBLIC_ADDRESSES).bind("now", now).bind("offset", offset).bind("limit", limit)
                    .map((rs, ctx) -> new PublishedArticles.Listed(rs.getLong("id"), rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("changed"))))
                    .stream()) {
                rows.forEach(action);
            }
        });
    }

    /** The ids of every article (not page) outside the trash, newest first. */
    List<Long> postIdsOutsideTrash() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM articles WHERE kind = 'post' AND deleted_at IS NULL ORDER BY published_at DESC, id DESC")
                .mapTo(Long.class).list());
    }

    /** Every reference with a DOI or PMID of a public article (not a page), by article and position. */
    List<PublishedArticles.CitedReference> publishedReferences(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, a.slug, a.title, r.position, r.text, r.doi, r.pmid FROM article_references r
                        JOIN articles a ON a.id = r.article_id
                        WHERE a.kind = 'post' AND a.status = 'published' AND a.published_at <= :now AND a.deleted_at IS NULL
                          AND (r.doi IS NOT NULL OR r.pmid IS NOT NULL)
                        ORDER BY a.id, r.position""")
                .bind("now", now)
                .map((rs, ctx) -> new PublishedArticles.CitedReference(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getInt("position"), new org.vertebra.content.Reference(rs.getString("text"), rs.getString("doi"),
                                rs.getString("pmid"), null)))
                .list());
    }

    private static final String DESK_COLUMNS = "a.id, a.kind, a.slug, a.title, a.status, a.published_at, a.modified_at,"
            + " a.saved_by, a.author_id, a.owner_user_id, a.review_requested_at, a.deleted_at, a.reviewed_on, a.lang";

    /** A page of the desk's shelf, newest change first; {@code ownerUserId} narrows it to one account's articles. */
    List<DeskRow> desk(Shelf shelf, Long ownerUserId, Instant now, java.time.LocalDate reviewDueBefore, int limit, int offset) {
        return jdbi.withHandle(h -> bindDesk(h.createQuery("SELECT " + DESK_COLUMNS + " FROM articles a WHERE "
                        + deskCondition(shelf, ownerUserId) + " ORDER BY a.modified_at DESC, a.id DESC LIMIT :limit OFFSET :offset"),
                        shelf, ownerUserId, now, reviewDueBefore)
                .bind("limit", limit).bind("offset", offset)
                .map(ConstructorMapper.of(DeskRow.class)).list());
    }

    int deskCount(Shelf shelf, Long ownerUserId, Instant now, java.time.LocalDate reviewDueBefore) {
        return jdbi.withHandle(h -> bindDesk(h.createQuery("SELECT COUNT(*) FROM articles a WHERE "
                        + deskCondition(shelf, ownerUserId)), shelf, ownerUserId, now, reviewDueBefore)
                .mapTo(Integer.class).one());
    }

    private static String deskCondition(Shelf shelf, Long ownerUserId) {
        return shelf.condition + (ownerUserId == null ? "" : " AND a.owner_user_id = :owner");
    }

    /** Binds only what the shelf's condition names: Jdbi refuses bindings a statement does not use. */
    private static Query bindDesk(Query query, Shelf shelf, Long ownerUserId, Instant now, java.time.LocalDate reviewDueBefore) {
        if (shelf.condition.contains(":now")) {
            query.bind("now", now);
        }
        if (shelf.condition.contains(":reviewDueBefore")) {
            query.bind("reviewDueBefore", reviewDueBefore.toString());
        }
        if (ownerUserId != null) {
            query.bind("owner", ownerUserId);
        }
        return query;
    }

    /**
     * The title as the desk's list searches and orders it (V25's title_key): lower-cased by Java's
     * rules, so that SQLite and PostgreSQL, whose lower() differ beyond ASCII, compare alike.
     */
    static String titleKey(String title) {
        return title.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A page of the desk's list: {@code limit} lines from the start, or after the line
     * {@code query.after()} (or, going back, before {@code query.before()}, returned in the list's
     * order), skipping {@code offset} lines first when asked for a page by number (from the start or
     * from a line the desk marked on its way down, see DeskListFigures). On SQLite the
     * order's own index is named: its planner would otherwise take an index that narrows by status
     * and then sort every match to show a page; except for a shelf that holds a few (drafts, the
     * trash), found through its own index and sorted.
     */
    List<DeskRow> deskList(DeskQuery query, Instant now, LocalDate reviewDueBefore, int offset, int limit) {
        DeskSort sort = query.sort();
        boolean back = query.after() == null && query.before() != null;
        Long from = back ? query.before() : query.after();
        return jdbi.withHandle(h -> {
            Optional<Object> key = from == null ? Optional.empty()
                    : h.createQuery("SELECT " + sort.column + " FROM articles a WHERE a.id = :id").bind("id", from)
                            .map((rs, ctx) -> rs.getObject(1)).findOne();
            boolean descending = sort.descending != back;
            String direction = descending ? " DESC" : "";
            boolean skip = offset > 0;
            String seek = key.isEmpty() ? ""
                    : " AND (" + sort.column + ", a.id) " + (descending ? "<" : ">") + " (:key, :keyId)";
            Query q = bindDeskList(h.createQuery("SELECT " + DESK_COLUMNS + " FROM articles a"
                    + (query.shelf().holdsAFew() ? "" : indexedBy(sort.index))
                    + " WHERE " + deskListCondition(query) + seek + " ORDER BY " + sort.column + direction + ", a.id"
                    + direction + " LIMIT :limit" + (skip ? " OFFSET :offset" : "")), query, now, reviewDueBefore)
                    .bind("limit", limit);
            key.ifPresent(k -> q.bind("key", k).bind("keyId", from));
            if (skip) {
                q.bind("offset", offset);
            }
            List<DeskRow> rows = new java.util.ArrayList<>(q.map(ConstructorMapper.of(DeskRow.class)).list());
            if (back) {
                java.util.Collections.reverse(rows);
            }
            return rows;
        });
    }

    /**
     * How many lines the desk's list has. Narrowed by more than its shelf, it counts inside the index
     * of the newest changes, which holds every column the list filters on, and stops at
     * {@code limit}: a filter that half the articles match would otherwise walk all of them.
     */
    int deskListCount(DeskQuery query, Instant now, LocalDate reviewDueBefore, int limit) {
        boolean narrowed = query.filtered() || query.ownerUserId() != null;
        if (!narrowed || query.shelf().holdsAFew()) {
            return jdbi.withHandle(h -> bindDeskList(h.createQuery("SELECT COUNT(*) FROM articles a WHERE "
                    + deskListCondition(query)), query, now, reviewDueBefore).mapTo(Integer.class).one());
        }
        return jdbi.withHandle(h -> bindDeskList(h.createQuery("SELECT COUNT(*) FROM (SELECT a.id FROM articles a"
                        + indexedBy(DeskSort.CHANGED.index) + " WHERE " + deskListCondition(query) + " LIMIT :countLimit) counted"),
                query, now, reviewDueBefore).bind("countLimit", limit).mapTo(Integer.class).one());
    }

    private String indexedBy(String index) {
        return sqlite ? " INDEXED BY " + index : "";
    }

    private static String deskListCondition(DeskQuery query) {
        StringBuilder sql = new StringBuilder(deskCondition(query.shelf(), query.ownerUserId()));
        if (query.titleContains() != null) {
            sql.append(" AND a.title_key LIKE :title ESCAPE '!'");
        }
        if (query.authorId() != null) {
            sql.append(" AND a.author_id = :author");
        }
        if (query.categoryId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_categories c WHERE c.article_id = a.id AND c.category_id = :category)");
        }
        if (query.missedBenchmarks() != 0) {
            sql.append(" AND (a.benchmarks_missed & :missed) <> 0");
        }
        return sql.toString();
    }

    private static Query bindDeskList(Query query, DeskQuery q, Instant now, LocalDate reviewDueBefore) {
        bindDesk(query, q.shelf(), q.ownerUserId(), now, reviewDueBefore);
        if (q.titleContains() != null) {
            query.bind("title", "%" + titleKey(q.titleContains()).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.authorId() != null) {
            query.bind("author", q.authorId());
        }
        if (q.categoryId() != null) {
            query.bind("category", q.categoryId());
        }
        if (q.missedBenchmarks() != 0) {
            query.bind("missed", q.missedBenchmarks());
        }
        return query;
    }

    /**
     * Keeps what the desk worked out from an article's text (its reading grade, the benchmarks it
     * missed) and its title's key, unless the article changed since they were worked out.
     */
    void recordChecks(List<ArticleWriter.Checked> checked) {
        if (checked.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    UPDATE articles SET reading_grade = :grade, benchmarks_missed = :missed, title_key = :titleKey
                    WHERE id = :id AND modified_at = :modifiedAt""");
            for (ArticleWriter.Checked c : checked) {
                batch.bind("grade", Double.isNaN(c.grade()) ? -1 : c.grade()).bind("missed", c.missedBenchmarks())
                        .bind("titleKey", titleKey(c.title())).bind("id", c.id()).bind("modifiedAt", c.modifiedAt()).add();
            }
            batch.execute();
        });
    }

    /** How many public articles (not pages) had a reading grade above this one when last worked out. */
    int countPublicAboveGrade(double grade, Instant now) {
        // The unary plus keeps SQLite in articles_public_grade, which holds the grade, rather than
        // articles_public, which would read every public article's row for it.
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM articles a WHERE a.kind = 'post' AND a.status = 'published'
                        AND a.deleted_at IS NULL AND a.reading_grade > :grade AND +a.published_at <= :now""")
                .bind("grade", grade).bind("now", now).mapTo(Integer.class).one());
    }

    void assignReviewer(long id, Long reviewerUserId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE articles SET reviewer_user_id = :reviewer WHERE id = :id")
                .bind("id", id).bind("reviewer", reviewerUserId).execute());
    }

    Optional<Long> reviewerOf(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT reviewer_user_id FROM articles WHERE id = :id")
                .bind("id", id).mapTo(Long.class).findOne());
    }

    /** Records a sign-off: the reviewer's name and the day, and the review is no longer waited for. */
    void signOff(long id, String reviewerName, java.time.LocalDate on, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE articles SET reviewed_by = :name, reviewed_on = :on, review_requested_at = NULL, modified_at = :now
                        WHERE id = :id""")
                .bind("id", id).bind("name", reviewerName).bind("on", on.toString()).bind("now", now).execute());
    }

    void addNote(long articleId, Long userId, String userName, String body, boolean signOff, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO article_notes (article_id, user_id, user_name, body, sign_off, created_at)
                        VALUES (:article, :user, :name, :body, :signOff, :now)""")
                .bind("article", articleId).bind("user", userId).bind("name", userName).bind("body", body)
                .bind("signOff", signOff).bind("now", now).execute());
    }

    List<ReviewNote> notes(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, user_id, user_name, body, sign_off, created_at FROM article_notes
                        WHERE article_id = :id ORDER BY created_at, id""")
                .bind("id", articleId).map(ConstructorMapper.of(ReviewNote.class)).list());
    }

    Optional<Instant> nextPublicationAfter(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT MIN(published_at) FROM articles
                        WHERE status = 'published' AND published_at > :now AND deleted_at IS NULL""")
                .bind("now", now).mapTo(Long.class).findOne()).map(Instant::ofEpochMilli);
    }

    private static Query bindFilter(Query query, ArticleQuery filter, Instant now) {
        query.bind("now", now);
        if (filter.condition().contains(":filterId")) {
            query.bind("filterId", filter.id());
        }
        if (filter.lang() != null) {
            query.bind("lang", filter.lang().tag());
        }
        return query;
    }

    private List<Reference> references(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT text, doi, pmid, url FROM article_references WHERE article_id = :id ORDER BY position")
                .bind("id", articleId).map(ConstructorMapper.of(Reference.class)).list());
    }

    static Article withReferences(Article a, List<Reference> references) {
        return new Article(a.id(), a.kind(), a.slug(), a.title(), a.summary(), a.bodyMarkdown(), a.bodyHtml(), a.toc(),
                a.plainText(), a.authorId(), a.imageId(), a.status(), a.publishedAt(), a.updatedAt(), a.reviewedBy(),
                a.reviewedOn(), a.disclosure(), a.demo(), a.reviewRequestedAt(), a.deletedAt(), a.modifiedAt(), a.ownerUserId(),
                a.savedBy(), references, a.keyPoints(), a.lang(), a.translationOf());
    }

    static Article map(ResultSet rs) throws SQLException {
        String reviewedOn = rs.getString("reviewed_on");
        long updated = rs.getLong("updated_at");
        Instant updatedAt = rs.wasNull() ? null : Instant.ofEpochMilli(updated);
        return new Article(rs.getLong("id"), rs.getString("kind"), rs.getString("slug"), rs.getString("title"),
                rs.getString("summary"), rs.getString("body_md"), rs.getString("body_html"), fromJson(rs.getString("toc_json")),
                rs.getString("plain_text"), nullableLong(rs, "author_id"), nullableLong(rs, "image_id"),
                rs.getString("status"), Instant.ofEpochMilli(rs.getLong("published_at")), updatedAt,
                rs.getString("reviewed_by"), reviewedOn == null ? null : LocalDate.parse(reviewedOn),
                rs.getString("disclosure"), rs.getBoolean("demo"), nullableInstant(rs, "review_requested_at"),
                nullableInstant(rs, "deleted_at"), Instant.ofEpochMilli(rs.getLong("modified_at")),
                nullableLong(rs, "owner_user_id"), rs.getString("saved_by"), List.of(),
                new KeyPoints(listFromJson(rs.getString("key_points_json")), listFromJson(rs.getString("actions_json"))),
                new Language(rs.getString("lang")), nullableLong(rs, "translation_of"));
    }

    private static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String toJson(List<TocEntry> toc) {
        try {
            return JSON.writeValueAsString(toc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a table of contents is always serialisable", e);
        }
    }

    /** NULL for an empty list, so that articles without key points look as they did before V29. */
    private static String listJson(List<String> items) {
        try {
            return items.isEmpty() ? null : JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always serialisable", e);
        }
    }

    private static List<String> listFromJson(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored key points are not valid JSON", e);
        }
    }

    private static List<TocEntry> fromJson(String json) {
        try {
            return JSON.readValue(json, TOC);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored table of contents is not valid JSON", e);
        }
    }

    /** An article or page that shows a library image, as {@link #usingImage} finds it. */
    record ImageUse(long id, String kind, String title, String status, boolean trashed, boolean featured, boolean inText) {
    }

    /**
     * The articles and pages (drafts and trash included) whose featured image is this media id, or
     * whose Markdown contains one of these addresses; the LIKE narrows, Java confirms the exact text.
     */
    List<ImageUse> usingImage(long mediaId, java.util.Collection<String> urls) {
        List<String> addresses = List.copyOf(urls);
        StringBuilder sql = new StringBuilder("SELECT id, kind, title, status, deleted_at, image_id, body_md FROM articles WHERE image_id = :id");
        for (int i = 0; i < addresses.size(); i++) {
            sql.append(" OR body_md LIKE :url").append(i).append(" ESCAPE '!'");
        }
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql + " ORDER BY title, id").bind("id", mediaId);
            for (int i = 0; i < addresses.size(); i++) {
                query.bind("url" + i, "%" + addresses.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            return query.map((rs, ctx) -> {
                String body = rs.getString("body_md");
                return new ImageUse(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("status"),
                        rs.getObject("deleted_at") != null, Long.valueOf(mediaId).equals(nullableLong(rs, "image_id")),
                        addresses.stream().anyMatch(body::contains));
            }).list().stream().filter(u -> u.featured() || u.inText()).toList();
        });
    }

    /** Clears the featured image of every article that has this one; counts as a modification. */
    int clearFeaturedImage(long mediaId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE articles SET image_id = NULL, modified_at = :now WHERE image_id = :id")
                .bind("id", mediaId).bind("now", now).execute());
    }
}
