package org.vertebra.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.content.ImageSize;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.content.RenderedBody;
import org.vertebra.data.ContentChanges;
import org.vertebra.language.Language;
import org.vertebra.trust.PublishRule;
import org.vertebra.trust.TrustPolicy;

/**
 * The write side of articles, for the desk, the editor and the importers: saving a draft
 * (rendering, references, revisions, old slugs), publishing, the trash, translations, review,
 * and reading articles as the desk sees them, drafts and trash included. What readers may see is
 * read through {@link PublishedArticles}. Callers own the transaction; see
 * {@link org.vertebra.data.Transactor}.
 */
public final class ArticleWriter {

    private final ArticleRepository repository;
    private final MarkdownRenderer renderer;
    private final ImageSize.Lookup imageSizes;
    private final ContentChanges changes;
    private final PublishRule publishRule;
    private final Clock clock;
    private final TranslationRule translations;
    private final Supplier<Language> siteLanguage;
    private final DeskListFigures deskFigures;

    /** @param publishRule what an article must meet to be published (disclosure, reading grade); asked on every save that publishes */
    public ArticleWriter(Jdbi jdbi, MarkdownRenderer renderer, ImageSize.Lookup imageSizes,
                       ContentChanges changes, PublishRule publishRule, Clock clock) {
        this(jdbi, renderer, imageSizes, changes, publishRule, () -> Language.ENGLISH, clock);
    }

    /** @param siteLanguage the site's language, which an article takes when its draft gives none */
    public ArticleWriter(Jdbi jdbi, MarkdownRenderer renderer, ImageSize.Lookup imageSizes,
                       ContentChanges changes, PublishRule publishRule, Supplier<Language> siteLanguage, Clock clock) {
        this.repository = new ArticleRepository(jdbi);
        this.translations = new TranslationRule(repository, siteLanguage);
        this.siteLanguage = siteLanguage;
        this.renderer = renderer;
        this.imageSizes = imageSizes;
        this.changes = changes;
        this.publishRule = publishRule;
        this.clock = clock;
        this.deskFigures = new DeskListFigures(changes::current, repository::nextPublicationAfter);
    }

    /**
     * Thrown by a save that would publish or schedule an article the publishing rule refuses
     * (no disclosure, a grade above the site's limit); nothing was saved.
     */
    public static final class NotPublishable extends RuntimeException {
        private final List<PublishRule.Refusal> refusals;

        public NotPublishable(List<PublishRule.Refusal> refusals) {
            super(refusals.get(0).message());
            this.refusals = List.copyOf(refusals);
        }

        public List<PublishRule.Refusal> refusals() {
            return refusals;
        }
    }

    /** Why this draft could not be published as it is; empty when it can (or when it is not meant to be). */
    public List<PublishRule.Refusal> publishRefusals(ArticleDraft draft) {
        return publishRefusals(draft, Optional.empty());
    }

    /** As {@link #publishRefusals(ArticleDraft)}, for a change to this stored article. */
    private List<PublishRule.Refusal> publishRefusals(ArticleDraft draft, Optional<Article> existing) {
        if (!Article.PUBLISHED.equals(draft.status())) {
            return List.of();
        }
        String published = existing.filter(Article::isPublished).map(Article::bodyMarkdown).orElse(null);
        return publishRule.refusals(Article.PAGE.equals(draft.kind()), draft.disclosure(), draft.markdown(), published,
                (draft.lang() != null ? draft.lang() : existing.map(Article::lang).orElseGet(siteLanguage)).tag());
    }

    /**
     * True when this text, in the language of this BCP 47 tag, reads above the site's grade limit
     * (a published fix that was let through).
     */
    public boolean aboveGradeLimit(String markdown, String lang) {
        return publishRule.aboveGradeLimit(markdown, lang);
    }

    /** The site's trust settings as they stand (default disclosure, grade limit), for the desk's checks. */
    public TrustPolicy trustPolicy() {
        return publishRule.policy();
    }

    /** What a save did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Saved(Article article, Outcome outcome) {
    }

    /** Who saved an imported text, in the revision history. */
    public static final String IMPORT = "import";

    /**
     * Creates the article with the draft's slug, or replaces the one that has it, keeping the
     * replaced text as a revision. When no article has the slug but one has a slug listed in
     * {@code redirectFrom}, that article is renamed and its old address redirects. For imports.
     */
    public Saved save(ArticleDraft draft) {
        Optional<Article> existing = repository.findBySlug(draft.slug());
        if (existing.isEmpty()) {
            existing = draft.redirectFrom().stream().map(repository::findBySlug)
                    .flatMap(Optional::stream).findFirst();
        }
        return persist(existing, draft, IMPORT, null);
    }

    /** Creates an article from the editor, owned by the account that wrote it. */
    public Saved create(ArticleDraft draft, String savedBy, long ownerUserId) {
        requireFreeSlug(draft.slug(), null);
        return persist(Optional.empty(), draft, savedBy, ownerUserId);
    }

    /**
     * Replaces the article with this id from the editor; a changed slug leaves the old one
     * redirecting. Throws {@link SlugTaken} when another article has the new slug.
     */
    public Saved update(long id, ArticleDraft draft, String savedBy) {
        Article previous = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no article " + id));
        requireFreeSlug(draft.slug(), id);
        return persist(Optional.of(previous), draft, savedBy, previous.ownerUserId());
    }

    /** Thrown when a slug asked for belongs to another article (perhaps one in the trash). */
    public static final class SlugTaken extends RuntimeException {
        public SlugTaken(String slug, boolean inTrash) {
            super("The address /" + slug + "/ belongs to another article" + (inTrash ? " in the trash" : "")
                    + ". Choose another slug.");
        }
    }

    private void requireFreeSlug(String slug, Long ownId) {
        Optional<Article> holder = repository.findBySlug(slug);
        if (holder.isPresent() && (ownId == null || holder.get().id() != ownId)) {
            throw new SlugTaken(slug, holder.get().isInTrash());
        }
    }

    private Saved persist(Optional<Article> existing, ArticleDraft draft, String savedBy, Long ownerUserId) {
        // The one place every publication passes: the desk, imports, restored revisions, schedules.
        List<PublishRule.Refusal> refusals = publishRefusals(draft, existing);
        if (!refusals.isEmpty()) {
            throw new NotPublishable(refusals);
        }
        draft = withPublishedDate(draft, existing);
        TranslationRule.Placement placement = translations.place(draft, existing);
        RenderedBody body = renderer.render(draft.markdown(), imageSizes, placement.lang());
        Outcome outcome;
        long id;
        if (existing.isPresent()) {
            Article previous = existing.get();
            id = previous.id();
            if (sameContent(previous, draft, body) && previous.lang().equals(placement.lang())
                    && Objects.equals(previous.translationOf(), placement.original())) {
                outcome = Outcome.UNCHANGED;
            } else {
                if (!previous.bodyMarkdown().equals(draft.markdown()) || !previous.title().equals(draft.title())
                        || !Objects.equals(previous.summary(), draft.summary())) {
                    repository.addRevision(previous);
                }
                repository.update(id, draft, placement.lang(), placement.original(), body, clock.instant(), savedBy);
                outcome = Outcome.UPDATED;
            }
            if (!previous.slug().equals(draft.slug())) {
                repository.addRedirect(previous.slug(), id, clock.instant());
            }
        } else {
            id = repository.insert(draft, placement.lang(), placement.original(), body, clock.instant(), savedBy, ownerUserId);
            outcome = Outcome.CREATED;
        }
        repository.removeRedirect(draft.slug());
        for (String old : draft.redirectFrom()) {
            if (!old.equals(draft.slug()) && repository.findBySlug(old).isEmpty()) {
                repository.addRedirect(old, id, clock.instant());
            }
        }
        repository.replaceReferences(id, body.references());
        changes.bump();
        return new Saved(repository.findById(id).orElseThrow(), outcome);
    }

    /** A draft without a publishing date keeps the article's date, or takes the present moment. */
    private ArticleDraft withPublishedDate(ArticleDraft d, Optional<Article> existing) {
        if (d.publishedAt() != null) {
            return d;
        }
        Instant published = existing.map(Article::publishedAt).orElse(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return d.withPublishedAt(published);
    }

    /** The site's language, which a new article takes when its draft names none. */
    public Language siteLanguage() {
        return siteLanguage.get();
    }

    /**
     * The article's translation group: its original and every translation, itself included, in
     * the order of their language tags; trash left out. Just itself when it has no translations.
     */
    public List<Translation> translations(Article article) {
        return repository.translationGroup(article.id());
    }

    /**
     * The translation group of each of these articles that translates or is translated (see
     * {@link #translations}), by id, for a page of the desk's list or of the evidence report: one
     * query for them all. An article alone in its group (or in the trash) has no entry.
     */
    public java.util.Map<Long, List<Translation>> translationGroups(List<Long> ids) {
        return repository.groupsOf(ids);
    }

    /** Any article by slug, drafts included, for the editorial side and tests. */
    public Optional<Article> bySlug(String slug) {
        return repository.findBySlug(slug);
    }

    /** Any article by id, drafts and trash included, for the editorial side. */
    public Optional<Article> byId(long id) {
        return repository.findById(id);
    }

    /** How long an article stays in the trash, restorable, before it is deleted for good. */
    public static final java.time.Duration TRASH_KEPT = java.time.Duration.ofDays(30);

    /** Puts the article in the trash: off the site at once, restorable for {@link #TRASH_KEPT}. */
    public void trash(long id) {
        if (repository.trash(id, clock.instant()) > 0) {
            changes.bump();
        }
    }

    /** Takes the article out of the trash, as it was before. */
    public void restore(long id) {
        if (repository.untrash(id, clock.instant()) > 0) {
            changes.bump();
        }
    }

    /** Deletes for good what has been in the trash longer than {@link #TRASH_KEPT}; returns how many. */
    public int purgeTrash() {
        int purged = repository.deleteTrashedBefore(clock.instant().minus(TRASH_KEPT));
        if (purged > 0) {
            changes.bump();
        }
        return purged;
    }

    /**
     * The articles and pages that show a library image: as their featured image, or in their text
     * at one of these addresses (the image's and its variants'). Drafts and trash count: they may
     * be published or restored. For the media library's "where it is used".
     */
    public List<org.vertebra.media.MediaUse> mediaUses(long mediaId, java.util.Collection<String> urls) {
        return repository.usingImage(mediaId, urls).stream().map(u -> new org.vertebra.media.MediaUse(u.title(),
                "/admin/articles/" + u.id() + "/edit/",
                (u.featured() && u.inText() ? "as the featured image and in the text" : u.featured() ? "as the featured image" : "in the text")
                        + (u.kind().equals("page") ? " of this page" : ""),
                u.trashed() ? "in the trash" : Article.DRAFT.equals(u.status()) ? "draft" : null)).toList();
    }

    /** Takes a library image that is being deleted off every article that has it as the featured image. */
    public void releaseFeaturedImage(long mediaId) {
        if (repository.clearFeaturedImage(mediaId, clock.instant()) > 0) {
            changes.bump();
        }
    }

    /** Keeps a post first on the home page (WordPress's sticky posts), or puts it back among the others by date. */
    public void stick(long id, boolean sticky) {
        if (repository.setSticky(id, sticky)) {
            changes.bump();
        }
    }

    public boolean isSticky(long id) {
        return repository.isSticky(id);
    }

    /** Marks a draft as waiting for review, or takes it back; no change to what readers see. */
    public void requestReview(long id, boolean requested) {
        repository.setReviewRequestedAt(id, requested ? clock.instant() : null);
    }

    /** How long a medical review stands before the article is listed as due for another. */
    public static final java.time.Period REVIEW_VALID = java.time.Period.ofMonths(12);

    /** A page of a desk shelf, newest change first; {@code ownerUserId} narrows it to one account's. */
    public Page<DeskRow> desk(Shelf shelf, Long ownerUserId, int page, int pageSize) {
        Instant now = clock.instant();
        java.time.LocalDate dueBefore = dueBefore(now);
        int total = countShelf(shelf, ownerUserId, now, dueBefore);
        List<DeskRow> rows = page < 1 ? List.of()
                : repository.desk(shelf, ownerUserId, now, dueBefore, pageSize, (page - 1) * pageSize);
        return new Page<>(rows, page, Math.max(1, (total + pageSize - 1) / pageSize), total);
    }

    private static java.time.LocalDate dueBefore(Instant now) {
        return java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minus(REVIEW_VALID);
    }

    private int countShelf(Shelf shelf, Long ownerUserId, Instant now, java.time.LocalDate dueBefore) {
        return deskFigures.count(new DeskQuery(shelf, ownerUserId, null, null, null, 0, DeskSort.CHANGED, null, null),
                dueBefore, Integer.MAX_VALUE, now, () -> repository.deskCount(shelf, ownerUserId, now, dueBefore));
    }

    /**
     * A page of the desk's articles list and how many lines it has in all: {@code nextAfter} names
     * the last line shown when there is a next page, {@code previousBefore} the first when there is a
     * previous one (null otherwise); the links to them seek from those lines.
     */
    public record DeskList(List<DeskRow> rows, int total, Long nextAfter, Long previousBefore) {

        /** False when more lines match than a filtered list counts ({@value #COUNTED}): {@code total} is then more than that. */
        public boolean countedAll() {
            return total <= COUNTED;
        }
    }

    /** How far the desk's filtered list counts its matches; beyond, it says "more than". */
    public static final int COUNTED = 1_000;

    /**
     * A page of the desk's list: after or before a line of it when the query names one, else the
     * {@code page}-th page of {@code pageSize} from the start (counted inside an index: bounded, but
     * following the links, which seek, is what stays fast however deep).
     */
    public DeskList deskList(DeskQuery query, int page, int pageSize) {
        Instant now = clock.instant();
        java.time.LocalDate dueBefore = dueBefore(now);
        boolean seek = query.after() != null || query.before() != null;
        int offset = seek ? 0 : (Math.max(1, page) - 1) * pageSize;
        // a page by number far down the list is sought from the nearest mark kept for this version
        org.vertebra.data.PageMarks.Start start = seek ? new org.vertebra.data.PageMarks.Start(null, 0)
                : deskFigures.start(query, dueBefore, offset, now, (after, skip) -> repository
                        .deskList(after == null ? query : query.from(after), now, dueBefore, skip, 1).stream()
                        .map(DeskRow::id).findFirst());
        DeskQuery asked = start.after() == null ? query : query.from(start.after());
        List<DeskRow> rows = repository.deskList(asked, now, dueBefore, start.skip(), pageSize + 1);
        boolean more = rows.size() > pageSize;
        boolean back = query.after() == null && query.before() != null;
        if (more) {
            rows = back ? rows.subList(1, rows.size()) : rows.subList(0, pageSize);
        }
        // a first page that holds every match has counted them: counting again would walk the index
        // once more (at 100,000 articles, a search that finds a handful walks all of it); an unfiltered
        // list is counted once per version of the articles
        int total = !seek && offset == 0 && !more ? rows.size() : deskFigures.count(query, dueBefore,
                query.filtered() || query.ownerUserId() != null ? COUNTED + 1 : Integer.MAX_VALUE, now,
                () -> repository.deskListCount(query, now, dueBefore, COUNTED + 1));
        if (rows.isEmpty()) {
            return new DeskList(rows, total, null, null);
        }
        boolean hasNext = back || more;
        boolean hasPrevious = back ? more : query.after() != null || offset > 0;
        return new DeskList(rows, total, hasNext ? rows.get(rows.size() - 1).id() : null,
                hasPrevious ? rows.get(0).id() : null);
    }

    /** What the desk worked out from an article as it was at {@code modifiedAt}. {@code grade} is NaN for a text without prose. */
    public record Checked(long id, Instant modifiedAt, String title, double grade, int missedBenchmarks) {
    }

    /**
     * Keeps the reading grade and the trust benchmarks missed that the desk worked out, for its list
     * and for {@link #countPublishedAboveGrade}; an article changed since is left for its next check.
     */
    public void recordChecks(List<Checked> checked) {
        repository.recordChecks(checked);
        deskFigures.checksRecorded();
    }

    /** How many lines a desk shelf has, for the admin's "waiting for you" links; {@code ownerUserId} narrows it to one account's. */
    public int deskCount(Shelf shelf, Long ownerUserId) {
        Instant now = clock.instant();
        return countShelf(shelf, ownerUserId, now, dueBefore(now));
    }

    /** Assigns the account that is to review the article medically (null: none). */
    public void assignReviewer(long id, Long reviewerUserId) {
        repository.assignReviewer(id, reviewerUserId);
    }

    public Optional<Long> reviewerOf(long id) {
        return repository.reviewerOf(id);
    }

    /** The reviewer signs off: the article shows "Medically reviewed by NAME on DATE" from now on. */
    public void signOff(long id, long reviewerUserId, String reviewerName, String note) {
        Instant now = clock.instant();
        repository.signOff(id, reviewerName, java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), now);
        repository.addNote(id, reviewerUserId, reviewerName, note == null || note.isBlank() ? "Signed off." : note, true, now);
        changes.bump();
    }

    /** A note on the draft for its writers and reviewer; readers never see it. */
    public void addNote(long id, long userId, String userName, String body) {
        repository.addNote(id, userId, userName, body, false, clock.instant());
    }

    public List<ReviewNote> notes(long id) {
        return repository.notes(id);
    }

    /** Sets the title and description search engines show, when they differ from the article's own (either may be null). */
    public void searchAppearance(long id, String title, String description) {
        repository.updateSearchAppearance(id, title, description);
        changes.bump();
    }

    /** The search title and description set for the article, if any. */
    public Optional<SearchAppearance> searchAppearance(long id) {
        return repository.searchAppearance(id);
    }

    public List<Revision> revisions(long articleId) {
        return repository.revisions(articleId);
    }

    /** An article or page's id and the moment it was last changed: a place in the change order. */
    public record Change(long id, Instant modifiedAt) {
    }

    /** The next {@code limit} articles and pages changed after this place in the change order (oldest change first). */
    public List<Change> changedAfter(Change after, int limit) {
        return repository.changedAfter(after.modifiedAt(), after.id(), limit);
    }

    /** These articles and pages with their references, in the order of the ids (a missing one is left out). */
    public List<Article> byIds(List<Long> ids) {
        return repository.byIdsWithReferences(ids);
    }

    /**
     * Articles as the evidence report's lines read them, in the order asked, with the translation
     * group of each that translates or is translated (an article alone has no entry).
     *
     * @param articles kind, title, status, dates, review, byline, disclosure, language, the original
     *                 they translate and their references' identifiers (DOI, PMID); slug, summary,
     *                 image, owner, key points, the text and a reference's text and address empty.
     *                 Anything worked out from the text, or shown of the rest, needs {@link #byIds}.
     */
    public record ForReport(List<Article> articles, java.util.Map<Long, List<Translation>> groups) {
    }

    /** These articles as a line of the evidence report reads them (see {@link ForReport}): one chunk of the CSV. */
    public ForReport byIdsForReport(List<Long> ids) {
        return repository.byIdsForReport(ids);
    }

    /**
     * Every article (not page) outside the trash, drafts included, with its references; for the
     * admin's evidence report. Read a chunk at a time as the list is walked (two queries a chunk,
     * not two an article), so that 100,000 articles do not have to fit in the heap together.
     */
    public List<Article> everyPost() {
        return new ArticlesReadInChunks(repository.postIdsOutsideTrash(), repository::byIdsWithReferences);
    }

    private static boolean sameContent(Article previous, ArticleDraft draft, RenderedBody body) {
        return previous.kind().equals(draft.kind()) && previous.slug().equals(draft.slug())
                && previous.title().equals(draft.title()) && Objects.equals(previous.summary(), draft.summary())
                && previous.bodyMarkdown().equals(draft.markdown()) && previous.bodyHtml().equals(body.html())
                && Objects.equals(previous.authorId(), draft.authorId()) && Objects.equals(previous.imageId(), draft.imageId())
                && previous.status().equals(draft.status()) && previous.publishedAt().equals(draft.publishedAt())
                && Objects.equals(previous.updatedAt(), draft.updatedAt())
                && Objects.equals(previous.reviewedBy(), draft.reviewedBy())
                && Objects.equals(previous.reviewedOn(), draft.reviewedOn())
                && Objects.equals(previous.disclosure(), draft.disclosure()) && previous.demo() == draft.demo()
                && previous.keyPoints().equals(draft.keyPoints());
    }}
