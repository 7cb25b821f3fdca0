package org.vertebra.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vertebra.access.AccountRole;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.User;
import org.vertebra.account.AccountService;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.EditorialStatus;
import org.vertebra.article.ReviewNote;
import org.vertebra.article.Revision;
import org.vertebra.article.RevisionDiff;
import org.vertebra.article.Shelf;
import org.vertebra.article.Translation;
import org.vertebra.article.TranslationRefused;
import org.vertebra.author.AuthorService;
import org.vertebra.data.Transactor;
import org.vertebra.form.FieldProblem;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaLibrary;
import org.vertebra.pemat.PematService;
import org.vertebra.pemat.PematSheet;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.Tag;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.trust.PublishRule;

/**
 * The editorial desk: who may write, change, publish, schedule, trash and restore which article,
 * and what must be true before an article goes public. Every change is one transaction; a refused
 * change throws {@link DeskProblem} and changes nothing. Knows nothing of HTTP.
 */
public final class EditorialDesk {

    public static final int PAGE_SIZE = 25;

    private final Transactor transactor;
    private final ArticleWriter articles;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final MediaLibrary media;
    private final AccountService accounts;
    private final PematService pemat;
    private final PublishRule publishRule;
    private final Clock clock;
    private final List<java.util.function.Consumer<Article>> savedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EditorialDesk(Transactor transactor, ArticleWriter articles, TaxonomyService taxonomy, AuthorService authors,
                         MediaLibrary media, AccountService accounts, PematService pemat, Clock clock) {
        this.pemat = pemat;
        this.publishRule = new PublishRule(articles::trustPolicy);
        this.transactor = transactor;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.media = media;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Lets another feature act on an article after a save from the desk is committed (the retraction checks). */
    public void onSaved(java.util.function.Consumer<Article> listener) {
        savedListeners.add(listener);
    }

    private Article saved(Article article) {
        savedListeners.forEach(listener -> listener.accept(article));
        return article;
    }

    /** An article as the desk shows it to one person, with what that person may do to it. */
    public record Opened(Article article, List<String> categories, List<String> tags, EditorialStatus status,
                         boolean mayEdit, boolean mayPublish, boolean mayReview, Long reviewerUserId,
                         List<ReviewNote> notes, boolean sticky, List<Translation> translations) {

        /** The slug of the original this article translates; null when it is an original. */
        public String originalSlug() {
            return translations.stream().filter(t -> t.original() && t.id() != article.id()).map(Translation::slug)
                    .findFirst().orElse(null);
        }
    }

    /**
     * A page of the articles list for this person, authors see their own articles,
     * everyone else all of them, or only their own when they ask.
     */
    public ArticleWriter.DeskList list(User actor, org.vertebra.article.DeskQuery query, boolean onlyMine, int page) {
        boolean seesAll = actor.may(Action.EDIT_ANY_ARTICLE) || actor.may(Action.REVIEW_ARTICLES);
        return articles.deskList(query.ownedBy(onlyMine || !seesAll ? actor.id() : null), page, PAGE_SIZE);
    }

    public Opened open(User actor, long id) {
        Article article = find(id);
        boolean mayEdit = Permission.mayEditArticle(actor, article.ownerUserId());
        if (!mayEdit && !actor.may(Action.REVIEW_ARTICLES)) {
            throw DeskProblem.notAllowed("This article belongs to someone else; an editor can open it.");
        }
        return new Opened(article, taxonomy.categoriesOf(id).stream().map(Category::name).toList(),
                taxonomy.tagsOf(id).stream().map(Tag::name).toList(), article.editorialStatus(clock.instant()),
                mayEdit && !article.isInTrash(), actor.may(Action.PUBLISH_ARTICLES), actor.may(Action.REVIEW_ARTICLES),
                articles.reviewerOf(id).orElse(null), articles.notes(id), articles.isSticky(id), articles.translations(article));
    }

    /** The site's language: what a text is measured in when its form names none. */
    public org.vertebra.language.Language siteLanguage() {
        return articles.siteLanguage();
    }

    /** Creates an article or page owned by the writer; returns it as saved. */
    public Article create(User actor, ArticleEdit edit) {
        requireMay(actor, Action.WRITE_ARTICLES, "Your role cannot write articles.");
        requirePublishingRights(actor, edit.intent(), false);
        requireReferencesExist(edit);
        requirePematMinimum(edit, null, false);
        return saved(transactor.inTransaction(() -> {
            Article saved;
            try {
                saved = articles.create(draft(edit, Optional.empty()), actor.name(), actor.id()).article();
            } catch (ArticleWriter.SlugTaken e) {
                throw DeskProblem.invalid("slug", e.getMessage());
            } catch (ArticleWriter.NotPublishable e) {
                throw notPublishable(e);
            } catch (TranslationRefused e) {
                throw DeskProblem.invalid(e.field(), e.getMessage());
            }
            afterSave(saved.id(), edit, actor);
            return articles.byId(saved.id()).orElseThrow();
        }));
    }

    /** Saves the writer's changes to an article, and publishes, schedules or unpublishes it as asked. */
    public Article update(User actor, long id, ArticleEdit edit) {
        Article previous = find(id);
        requireEditable(actor, previous);
        requirePublishingRights(actor, edit.intent(), previous.isPublished());
        if (edit.seenModifiedAt() != null && !edit.seenModifiedAt().equals(previous.modifiedAt())) {
            throw DeskProblem.conflict((previous.savedBy() == null ? "Someone" : previous.savedBy())
                    + " changed this article after you opened it. Your text is still in the form below: copy what you"
                    + " need, open the article again, and make your changes there.");
        }
        requireReferencesExist(edit);
        requirePematMinimum(edit, id, previous.isPublished());
        return saved(transactor.inTransaction(() -> {
            try {
                articles.update(id, draft(edit, Optional.of(previous)), actor.name());
            } catch (ArticleWriter.SlugTaken e) {
                throw DeskProblem.invalid("slug", e.getMessage());
            } catch (ArticleWriter.NotPublishable e) {
                throw notPublishable(e);
            } catch (TranslationRefused e) {
                throw DeskProblem.invalid(e.field(), e.getMessage());
            }
            afterSave(id, edit, actor);
            return articles.byId(id).orElseThrow();
        }));
    }

    /**
     * Keeps the writer's text when publishing was refused for something the writer must fix (a
     * missing disclosure, an image without a description): a new or unpublished article is saved as
     * a draft, so nothing typed is lost; a published article is left as it is, so its public text
     * never changes through a refused publish. Empty when there was nothing to keep, or the draft
     * itself could not be saved.
     */
    public Optional<Article> keepDraftOfRefusedPublish(User actor, Long id, ArticleEdit edit, DeskProblem refusal) {
        if (edit.intent() != ArticleEdit.Intent.PUBLISH || refusal.status() != 422) {
            return Optional.empty();
        }
        if (id != null && find(id).isPublished()) {
            return Optional.empty();
        }
        try {
            ArticleEdit draft = edit.withIntent(ArticleEdit.Intent.SAVE);
            return Optional.of(id == null ? create(actor, draft) : update(actor, id, draft));
        } catch (DeskProblem stillRefused) {
            return Optional.empty();
        }
    }

    /** Puts the article in the trash (off the site at once); it can be restored for 30 days. */
    public void trash(User actor, long id) {
        Article article = find(id);
        requireEditable(actor, article);
        if (article.isPublished()) {
            requireMay(actor, Action.PUBLISH_ARTICLES, "Only an editor can take a published article off the site.");
        }
        transactor.run(() -> articles.trash(id));
    }

    public void restore(User actor, long id) {
        Article article = find(id);
        if (!Permission.mayEditArticle(actor, article.ownerUserId())) {
            throw DeskProblem.notAllowed("This article belongs to someone else; an editor can restore it.");
        }
        transactor.run(() -> articles.restore(id));
    }

    /** The earlier texts of an article, newest first. */
    public List<Revision> revisions(User actor, long id) {
        open(actor, id);
        return articles.revisions(id);
    }

    /** A side-by-side comparison of two texts of the article: revision ids, or null for the current text. */
    public List<RevisionDiff.Row> compare(User actor, long id, Long fromRevision, Long toRevision) {
        Article article = open(actor, id).article();
        List<Revision> revisions = articles.revisions(id);
        return RevisionDiff.between(text(article, revisions, fromRevision), text(article, revisions, toRevision));
    }

    /** Makes an earlier text the current one again; the text it replaces becomes a revision itself. */
    public Article restoreRevision(User actor, long id, long revisionId) {
        Article current = find(id);
        requireEditable(actor, current);
        if (current.isPublished()) {
            requireMay(actor, Action.PUBLISH_ARTICLES, "Only an editor can change the text of a published article.");
        }
        Revision revision = articles.revisions(id).stream().filter(r -> r.id() == revisionId).findFirst()
                .orElseThrow(() -> DeskProblem.invalid(null, "That revision does not belong to this article."));
        ArticleDraft draft = new ArticleDraft(current.kind(), current.slug(), revision.title(), revision.summary(),
                revision.bodyMarkdown(), current.authorId(), current.imageId(), current.status(), current.publishedAt(),
                current.isPublished() ? clock.instant() : current.updatedAt(), current.reviewedBy(), current.reviewedOn(),
                current.disclosure(), current.demo(), List.of(), current.keyPoints())
                .inLanguage(current.lang(), current.translationOf() == null ? null
                        : articles.byId(current.translationOf()).map(Article::slug).orElse(null));
        try {
            return transactor.inTransaction(() -> articles.update(id, draft, actor.name()).article());
        } catch (ArticleWriter.NotPublishable e) {
            throw notPublishable(e);
        }
    }

    /** The publishing rule's refusals, each on the field that fixes it. */
    private static DeskProblem notPublishable(ArticleWriter.NotPublishable e) {
        return DeskProblem.invalid(e.refusals().stream().map(r -> new FieldProblem(r.field(), r.message())).toList());
    }

    /** Assigns a medical reviewer (an account with the reviewer role); for editors. */
    public void assignReviewer(User actor, long id, Long reviewerUserId) {
        find(id);
        requireMay(actor, Action.EDIT_ANY_ARTICLE, "Only an editor can assign a reviewer.");
        if (reviewerUserId != null && accounts.user(reviewerUserId).filter(u -> u.role() == AccountRole.REVIEWER).isEmpty()) {
            throw DeskProblem.invalid("reviewer", "Choose one of the medical reviewers.");
        }
        transactor.run(() -> articles.assignReviewer(id, reviewerUserId));
    }

    /** The medical reviewer signs the article off; it then shows who reviewed it, and when. */
    public void signOff(User actor, long id, String note) {
        find(id);
        requireMay(actor, Action.REVIEW_ARTICLES, "Only a medical reviewer can sign off an article.");
        Long assigned = articles.reviewerOf(id).orElse(null);
        if (assigned != null && assigned != actor.id()) {
            throw DeskProblem.notAllowed("Another reviewer is assigned to this article.");
        }
        transactor.run(() -> articles.signOff(id, actor.id(), actor.name(), clean(note)));
    }

    /** A note on the draft from its reviewer or one of its writers. */
    public void addNote(User actor, long id, String body) {
        open(actor, id);
        String text = clean(body);
        if (text == null) {
            throw DeskProblem.invalid("note", "Write the note before sending it.");
        }
        if (text.length() > 5_000) {
            throw DeskProblem.invalid("note", "Keep a note under 5,000 characters.");
        }
        transactor.run(() -> articles.addNote(id, actor.id(), actor.name(), text));
    }

    /** What waits for this person on the desk, as shelves with how many articles are on them. */
    public List<org.vertebra.layout.MenuLink> waiting(User actor) {
        List<org.vertebra.layout.MenuLink> links = new java.util.ArrayList<>();
        boolean oversees = actor.may(Action.EDIT_ANY_ARTICLE) || actor.may(Action.REVIEW_ARTICLES);
        if (oversees) {
            add(links, articles.deskCount(Shelf.IN_REVIEW, null), "%d waiting for review", Shelf.IN_REVIEW);
            add(links, articles.deskCount(Shelf.REVIEW_DUE, null),
                    "%d due for medical review (reviewed over 12 months ago, or never)", Shelf.REVIEW_DUE);
        }
        if (actor.may(Action.WRITE_ARTICLES)) {
            add(links, articles.deskCount(Shelf.DRAFTS, actor.id()), "%d of your drafts", Shelf.DRAFTS);
            add(links, articles.deskCount(Shelf.SCHEDULED, oversees ? null : actor.id()), "%d scheduled to appear",
                    Shelf.SCHEDULED);
        }
        return links;
    }

    private static void add(List<org.vertebra.layout.MenuLink> links, int count, String what, Shelf shelf) {
        if (count > 0) {
            links.add(new org.vertebra.layout.MenuLink(String.format(what, count),
                    "/admin/articles/?shelf=" + shelf.key(), false));
        }
    }

    /**
     * The four benchmarks for an article as the editor has it: the byline and disclosure chosen in
     * the form, its references and evidence check, and the review recorded on the saved article
     * ({@code saved} null for a new one).
     */
    public org.vertebra.trust.TrustReport benchmarks(Article saved, Long authorId, String disclosure,
                                                     List<org.vertebra.content.Reference> references,
                                                     org.vertebra.evidence.EvidenceReport evidence) {
        return benchmarks(saved, authorId == null ? null : authors.byId(authorId).orElse(null), articles.trustPolicy(),
                disclosure, references, evidence);
    }

    /**
     * The four benchmarks of several stored articles with the same evidence check (a chunk of the
     * evidence report, whose text's findings are stored apart), by article: their bylines read in
     * one query and the site's policy once, not both for each article.
     */
    public java.util.Map<Long, org.vertebra.trust.TrustReport> benchmarks(List<Article> saved,
                                                                        org.vertebra.evidence.EvidenceReport evidence) {
        java.util.Map<Long, org.vertebra.author.Author> bylines = new java.util.HashMap<>();
        authors.byIds(saved.stream().map(Article::authorId).filter(Objects::nonNull).distinct().toList())
                .forEach(a -> bylines.put(a.id(), a));
        org.vertebra.trust.TrustPolicy policy = articles.trustPolicy();
        java.util.Map<Long, org.vertebra.trust.TrustReport> reports = new java.util.HashMap<>();
        for (Article a : saved) {
            reports.put(a.id(), benchmarks(a, a.authorId() == null ? null : bylines.get(a.authorId()), policy,
                    a.disclosure(), a.references(), evidence));
        }
        return reports;
    }

    private org.vertebra.trust.TrustReport benchmarks(Article saved, org.vertebra.author.Author author,
                                                      org.vertebra.trust.TrustPolicy policy, String disclosure,
                                                      List<org.vertebra.content.Reference> references,
                                                      org.vertebra.evidence.EvidenceReport evidence) {
        return org.vertebra.trust.TrustCheck.of(new org.vertebra.trust.TrustSubject(
                author == null ? null : author.name(), author == null ? null : author.credentials(),
                author == null ? null : author.url(), saved == null ? null : saved.reviewedBy(),
                saved == null ? null : saved.reviewedOn(), policy.disclosureFor(disclosure), references, evidence,
                saved == null ? clock.instant() : saved.publishedAt(), saved == null ? null : saved.updatedAt()),
                java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
    }

    /** The benchmarks a stored article misses, by label, for the desk's list ("Disclosure, Currency"); empty for pages. */
    public List<String> missedBenchmarks(long id) {
        return articles.byId(id).filter(a -> !a.isPage())
                .map(a -> benchmarks(a, a.authorId(), a.disclosure(), a.references(),
                        org.vertebra.evidence.EvidenceCheck.of(a.bodyMarkdown(), a.references())).missed().stream()
                        .map(r -> r.benchmark().label()).toList())
                .orElse(List.of());
    }

    /**
     * The author profile this person writes under, chosen on a new article. A writer without one
     * gets one made from the account's name (or the profile of that name) and linked to it, so a
     * new article is never "No byline" by default.
     */
    public Optional<Long> bylineOf(User actor) {
        Optional<Long> linked = accounts.linkedAuthorId(actor.id());
        if (linked.isPresent() || !actor.may(Action.WRITE_ARTICLES) || actor.name() == null || actor.name().isBlank()) {
            return linked;
        }
        return Optional.of(transactor.inTransaction(() -> {
            long authorId = authors.ensure(actor.name().strip()).id();
            accounts.linkAuthor(actor.id(), authorId);
            return authorId;
        }));
    }

    /** True when a saved article reads above the site's grade limit (allowed for fixes to published ones). */
    public boolean aboveGradeLimit(Article article) {
        return articles.aboveGradeLimit(article.bodyMarkdown(), article.lang().tag());
    }

    /** The accounts that may be assigned as medical reviewers. */
    public List<User> reviewers() {
        return accounts.users().stream().filter(u -> u.role() == AccountRole.REVIEWER && !u.disabled()).toList();
    }

    private ArticleDraft draft(ArticleEdit edit, Optional<Article> previous) {
        boolean publish = switch (edit.intent()) {
            case PUBLISH -> true;
            case UNPUBLISH, REQUEST_REVIEW -> false;
            case SAVE -> previous.map(Article::isPublished).orElse(false);
        };
        if (publish) {
            requirePublishable(edit);
        }
        Instant publishedAt = edit.publishAt() != null ? edit.publishAt()
                : previous.filter(Article::isPublished).map(Article::publishedAt).orElse(clock.instant());
        // A published article whose text changes shows when it was updated.
        Instant updatedAt = previous.filter(p -> p.isPublicAt(clock.instant()) && publish
                && !p.bodyMarkdown().equals(edit.markdown())).map(p -> clock.instant())
                .orElse(previous.map(Article::updatedAt).orElse(null));
        return new ArticleDraft(edit.kind(), edit.slug(), edit.title(), edit.summary(), edit.markdown(), edit.authorId(),
                edit.imageId(), publish ? Article.PUBLISHED : Article.DRAFT, publishedAt, updatedAt,
                previous.map(Article::reviewedBy).orElse(null), previous.map(Article::reviewedOn).orElse(null),
                edit.disclosure(), previous.map(Article::demo).orElse(false), List.of(), edit.keyPoints())
                .inLanguage(edit.lang(), edit.translationOf());
    }

    private void afterSave(long id, ArticleEdit edit, User actor) {
        if (edit.pematAnswers() != null && !Article.PAGE.equals(edit.kind())) {
            pemat.saveAnswers(id, edit.pematAnswers(), actor.name());
        }
        taxonomy.assign(id, taxonomy.ensureCategories(edit.categories()), taxonomy.ensureTags(edit.tags()));
        articles.stick(id, edit.sticky());
        switch (edit.intent()) {
            case REQUEST_REVIEW -> articles.requestReview(id, true);
            case PUBLISH, UNPUBLISH -> articles.requestReview(id, false);
            case SAVE -> { }
        }
    }

    /** What must be true before readers may see an article. */
    private void requirePublishable(ArticleEdit edit) {
        List<MediaItem> undescribed = media.missingAltText(edit.imageId(), edit.markdown());
        if (!undescribed.isEmpty()) {
            throw DeskProblem.invalid("markdown", "Describe every image before publishing: "
                    + String.join(", ", undescribed.stream().map(MediaItem::url).toList())
                    + " has no description (alt text) in the media library.");
        }
        if (edit.markdown().isBlank()) {
            throw DeskProblem.invalid("markdown", "Write the article before publishing it.");
        }
    }

    /**
     * The site's PEMAT minimum, for a new publication or schedule of an article. A change to an
     * article already published is not held to it (it is saved with a warning), so a safety fix
     * never waits for the editor's answers.
     */
    private void requirePematMinimum(ArticleEdit edit, Long id, boolean alreadyPublished) {
        if (edit.intent() != ArticleEdit.Intent.PUBLISH || alreadyPublished || Article.PAGE.equals(edit.kind())
                || articles.trustPolicy().minPemat() == null) {
            return;
        }
        List<PublishRule.Refusal> refusals = publishRule.pematRefusals(pematSheet(edit, id).score());
        if (!refusals.isEmpty()) {
            throw DeskProblem.invalid(refusals.stream().map(r -> new FieldProblem(r.field(), r.message())).toList());
        }
    }

    /**
     * The PEMAT sheet of the text being saved, with the answers it carries, or, when it carries
     * none, those stored for the article ({@code id}; null for a new one).
     */
    public PematSheet pematSheet(ArticleEdit edit, Long id) {
        java.util.Map<org.vertebra.pemat.PematItem, org.vertebra.pemat.Rating> answers = edit.pematAnswers() != null
                ? edit.pematAnswers() : id == null ? java.util.Map.of() : pemat.answers(id);
        String lang = (edit.lang() != null ? edit.lang() : id == null ? articles.siteLanguage() : find(id).lang()).tag();
        return pemat.sheet(edit.markdown(), lang, edit.keyPoints(), answers);
    }

    /**
     * The PEMAT sheet of a text in the language of this BCP 47 tag, with these key points and
     * answers (the editor's panel and live check).
     */
    public PematSheet pematSheet(String markdown, String lang, org.vertebra.content.KeyPoints keyPoints,
                                 java.util.Map<org.vertebra.pemat.PematItem, org.vertebra.pemat.Rating> answers) {
        return pemat.sheet(markdown, lang, keyPoints, answers);
    }

    /** Where each of these articles stands in its translation group, by id (none for one alone): one query for a page of the list. */
    public java.util.Map<Long, TranslationStatus> translationStatus(List<Long> ids) {
        java.util.Map<Long, TranslationStatus> status = new java.util.HashMap<>();
        articles.translationGroups(ids).forEach((id, group) -> status.put(id, TranslationStatus.of(id, group)));
        return status;
    }

    /** The editor's stored PEMAT answers for several articles, by article (a page of the evidence report). */
    public java.util.Map<Long, java.util.Map<org.vertebra.pemat.PematItem, org.vertebra.pemat.Rating>> pematAnswers(
            java.util.Collection<Long> ids) {
        return pemat.answers(ids);
    }

    /** The editor's stored PEMAT answers for an article. */
    public java.util.Map<org.vertebra.pemat.PematItem, org.vertebra.pemat.Rating> pematAnswers(long id) {
        return pemat.answers(id);
    }

    /** The PEMAT sheet of a stored article, with its stored answers. */
    public PematSheet pematSheet(Article article) {
        return pemat.sheet(article.bodyMarkdown(), article.lang().tag(), article.keyPoints(),
                pemat.answers(article.id()));
    }

    /** True when a saved article misses the site's PEMAT minimum (allowed for fixes to published ones). */
    public boolean belowPematMinimum(Article article) {
        return !article.isPage() && articles.trustPolicy().minPemat() != null
                && publishRule.belowPematMinimum(pematSheet(article).score());
    }

    private void requireReferencesExist(ArticleEdit edit) {
        if (edit.authorId() != null && authors.byId(edit.authorId()).isEmpty()) {
            throw DeskProblem.invalid("authorId", "Choose an author from the list.");
        }
        if (edit.imageId() != null && media.byId(edit.imageId()).isEmpty()) {
            throw DeskProblem.invalid("imageId", "There is no image number " + edit.imageId() + " in the media library.");
        }
    }

    private void requirePublishingRights(User actor, ArticleEdit.Intent intent, boolean isPublished) {
        boolean touchesPublic = intent == ArticleEdit.Intent.PUBLISH || intent == ArticleEdit.Intent.UNPUBLISH
                || isPublished;
        if (touchesPublic && !actor.may(Action.PUBLISH_ARTICLES)) {
            throw DeskProblem.notAllowed(isPublished
                    ? "Only an editor can change a published article. Add a note to ask for the change."
                    : "Only an editor can publish. Save the draft and ask for review instead.");
        }
    }

    private void requireEditable(User actor, Article article) {
        if (!Permission.mayEditArticle(actor, article.ownerUserId())) {
            throw DeskProblem.notAllowed("This article belongs to someone else; an editor can change it.");
        }
        if (article.isInTrash()) {
            throw DeskProblem.invalid(null, "This article is in the trash. Restore it before changing it.");
        }
    }

    private static void requireMay(User actor, Action action, String message) {
        if (!actor.may(action)) {
            throw DeskProblem.notAllowed(message);
        }
    }

    private Article find(long id) {
        return articles.byId(id).orElseThrow(() -> new DeskProblem(404, List.of(new FieldProblem(null, "There is no such article."))));
    }

    private static String text(Article article, List<Revision> revisions, Long revisionId) {
        if (revisionId == null) {
            return article.bodyMarkdown();
        }
        return revisions.stream().filter(r -> Objects.equals(r.id(), revisionId)).findFirst()
                .map(Revision::bodyMarkdown)
                .orElseThrow(() -> DeskProblem.invalid(null, "That revision does not belong to this article."));
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
