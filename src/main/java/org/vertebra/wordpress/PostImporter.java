package org.vertebra.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.article.ArticleWriter;
import org.vertebra.comment.CommentService;
import org.vertebra.content.Slugs;
import org.vertebra.data.Transactor;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.Tag;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.wordpress.WordPressReport.Outcome;

/**
 * The second pass over an export: each post and page, with its comments, becomes an article or
 * a page through {@link ArticleWriter} (so revisions and slug redirects work as for any import),
 * each under its own savepoint in a transaction per batch of items. Its old addresses are recorded for {@link LegacyUrls}.
 */
final class PostImporter {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> INTERNAL_TYPES = Set.of("revision", "customize_changeset", "oembed_cache", "wp_global_styles",
            "wp_template", "wp_template_part", "wp_navigation", "user_request", "custom_css", "wp_font_face", "wp_font_family");

    private final Transactor transactor;
    private final WordPressRepository repository;
    private final ArticleWriter articles;
    private final TaxonomyService taxonomy;
    private final CommentService comments;
    private final java.time.Clock clock;
    private final ImportRun run;
    /** What the report is to say about the current item, once its transaction has committed. */
    private final List<Runnable> later = new ArrayList<>();
    /** Items read and not yet imported: at most {@link #BATCH}, so memory does not grow with the export. */
    private final List<Prepared> batch = new ArrayList<>();
    /**
     * Translations read before their original (Polylang's order is any order): imported after
     * everything else, when the original is in and can be named as what they translate.
     */
    private final List<Prepared> waiting = new ArrayList<>();
    /** The WordPress ids of the posts accepted so far in this run, in the batch or before it. */
    private final Set<Long> accepted = new java.util.HashSet<>();
    static final int BATCH = 100;

    PostImporter(Transactor transactor, WordPressRepository repository, ArticleWriter articles, TaxonomyService taxonomy,
                 CommentService comments, java.time.Clock clock, ImportRun run) {
        this.transactor = transactor;
        this.repository = repository;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.comments = comments;
        this.clock = clock;
        this.run = run;
    }

    /**
     * An item with its HTML already turned into Markdown (the post's and its comments'), ready to
     * be written; {@code problem} is what the conversion threw, reported when its turn comes.
     */
    record Prepared(WxrItem item, PostContent.Converted content, Map<WxrComment, String> comments, RuntimeException problem) {
    }

    /**
     * Does the work that needs no database, so that it can run on another thread than the import:
     * {@link WordPressImporter} reads and converts ahead while the posts before are written.
     */
    static Prepared prepare(WxrItem item, ImportRun run) {
        if (!item.type().equals("post") && !item.type().equals("page")) {
            return new Prepared(item, null, Map.of(), null);
        }
        try {
            Map<WxrComment, String> comments = new IdentityHashMap<>();
            item.comments().forEach(c -> comments.put(c, PostContent.toMarkdown(c.content(), run.uploadLinks).markdown().strip()));
            return new Prepared(item, PostContent.toMarkdown(item.content(), run.uploadLinks, run.galleryImages(item.id())), comments, null);
        } catch (RuntimeException e) {
            return new Prepared(item, null, Map.of(), e);
        }
    }

    void accept(Prepared prepared) {
        WxrItem item = prepared.item();
        String type = item.type();
        if (type.equals("attachment") || INTERNAL_TYPES.contains(type)) {
            return;
        }
        if (type.equals("nav_menu_item")) {
            run.menuItems.add(item);
            return;
        }
        if (!type.equals("post") && !type.equals("page")) {
            run.report.skipped(type, item.id(), item.title(), "the post type '" + type + "' has no counterpart in Vertebra");
            return;
        }
        if (Set.of("trash", "auto-draft", "inherit").contains(item.status())) {
            run.report.skipped(type, item.id(), item.title(), "its status on WordPress was '" + item.status() + "'");
            return;
        }
        Long original = run.polylang.placement(item.id(), articles.siteLanguage()).originalPostId();
        if (original != null && !accepted.contains(original) && repository.mapped("post", original).isEmpty()) {
            waiting.add(prepared);
            return;
        }
        accepted.add(item.id());
        batch.add(prepared);
        if (batch.size() >= BATCH) {
            finish();
        }
    }

    /** Imports the last batch, then the translations that waited for their originals. */
    void finishAll() {
        finish();
        for (Prepared translation : waiting) {
            batch.add(translation);
            if (batch.size() >= BATCH) {
                finish();
            }
        }
        waiting.clear();
        finish();
    }

    /**
     * Imports the items waiting, in one transaction: each under a savepoint, so that a failing
     * one leaves nothing half-written and the others in. One commit per batch instead of per item
     * is most of a bulk import's speed on SQLite. The report hears of a batch once it committed.
     */
    void finish() {
        if (batch.isEmpty()) {
            return;
        }
        List<Runnable> reports = new ArrayList<>();
        try {
            transactor.run(() -> {
                reports.clear();
                batch.forEach(p -> importOne(p, reports));
            });
            reports.forEach(Runnable::run);
        } catch (RuntimeException e) {
            batch.forEach(p -> failed(p.item(), "not imported: " + e.getMessage()));
        } finally {
            batch.clear();
        }
    }

    private void importOne(Prepared prepared, List<Runnable> reports) {
        WxrItem item = prepared.item();
        later.clear();
        try {
            transactor.savepoint(() -> importPost(prepared));
            reports.addAll(later);
        } catch (Transactor.TransactionLost e) {
            throw e;
        } catch (ArticleWriter.SlugTaken | IllegalArgumentException | IllegalStateException | org.jdbi.v3.core.JdbiException e) {
            reports.add(() -> failed(item, e.getMessage()));
        } catch (RuntimeException e) {
            reports.add(() -> failed(item, "not imported: " + e.getMessage()));
        }
    }

    private void failed(WxrItem item, String why) {
        run.report.failed(item.type(), item.type() + " " + item.id() + " \"" + item.title() + "\" (line " + item.line() + "): " + why);
    }

    /** Whether everyone could read it on WordPress: published or scheduled, and not behind a password. */
    static boolean isPublic(WxrItem item) {
        return (item.status().equals("publish") || item.status().equals("future")) && !item.passwordProtected();
    }

    private void importPost(Prepared prepared) {
        WxrItem item = prepared.item();
        if (prepared.problem() != null) {
            throw prepared.problem();
        }
        String kind = item.type().equals("page") ? Article.PAGE : Article.POST;
        PostContent.Converted content = prepared.content();
        Optional<Long> existingId = repository.mapped("post", item.id());
        PolylangGroups.Placement placement = run.polylang.placement(item.id(), articles.siteLanguage());
        String originalSlug = placement.originalPostId() == null ? null
                : repository.mapped("post", placement.originalPostId()).flatMap(articles::byId).map(Article::slug).orElse(null);
        if (placement.originalPostId() != null && originalSlug == null) {
            later.add(() -> run.report.warning(item.type() + " " + item.id() + " translates post " + placement.originalPostId()
                    + " (Polylang), which was not imported: it comes in as an article of its own"));
        }
        String slug = freeSlug(item, existingId);
        // draft, pending (review requested below), private and password-protected posts are never public here
        String status = isPublic(item) ? Article.PUBLISHED : Article.DRAFT;
        String title = UntitledPosts.titleOf(item);
        ImportRun.Writer writer = run.writersByLogin.get(item.creator());
        ImportRun.Picture image = run.pictures.get(item.metaNumber("_thumbnail_id"));
        List<String> oldSlugs = item.metaValues("_wp_old_slug").stream().map(s -> Slugs.fromPath(s.strip()))
                .filter(s -> Slugs.isValid(s) && !s.equals(slug)).distinct().toList();
        String summary = item.excerpt().isBlank() ? null : item.excerpt().strip();
        ArticleDraft draft = publishableOrDraft(item, new ArticleDraft(kind, slug, title, summary, content.markdown(),
                writer == null ? null : writer.authorId(), image == null ? null : image.mediaId(), status,
                publishedAt(item), null, null, null, null, false, oldSlugs))
                .inLanguage(placement.lang(), originalSlug);
        ArticleWriter.Saved saved = existingId.flatMap(articles::byId)
                .map(a -> articles.update(a.id(), draft, ArticleWriter.IMPORT))
                .orElseGet(() -> writer == null ? articles.save(draft) : articles.create(draft, ArticleWriter.IMPORT, writer.userId()));
        long id = saved.article().id();
        repository.map("post", item.id(), id, clock.instant());
        articles.requestReview(id, item.status().equals("pending"));
        articles.stick(id, item.sticky() && kind.equals(Article.POST));
        taxonomy.assign(id, categoriesOf(item), tagsOf(item));
        searchAppearance(item, id);
        oldAddresses(item, id, oldSlugs, content.pages());
        importComments(prepared, id, saved.outcome() == ArticleWriter.Outcome.CREATED);
        content.unknownShortcodes().forEach(name -> later.add(() -> run.report.shortcode(name, "/" + slug + "/")));
        content.outsideImages().forEach(src -> later.add(() -> run.report.warning(item.type() + " " + item.id()
                + " shows an image that is not in the media library; it is a link now: " + src)));
        if (item.title().isBlank()) {
            later.add(() -> run.report.warning(item.type() + " " + item.id() + " at /" + slug + "/ had no title on WordPress;"
                    + " it is titled \"" + title + "\" here, for an editor to change"));
        }
        content.outsideFiles().forEach(src -> later.add(() -> run.report.warning(item.type() + " " + item.id() + " plays a file that is "
                + "not in the media library (on another host, or not imported); it is a link now: " + src)));
        if (item.status().equals("private")) {
            later.add(() -> run.report.warning(item.type() + " " + item.id() + " \"" + title
                    + "\" was private on WordPress: it is a draft here"));
        } else if (item.passwordProtected()) {
            later.add(() -> run.report.warning(item.type() + " " + item.id() + " \"" + title + "\" was protected by a password"
                    + " on WordPress: it is a draft here, so its text stays private (Vertebra has no password-protected articles)"));
        }
        Outcome outcome = switch (saved.outcome()) {
            case CREATED -> Outcome.CREATED;
            case UPDATED -> Outcome.UPDATED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
        later.add(() -> run.report.add(item.type(), outcome));
    }

    /**
     * A published post that the site's publishing rule refuses (no disclosure, own or site
     * default; above the highest reading grade) comes in as a draft, with the reason in the
     * report; once it is met, importing again publishes it.
     */
    private ArticleDraft publishableOrDraft(WxrItem item, ArticleDraft d) {
        var refusals = articles.publishRefusals(d);
        if (refusals.isEmpty()) {
            return d;
        }
        for (var r : refusals) {
            if (run.asDrafts && r.field().equals("disclosure")) {
                later.add(run.report::draftOnPurpose);
            } else {
                later.add(() -> run.report.warning(item.type() + " " + item.id() + " \"" + d.title()
                        + "\" is a draft here, not published: " + r.message()));
            }
        }
        return d.withStatus(Article.DRAFT);
    }

    /** The post's slug, unless another article has it: then the parent's slug before it (pages) or its WordPress id after. */
    private String freeSlug(WxrItem item, Optional<Long> ownId) {
        // WordPress keeps a slug in other scripts percent-encoded ("%e0%a4%95..."): the article keeps its letters.
        String given = Slugs.fromPath(item.slug());
        String wanted = Slugs.isValid(given) ? given : Slugs.of(item.title());
        if (wanted.isEmpty()) {
            wanted = item.type() + "-" + item.id();
        }
        List<String> candidates = new ArrayList<>(List.of(wanted));
        LegacyPaths.ofAddress(item.link()).filter(p -> p.chars().filter(c -> c == '/').count() > 2)
                .map(p -> Slugs.of(p.replace('/', ' '))).ifPresent(candidates::add);
        candidates.add(wanted + "-" + item.id());
        for (String candidate : candidates) {
            Optional<Article> holder = articles.bySlug(candidate);
            boolean ours = holder.isPresent() && ownId.isPresent() && holder.get().id() == ownId.get();
            if (!Slugs.isReserved(candidate) && (holder.isEmpty() || ours)) {
                if (!candidate.equals(wanted)) {
                    String taken = wanted;
                    later.add(() -> run.report.warning(item.type() + " " + item.id() + ": the address /" + taken + "/ was taken, so it is /"
                            + candidate + "/ (the old address still leads to it)"));
                }
                return candidate;
            }
        }
        throw new IllegalStateException("no free address for it: /" + wanted + "/ and the alternatives are taken");
    }

    /** The GMT date (scheduled posts become public then); a draft that has none keeps its local date, read as UTC. */
    private static Instant publishedAt(WxrItem item) {
        return date(item.postDateGmt()).or(() -> date(item.postDate())).orElse(null);
    }

    private static Optional<Instant> date(String text) {
        if (text.isBlank() || text.startsWith("0000")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip(), WP_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private List<Category> categoriesOf(WxrItem item) {
        Set<Category> all = new LinkedHashSet<>();
        item.categories().stream().filter(s -> !s.equals("uncategorized")).forEach(s -> all.addAll(run.withAncestors(s)));
        return List.copyOf(all);
    }

    private List<Tag> tagsOf(WxrItem item) {
        List<Tag> found = new ArrayList<>();
        item.tags().forEach((slug, name) -> {
            Tag tag = run.tags.get(slug);
            found.addAll(tag != null ? List.of(tag) : taxonomy.ensureTags(List.of(name)));
        });
        return found;
    }

    private void searchAppearance(WxrItem item, long id) {
        Optional<String> title = item.meta("_yoast_wpseo_title").or(() -> item.meta("rank_math_title"))
                .map(t -> SeoVariables.resolve(t, item.title(), run.siteTitle)).filter(t -> !t.isBlank());
        Optional<String> description = item.meta("_yoast_wpseo_metadesc").or(() -> item.meta("rank_math_description"))
                .map(t -> SeoVariables.resolve(t, item.title(), run.siteTitle)).filter(t -> !t.isBlank());
        if (title.isPresent() || description.isPresent()) {
            articles.searchAppearance(id, title.map(t -> cut(t, 500)).orElse(null), description.map(t -> cut(t, 1000)).orElse(null));
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Its permalink, /?p=ID (and /?page_id=ID), the dated permalink, and the same for each old slug;
     * for a post in pages, each page's address ({@code /slug/2/}) under the permalink, /%postname%/ and the dated one.
     */
    private void oldAddresses(WxrItem item, long id, List<String> oldSlugs, int pages) {
        Optional<String> permalink = LegacyPaths.ofAddress(item.link());
        permalink.ifPresent(p -> legacy(p, id));
        permalink.filter(p -> p.endsWith("/")).ifPresent(p -> pagesOf(p, pages, id));
        legacy(LegacyPaths.rootQuery("p", Long.toString(item.id())), id);
        if (item.type().equals("page")) {
            legacy(LegacyPaths.rootQuery("page_id", Long.toString(item.id())), id);
            return;
        }
        Optional<LocalDateTime> local = date(item.postDate()).map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        if (local.isPresent()) {
            String day = String.format("/%04d/%02d/%02d/", local.get().getYear(), local.get().getMonthValue(), local.get().getDayOfMonth());
            // Requests are looked up decoded: the export's percent-encoded slug is stored the same way.
            String slug = Slugs.fromPath(item.slug());
            legacy(day + slug + "/", id);
            pagesOf(day + slug + "/", pages, id);
            pagesOf("/" + slug + "/", pages, id); // the /%postname%/ form, whichever the export's links use
            oldSlugs.forEach(old -> legacy(day + old + "/", id));
            // Its attachments' pages under the dated permalinks (the export's links give the other form).
            run.attachmentsOf.getOrDefault(item.id(), Map.of()).forEach((attachment, url) ->
                    repository.legacy(day + slug + "/" + attachment + "/", null, url, clock.instant()));
        }
    }

    private void pagesOf(String path, int pages, long articleId) {
        for (int page = 2; page <= pages; page++) {
            legacy(path + page + "/", articleId);
        }
    }

    private void legacy(String path, long articleId) {
        repository.legacy(path, articleId, null, clock.instant());
    }

    /** Its comments, parents before replies; spam, trash, pingbacks and trackbacks are left out and reported. */
    private void importComments(Prepared prepared, long articleId, boolean newArticle) {
        WxrItem item = prepared.item();
        Map<Long, Long> stored = new HashMap<>();
        for (WxrComment c : item.comments().stream().sorted(Comparator.comparingLong(WxrComment::id)).toList()) {
            String who = "comment " + c.id() + " on " + item.type() + " " + item.id();
            if (c.approved().equals("spam") || c.approved().equals("trash")) {
                later.add(() -> run.report.skipped("comment", c.id(), "", "marked " + c.approved() + " on WordPress (" + who + ")"));
                continue;
            }
            if (c.type().equals("pingback") || c.type().equals("trackback")) {
                later.add(() -> run.report.skipped("comment", c.id(), "", "a " + c.type() + ", not a reader's comment (" + who + ")"));
                continue;
            }
            // A new article has no comments yet, whatever an earlier run recorded (its article may have been deleted since).
            Optional<Long> known = newArticle ? Optional.empty() : repository.mapped("comment", c.id());
            if (known.isPresent()) {
                stored.put(c.id(), known.get());
                later.add(() -> run.report.add("comment", Outcome.UNCHANGED));
                continue;
            }
            Long answered = c.parentId() == 0 ? null : stored.get(c.parentId());
            String markdown = prepared.comments().get(c);
            long id = comments.importComment(new CommentService.Imported(articleId, answered, c.author(), c.email(),
                    markdown.isEmpty() ? "(empty)" : markdown, c.approved().equals("1"),
                    c.userId() == 0 ? null : run.usersByWordPressId.get(c.userId()),
                    date(c.dateGmt()).orElse(clock.instant())));
            repository.map("comment", c.id(), id, clock.instant());
            stored.put(c.id(), id);
            later.add(() -> run.report.add("comment", Outcome.CREATED));
        }
    }
}
