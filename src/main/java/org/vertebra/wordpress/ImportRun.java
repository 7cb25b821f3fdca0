package org.vertebra.wordpress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.Tag;

/**
 * What one import run learns in its first pass and needs in its second: who each WordPress login
 * is now, where each category, tag and attachment went. One entry per author, term and file,
 * never per post, so memory stays small however many posts the export holds.
 */
final class ImportRun {

    /** A WordPress writer as they are in Vertebra: author profile and account. */
    record Writer(long authorId, long userId) {
    }

    /**
     * An attachment as it is in the media library: its alt text and caption (the attachment's
     * excerpt) as WordPress had them, and whether it is an image, which a gallery can show.
     */
    record Picture(long mediaId, String url, String alt, String caption, boolean image) {
    }

    final Path uploads;
    final WordPressReport report;
    final UploadLinks uploadLinks = new UploadLinks();
    final Map<String, Writer> writersByLogin = new HashMap<>();
    final Map<Long, Long> usersByWordPressId = new HashMap<>();
    final Map<String, Category> categories = new HashMap<>();
    final Map<String, String> categoryParents = new HashMap<>();
    final Map<String, Tag> tags = new HashMap<>();
    final Map<Long, Picture> pictures = new HashMap<>();
    /** The attachments of each post, by the post's WordPress id: their slugs and where their files are now. */
    final Map<Long, Map<String, String>> attachmentsOf = new HashMap<>();
    /** The images attached to each post, by the post's WordPress id, in the export's order: what a bare [gallery] shows. */
    final Map<Long, List<Long>> imagesOf = new HashMap<>();
    final List<String> writtenFiles = new ArrayList<>();
    /** Polylang's languages and translation groups, read in the first pass (empty for a site without it). */
    final PolylangGroups polylang = new PolylangGroups();
    /** The menu items of the export, imported once their posts and categories are in. */
    final List<WxrItem> menuItems = new ArrayList<>();
    /** Published posts without a disclosure come in as drafts because the person chose it (--as-drafts). */
    final boolean asDrafts;
    String siteTitle = "";
    String siteAddress = "";

    ImportRun(Path uploads, WordPressReport report, boolean asDrafts) {
        this.uploads = uploads;
        this.report = report;
        this.asDrafts = asDrafts;
    }

    /** The attachments a gallery in this post can show. */
    MediaShortcodes.Images galleryImages(long postId) {
        return new MediaShortcodes.Images() {
            @Override
            public java.util.Optional<Picture> byId(long attachmentId) {
                return java.util.Optional.ofNullable(pictures.get(attachmentId));
            }

            @Override
            public List<Picture> attachedTo(long id) {
                return imagesOf.getOrDefault(id == 0 ? postId : id, List.of()).stream().map(pictures::get).toList();
            }
        };
    }

    /** The category and those above it, nearest first (WordPress lists a post under its ancestors too). */
    List<Category> withAncestors(String slug) {
        List<Category> chain = new ArrayList<>();
        for (String s = slug; s != null && !s.isEmpty() && chain.size() < 20; s = categoryParents.get(s)) {
            Category c = categories.get(s);
            if (c != null && !chain.contains(c)) {
                chain.add(c);
            }
        }
        return chain;
    }

    /** /category/parent/child/, as WordPress addresses a nested category. */
    String categoryPath(String slug) {
        StringBuilder path = new StringBuilder(slug);
        int guard = 0;
        for (String up = categoryParents.get(slug); up != null && !up.isEmpty() && guard++ < 20; up = categoryParents.get(up)) {
            path.insert(0, up + "/");
        }
        return "/category/" + path + "/";
    }
}
