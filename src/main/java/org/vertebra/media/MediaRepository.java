package org.vertebra.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The media and media_variants tables. */
final class MediaRepository {

    private static final String COLUMNS =
            "id, path, original_name, content_type, byte_size, width, height, sha256, alt, animated";

    private final Jdbi jdbi;

    MediaRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<MediaItem> findBySha256(String sha256) {
        return one("WHERE sha256 = :value ORDER BY id LIMIT 1", sha256);
    }

    Optional<MediaItem> findById(long id) {
        return one("WHERE id = :value", id);
    }

    Optional<MediaItem> findByPath(String path) {
        return one("WHERE path = :value", path);
    }

    List<MediaItem> findByPaths(Collection<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> withVariants(h, h.createQuery("SELECT " + COLUMNS + " FROM media WHERE path IN (<paths>) ORDER BY id")
                .bindList("paths", List.copyOf(paths))
                .map((rs, ctx) -> map(rs, List.of()))
                .list()));
    }

    /** The items with these ids and their variants in one statement: a row per variant, or one for an item without. */
    List<MediaItem> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, MediaItem> items = new java.util.LinkedHashMap<>();
        Map<Long, List<MediaVariant>> variants = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT m.id, m.path, m.original_name, m.content_type, m.byte_size, m.width, m.height, m.sha256, m.alt,
                               m.animated, v.name AS v_name, v.path AS v_path, v.content_type AS v_content_type,
                               v.byte_size AS v_byte_size, v.width AS v_width, v.height AS v_height
                        FROM media m LEFT JOIN media_variants v ON v.media_id = m.id
                        WHERE m.id IN (<ids>) ORDER BY m.id, v.width""")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    if (!items.containsKey(id)) {
                        items.put(id, map(rs, List.of()));
                        variants.put(id, new java.util.ArrayList<>());
                    }
                    if (rs.getString("v_path") != null) {
                        variants.get(id).add(new MediaVariant(rs.getString("v_name"), rs.getString("v_path"),
                                rs.getString("v_content_type"), rs.getLong("v_byte_size"), rs.getInt("v_width"),
                                rs.getInt("v_height")));
                    }
                    return id;
                }).list());
        return items.values().stream().map(m -> new MediaItem(m.id(), m.path(), m.originalName(), m.contentType(),
                m.byteSize(), m.width(), m.height(), m.sha256(), m.alt(), m.animated(), variants.get(m.id()))).toList();
    }

    /** True when a stored original or variant already has this path. */
    boolean pathTaken(String path) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM media WHERE path = :path
                        UNION ALL SELECT COUNT(*) FROM media_variants WHERE path = :path""")
                .bind("path", path)
                .mapTo(Long.class)
                .list()).stream().anyMatch(n -> n > 0);
    }

    /** Stores an item and its variants in one transaction (joining the caller's, if any). */
    MediaItem insert(MediaItem item, Instant now) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                            INSERT INTO media (path, original_name, content_type, byte_size, width, height, sha256, alt,
                                               animated, created_at)
                            VALUES (:path, :originalName, :contentType, :byteSize, :width, :height, :sha256, :alt,
                                    :animated, :now)
                            RETURNING id""")
                    .bindMethods(item)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            for (MediaVariant variant : item.variants()) {
                h.createUpdate("""
                                INSERT INTO media_variants (media_id, name, path, content_type, byte_size, width, height)
                                VALUES (:id, :name, :path, :contentType, :byteSize, :width, :height)""")
                        .bind("id", id)
                        .bindMethods(variant)
                        .execute();
            }
            return new MediaItem(id, item.path(), item.originalName(), item.contentType(), item.byteSize(),
                    item.width(), item.height(), item.sha256(), item.alt(), item.animated(), item.variants());
        });
    }

    /** The selected library items newest first, a page at a time. */
    List<MediaLibrary.Entry> page(Selection selection, int limit, long offset) {
        return jdbi.withHandle(h -> {
            List<Map.Entry<MediaItem, Long>> rows = selection.bind(h.createQuery("SELECT " + COLUMNS
                            + ", created_at FROM media " + selection.where()
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"))
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map((rs, ctx) -> Map.entry(map(rs, List.of()), rs.getLong("created_at")))
                    .list();
            List<MediaItem> items = withVariants(h, rows.stream().map(Map.Entry::getKey).toList());
            return java.util.stream.IntStream.range(0, items.size())
                    .mapToObj(i -> new MediaLibrary.Entry(items.get(i), Instant.ofEpochMilli(rows.get(i).getValue())))
                    .toList();
        });
    }

    long count(Selection selection) {
        return jdbi.withHandle(h -> selection.bind(h.createQuery("SELECT COUNT(*) FROM media " + selection.where()))
                .mapTo(Long.class).one());
    }

    Optional<Instant> createdAt(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT created_at FROM media WHERE id = :id")
                .bind("id", id).mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** Deletes the item's row and its variants' (joining the caller's transaction). */
    void delete(long id) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM media_variants WHERE media_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM media WHERE id = :id").bind("id", id).execute();
        });
    }

    /**
     * Which items a page of the library shows: those whose file name or alt text contains
     * {@code search} when it is not blank, only those without alt text when asked, and only those
     * of {@code kind} when it is given (null: every kind).
     */
    record Selection(String search, boolean undescribedOnly, MediaKind kind) {

        String where() {
            List<String> conditions = new java.util.ArrayList<>();
            if (undescribedOnly) {
                conditions.add("(alt IS NULL OR TRIM(alt) = '')");
            }
            if (searching()) {
                // The stored name (heel-2.png), the uploaded one (Heel X-Ray.PNG) and the alt text, in any case.
                conditions.add("(LOWER(path) LIKE :search ESCAPE '!' OR LOWER(original_name) LIKE :search ESCAPE '!'"
                        + " OR LOWER(COALESCE(alt, '')) LIKE :search ESCAPE '!')");
            }
            if (kind != null) {
                conditions.add("content_type LIKE :kind");
            }
            return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        }

        org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query query) {
            if (searching()) {
                query.bind("search", pattern(search));
            }
            return kind == null ? query : query.bind("kind", kind.typePrefix() + "%");
        }

        private boolean searching() {
            return search != null && !search.isBlank();
        }
    }

    /** A LIKE pattern that finds the words as typed, with LIKE's own characters taken literally. */
    private static String pattern(String search) {
        String text = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    void updateAlt(long id, String alt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET alt = :alt WHERE id = :id").bind("alt", alt).bind("id", id).execute());
    }

    private Optional<MediaItem> one(String where, Object value) {
        return jdbi.withHandle(h -> withVariants(h, h.createQuery("SELECT " + COLUMNS + " FROM media " + where)
                .bind("value", value)
                .map((rs, ctx) -> map(rs, List.of()))
                .list())).stream().findFirst();
    }

    private static List<MediaItem> withVariants(Handle h, List<MediaItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, List<MediaVariant>> byItem = h.createQuery("""
                        SELECT media_id, name, path, content_type, byte_size, width, height FROM media_variants
                        WHERE media_id IN (<ids>) ORDER BY media_id, width""")
                .bindList("ids", items.stream().map(MediaItem::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("media_id"), new MediaVariant(rs.getString("name"),
                        rs.getString("path"), rs.getString("content_type"), rs.getLong("byte_size"), rs.getInt("width"),
                        rs.getInt("height"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return items.stream().map(m -> new MediaItem(m.id(), m.path(), m.originalName(), m.contentType(), m.byteSize(),
                m.width(), m.height(), m.sha256(), m.alt(), m.animated(), byItem.getOrDefault(m.id(), List.of())))
                .collect(Collectors.toList());
    }

    private static MediaItem map(ResultSet rs, List<MediaVariant> variants) throws SQLException {
        return new MediaItem(rs.getLong("id"), rs.getString("path"), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("byte_size"),
                rs.getObject("width") == null ? null : rs.getInt("width"),
                rs.getObject("height") == null ? null : rs.getInt("height"),
                rs.getString("sha256"), rs.getString("alt"), rs.getBoolean("animated"), variants);
    }
}
