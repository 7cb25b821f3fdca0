package org.vertebra.desk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.vertebra.access.Action;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.article.DeskRow;
import org.vertebra.article.DeskSort;
import org.vertebra.article.Revision;
import org.vertebra.article.RevisionDiff;
import org.vertebra.article.Shelf;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.author.Author;
import org.vertebra.author.AuthorService;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.FormMessages;
import org.vertebra.readability.Glossaries;
import org.vertebra.reference.FormattedReference;
import org.vertebra.reference.ReferenceService;
import org.vertebra.retraction.RetractedReference;
import org.vertebra.retraction.RetractionService;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.trust.Benchmark;

/**
 * The articles section of the admin: the desk's shelves, the editor with its live preview and
 * checks, the trash, revisions and medical review. Handlers read the form, let
 * {@link EditorialDesk} decide, and render; every route names who may call it.
 */
public final class DeskRoutes {

    /**
     * The articles list: one shelf (status), searched and filtered as {@code form} says, a page of it
     * in its order. {@code summary} says what is shown and how many match, for the table's caption.
     */
    public record ListPage(AdminFrame frame, DeskListForm form, List<Shelf> shelves, List<DeskSort> sorts,
                           List<Category> categories, List<Author> authors, List<Benchmark> benchmarks,
                           boolean mayChooseMine, List<Row> rows, int page, int total, String summary,
                           String previousUrl, String nextUrl, FormMessages messages) {
    }

    /** One line of a shelf, ready to show. */
    /** @param language the article's language in English ("Spanish"); {@code translation} where it stands in its group */
    public record Row(long id, String title, String kindLabel, String statusLabel, String when, String savedBy,
                      String editUrl, String publicUrl, List<String> benchmarksMissed, String language, String languageTag,
                      TranslationStatus translation) {
    }

    /** The editor. {@code id} is null for a new article. */
    public record EditorPage(AdminFrame frame, Long id, ArticleForm form, String statusLabel, String publicUrl,
                             boolean mayEdit, boolean mayPublish, boolean mayReview, boolean inTrash,
                             List<Author> authors, List<Category> categories, ArticleChecks checks,
                             FormMessages messages, EditorialDesk.Opened opened,
                             List<org.vertebra.access.User> reviewers, boolean lookupsEnabled,
                             org.vertebra.trust.TrustReport benchmarks, List<RetractedReference> flagged,
                             RetractionService.Progress retractionChecks, PematPanel pemat) {

        /** The notices about the reference with this number (from 1), for the preview's list. */
        public List<RetractedReference> flagsOn(int index) {
            return flagged.stream().filter(f -> f.index() == index).toList();
        }

        /** The refusals and problems that concern the PEMAT panel (fields pemat and pemat_N). */
        public List<FieldProblem> pematErrors() {
            return messages.problems().stream().filter(e -> e.field() != null && e.field().startsWith("pemat")).toList();
        }
    }

    /** The revisions of one article, with links to compare and restore. */
    public record HistoryPage(AdminFrame frame, long id, String title, Article current, List<Revision> revisions,
                              boolean mayRestore, FormMessages messages) {
    }

    /** Two texts of an article side by side. */
    public record ComparePage(AdminFrame frame, long id, String fromLabel, String toLabel, List<RevisionDiff.Row> rows,
                              boolean changed) {
    }

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("saved", "Saved."),
            Map.entry("created", "The article is created. Keep writing, or ask for review when it is ready."),
            Map.entry("published", "Published."),
            Map.entry("scheduled", "Scheduled: it will appear on the site at the publishing time."),
            Map.entry("review", "Sent for review."),
            Map.entry("unpublished", "Taken off the site; it is a draft again."),
            Map.entry("trashed", "Moved to the trash. It can be restored for 30 days."),
            Map.entry("restored", "Restored."),
            Map.entry("noted", "Note added."),
            Map.entry("signed", "Signed off. The article now shows your review."),
            Map.entry("above-grade", "Saved. The text still reads above the site's highest reading grade: it was published before"
                    + " the limit was set, and this change does not make it harder to read. Simplify it when you can"
                    + " (see Readability beside the text)."),
            Map.entry("below-pemat", "Saved. The article does not reach the site's PEMAT minimum: it was published before,"
                    + " and a fix to it is not held back. Answer the open items or improve the text when you can"
                    + " (see PEMAT beside the text)."));

    /** Set by static/js/admin.js to the browser's time zone, so times show as the writer reads them. */
    static final String ZONE_COOKIE = "vertebra_zone";

    /** Unchanged lines kept on each side of a change when comparing texts. */
    static final int DIFF_CONTEXT = 3;

    private final EditorialDesk desk;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MarkdownRenderer renderer;
    private final ReferenceService references;
    private final Glossaries glossaries;
    private final RetractionService retractions;
    private final AdminShell shell;
    private final Clock clock;

    private final EvidenceOverview evidence;
    private final Autosaves autosaves;
    private final AuditLog audit;

    DeskRoutes(EditorialDesk desk, AuthorService authors, TaxonomyService taxonomy, MarkdownRenderer renderer,
                      ReferenceService references, Glossaries glossaries, RetractionService retractions, AdminShell shell,
                      Clock clock, EvidenceOverview evidence, Autosaves autosaves, AuditLog audit) {
        this.audit = audit;
        this.desk = desk;
        this.autosaves = autosaves;
        this.evidence = evidence;
        this.glossaries = glossaries;
        this.retractions = retractions;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.renderer = renderer;
        this.references = references;
        this.shell = shell;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        shell.addAttention(desk::waiting);
        routes.get("/admin/articles/", this::list, Action.WRITE_ARTICLES, Action.REVIEW_ARTICLES);
        routes.get("/admin/articles/new/", this::newForm, Action.WRITE_ARTICLES);
        routes.post("/admin/articles/", this::create, Action.WRITE_ARTICLES);
        routes.post("/admin/articles/preview/", this::preview, Action.WRITE_ARTICLES, Action.REVIEW_ARTICLES);
        routes.get("/admin/articles/{id}/edit/", this::edit, Action.WRITE_ARTICLES, Action.REVIEW_ARTICLES);
        routes.post("/admin/articles/{id}/", this::update, Action.WRITE_ARTICLES);
        routes.get("/admin/articles/{id}/autosave/", this::autosaved, Action.WRITE_ARTICLES);
        routes.post("/admin/articles/{id}/autosave/", this::autosave, Action.WRITE_ARTICLES);
        routes.post("/admin/articles/{id}/autosave/discard/", this::discardAutosave, Action.WRITE_ARTICLES);
        routes.post("/admin/articles/{id}/trash/", ctx -> act(ctx, () -> trash(ctx), "trashed"),
                Action.WRITE_ARTICLES);
        routes.post("/admin/articles/{id}/restore/", ctx -> act(ctx, () -> desk.restore(user(ctx), id(ctx)), "restored"),
                Action.WRITE_ARTICLES);
        routes.get("/admin/articles/{id}/revisions/", this::history, Action.WRITE_ARTICLES, Action.REVIEW_ARTICLES);
        routes.get("/admin/articles/{id}/compare/", this::compare, Action.WRITE_ARTICLES, Action.REVIEW_ARTICLES);
        routes.post("/admin/articles/{id}/revisions/{revision}/restore/", this::restoreRevision, Action.WRITE_ARTICLES);
        routes.post("/admin/articles/{id}/notes/", ctx -> act(ctx,
                () -> desk.addNote(user(ctx), id(ctx), ctx.formParam("note")), "noted"),
                Action.WRITE_ARTICLES, Action.REVIEW_ARTICLES);
        routes.post("/admin/articles/{id}/reviewer/", ctx -> act(ctx,
                () -> desk.assignReviewer(user(ctx), id(ctx), optionalId(ctx.formParam("reviewer"))), "saved"),
                Action.EDIT_ANY_ARTICLE);
        routes.post("/admin/articles/{id}/sign-off/", ctx -> act(ctx,
                () -> desk.signOff(user(ctx), id(ctx), ctx.formParam("note")), "signed"), Action.REVIEW_ARTICLES);
    }

    private void list(Context ctx) {
        User user = user(ctx);
        boolean seesAll = user.may(Action.EDIT_ANY_ARTICLE) || user.may(Action.REVIEW_ARTICLES);
        DeskListForm asked = DeskListForm.from(ctx::queryParam);
        // an author sees only their own articles, whatever the address says
        DeskListForm form = new DeskListForm(asked.search(), asked.shelf(), asked.categoryId(), asked.authorId(),
                asked.missed(), asked.sort(), asked.mine() || !seesAll);
        int page = page(ctx.queryParam("page"));
        ArticleWriter.DeskList rows = desk.list(user, form.query(optionalId(ctx.queryParam("after")),
                optionalId(ctx.queryParam("before"))), form.mine(), page);
        java.time.Instant now = clock.instant();
        // from the evidence report's stored figures: parsing 25 texts per page took most of its time
        java.util.Map<Long, List<String>> missed = evidence.missedBenchmarks(rows.rows().stream()
                .filter(r -> !Article.PAGE.equals(r.kind())).map(DeskRow::id).toList());
        java.util.Map<Long, TranslationStatus> translations = desk.translationStatus(rows.rows().stream().map(DeskRow::id).toList());
        List<Row> shown = rows.rows().stream().map(r -> new Row(r.id(), r.title(),
                Article.PAGE.equals(r.kind()) ? "Page" : "Article", r.editorialStatus(now).label(),
                DeskDates.describe(r.editorialStatus(now), r.publishedAt(), r.modifiedAt(), r.deletedAt()),
                r.savedBy(), "/admin/articles/" + r.id() + "/edit/",
                r.editorialStatus(now) == org.vertebra.article.EditorialStatus.PUBLISHED ? "/" + r.slug() + "/" : null,
                Article.PAGE.equals(r.kind()) ? List.of()
                        : missed.containsKey(r.id()) ? missed.get(r.id()) : desk.missedBenchmarks(r.id()),
                new org.vertebra.language.Language(r.lang()).englishName(), r.lang(),
                translations.getOrDefault(r.id(), TranslationStatus.ALONE))).toList();
        List<Category> categories = taxonomy.categories();
        List<Author> bylines = authors.all();
        shell.render(ctx, 200, "desk/list.jte", new ListPage(shell.frame(ctx, "Articles", AdminShell.Section.ARTICLES),
                form, List.of(Shelf.values()), List.of(DeskSort.values()), categories, bylines,
                List.of(Benchmark.values()), seesAll, shown, page, rows.total(),
                DeskListSummary.of(form, rows.total(), page, categories, bylines),
                rows.previousBefore() == null ? null : form.url(pageLink("before", rows.previousBefore(), page - 1)),
                rows.nextAfter() == null ? null : form.url(pageLink("after", rows.nextAfter(), page + 1)),
                FormMessages.notice(notice(ctx))));
    }

    /** The parameters of a link to the next or previous page: the line it seeks from and the page's number, shown. */
    private static List<String> pageLink(String direction, long id, int page) {
        return page > 1 ? List.of(direction + "=" + id, "page=" + page) : List.of(direction + "=" + id);
    }

    private void newForm(Context ctx) {
        String kind = Article.PAGE.equals(ctx.queryParam("kind")) ? Article.PAGE : Article.POST;
        ArticleForm blank = ArticleForm.blank(kind, desk.bylineOf(user(ctx)).orElse(null));
        showEditor(ctx, 200, null, blank.inZone(writerZone(ctx)), null, List.of());
    }

    private void create(Context ctx) {
        ArticleForm form = form(ctx);
        if (isPreviewOnly(ctx)) {
            showEditor(ctx, 200, null, form, null, List.of());
            return;
        }
        if (isReferenceLookup(ctx)) {
            addReference(ctx, null, form);
            return;
        }
        ArticleEdit edit;
        try {
            edit = form.toEdit();
        } catch (DeskProblem problem) {
            showEditor(ctx, problem.status(), null, form, null, problem.errors());
            return;
        }
        try {
            Article saved = desk.create(user(ctx), edit);
            recordPublishing(ctx, edit, saved);
            ctx.redirect("/admin/articles/" + saved.id() + "/edit/?done=" + outcome(edit, saved), HttpStatus.SEE_OTHER);
        } catch (DeskProblem problem) {
            showRefusal(ctx, null, form, edit, problem);
        }
    }

    private void edit(Context ctx) {
        try {
            EditorialDesk.Opened opened = desk.open(user(ctx), id(ctx));
            Article a = opened.article();
            ArticleForm form = ArticleForm.of(a, opened.categories(), opened.tags(), writerZone(ctx), opened.sticky(),
                    opened.originalSlug())
                    .withPematAnswers(desk.pematAnswers(a.id()));
            showEditor(ctx, 200, opened, form, notice(ctx), List.of());
        } catch (DeskProblem problem) {
            refuse(ctx, problem);
        }
    }

    private void update(Context ctx) {
        long id = id(ctx);
        ArticleForm form = form(ctx);
        EditorialDesk.Opened opened;
        try {
            opened = desk.open(user(ctx), id);
        } catch (DeskProblem problem) {
            refuse(ctx, problem);
            return;
        }
        if (isPreviewOnly(ctx)) {
            showEditor(ctx, 200, opened, form, null, List.of());
            return;
        }
        if (isReferenceLookup(ctx)) {
            addReference(ctx, opened, form);
            return;
        }
        ArticleEdit edit;
        try {
            edit = form.toEdit();
        } catch (DeskProblem problem) {
            showEditor(ctx, problem.status(), opened, form, null, problem.errors());
            return;
        }
        try {
            Article saved = desk.update(user(ctx), id, edit);
            autosaves.clear(user(ctx), id); // what the slot kept is saved now, or was replaced by what was
            recordPublishing(ctx, edit, saved);
            ctx.redirect("/admin/articles/" + id + "/edit/?done=" + outcome(edit, saved), HttpStatus.SEE_OTHER);
        } catch (DeskProblem problem) {
            showRefusal(ctx, opened, form, edit, problem);
        }
    }

    /** The writer's unsaved edits of this article kept on the site, as JSON for the editor's offer to restore them; 204 when none. */
    private void autosaved(Context ctx) {
        try {
            java.util.Optional<Autosave> slot = autosaves.of(user(ctx), id(ctx));
            ctx.header("Cache-Control", "no-store");
            if (slot.isEmpty()) {
                ctx.status(204);
            } else {
                ctx.json(Map.of("savedAt", slot.get().savedAt().toEpochMilli(), "fields", slot.get().fields()));
            }
        } catch (DeskProblem problem) {
            ctx.status(problem.status()).json(Map.of("error", problem.getMessage()));
        }
    }

    /** Keeps the editor's fields as sent (form-encoded, as the form itself is) in the writer's slot; the article is untouched. */
    private void autosave(Context ctx) {
        try {
            Map<String, String> sent = new java.util.HashMap<>();
            Autosave.FIELDS.forEach(name -> {
                String value = ctx.formParam(name);
                if (value != null) {
                    sent.put(name, value);
                }
            });
            Autosave slot = autosaves.keep(user(ctx), id(ctx), sent);
            ctx.header("Cache-Control", "no-store").json(Map.of("savedAt", slot.savedAt().toEpochMilli()));
        } catch (DeskProblem problem) {
            ctx.status(problem.status()).json(Map.of("error", problem.getMessage()));
        }
    }

    private void discardAutosave(Context ctx) {
        autosaves.clear(user(ctx), id(ctx));
        ctx.status(204);
    }

    /**
     * Shows why the desk refused; a refused publish of an unpublished article first keeps the text
     * as a draft, and the editor then continues on that draft.
     */
    private void showRefusal(Context ctx, EditorialDesk.Opened opened, ArticleForm form, ArticleEdit edit,
                             DeskProblem problem) {
        Long id = opened == null ? null : opened.article().id();
        java.util.Optional<Article> kept = desk.keepDraftOfRefusedPublish(user(ctx), id, edit, problem);
        if (kept.isEmpty()) {
            showEditor(ctx, problem.status(), opened, form, null, problem.errors());
            return;
        }
        showEditor(ctx, problem.status(), desk.open(user(ctx), kept.get().id()), form.savedAt(kept.get().modifiedAt()),
                "Your text is saved as a draft. It is not published yet:", problem.errors());
    }

    /** The live preview: the body as readers will see it, and the checks, as JSON for the editor's script. */
    private void preview(Context ctx) {
        String markdown = ctx.formParam("markdown");
        if (markdown == null || markdown.length() > ArticleForm.MAX_MARKDOWN) {
            ctx.status(422).json(Map.of("error", "The text is missing or too long to preview."));
            return;
        }
        String lang = textLanguage(ctx, null);
        ArticleChecks checks = ArticleChecks.of(markdown, renderer, glossaries, lang);
        ctx.header("Cache-Control", "no-store").json(Map.ofEntries(Map.entry("html", checks.previewHtml()),
                Map.entry("language", languageJson(checks)),
                Map.entry("grade", checks.grade()), Map.entry("readingEase", checks.readingEase()),
                Map.entry("passive", checks.passivePercent()), Map.entry("onTarget", checks.gradeOnTarget()),
                Map.entry("longSentences", checks.readability().longSentences().size()),
                Map.entry("evidence", checks.evidence()),
                Map.entry("smog", ArticleChecks.oneDecimal(checks.readability().smogGrade())),
                Map.entry("gunningFog", ArticleChecks.oneDecimal(checks.readability().gunningFog())),
                Map.entry("readingGrade", ArticleChecks.oneDecimal(checks.readability().readingGrade())),
                Map.entry("jargon", checks.jargon()),
                Map.entry("pemat", pematJson(ctx, markdown, lang))));
    }

    /** The text's language as the readability panel measured it: its formulas' scores, or why there are none. */
    private static Map<String, Object> languageJson(ArticleChecks checks) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("tag", checks.language().tag());
        json.put("name", checks.language().name());
        json.put("validatedFormula", checks.language().hasValidatedFormula());
        json.put("message", checks.language().message());
        json.put("glossary", checks.hasGlossary());
        json.put("scores", checks.language().scores().stream().map(s -> {
            Map<String, Object> score = new java.util.LinkedHashMap<>();
            score.put("formula", s.formula());
            score.put("source", s.source());
            score.put("value", ArticleChecks.figure(s));
            score.put("band", s.band());
            score.put("target", s.target());
            score.put("onTarget", s.onTarget());
            return score;
        }).toList());
        return json;
    }

    /**
     * The language of the text on screen: the form's {@code lang} field when it sends one (the
     * editor's language), else the stored article's, else the site's. A value that is not a
     * language tag is ignored.
     */
    private String textLanguage(Context ctx, Article article) {
        return org.vertebra.language.Language.parse(ctx.formParam("lang"))
                .orElseGet(() -> article != null ? article.lang() : desk.siteLanguage()).tag();
    }

    /** The PEMAT scores and Vertebra's rating of each item for the text on screen, with the choices sent. */
    private Map<String, Object> pematJson(Context ctx, String markdown, String lang) {
        ArticleForm sent = form(ctx);
        PematPanel panel = new PematPanel(desk.pematSheet(markdown, lang, new org.vertebra.content.KeyPoints(
                org.vertebra.content.KeyPoints.lines(sent.keyPoints()), org.vertebra.content.KeyPoints.lines(sent.actions())),
                sent.pematAnswersLeniently()), sent);
        List<Map<String, Object>> items = panel.sheet().rows().stream().map(row -> {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("number", row.item().number());
            item.put("vertebra", row.judgement().rating().map(org.vertebra.pemat.Rating::code).orElse(null));
            item.put("reason", row.judgement().reason());
            item.put("rating", row.rating().map(org.vertebra.pemat.Rating::code).orElse(null));
            return item;
        }).toList();
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("understandability", panel.percent(org.vertebra.pemat.PematItem.Domain.UNDERSTANDABILITY));
        json.put("actionability", panel.percent(org.vertebra.pemat.PematItem.Domain.ACTIONABILITY));
        json.put("left", panel.left());
        json.put("items", items);
        return json;
    }

    private void history(Context ctx) {
        try {
            long id = id(ctx);
            EditorialDesk.Opened opened = desk.open(user(ctx), id);
            shell.render(ctx, 200, "desk/revisions.jte", new HistoryPage(
                    shell.frame(ctx, "Revisions of \u201c" + opened.article().title() + "\u201d", AdminShell.Section.ARTICLES),
                    id, opened.article().title(), opened.article(), desk.revisions(user(ctx), id), opened.mayEdit(),
                    FormMessages.notice(notice(ctx))));
        } catch (DeskProblem problem) {
            refuse(ctx, problem);
        }
    }

    private void compare(Context ctx) {
        try {
            long id = id(ctx);
            Long from = optionalId(ctx.queryParam("from"));
            Long to = optionalId(ctx.queryParam("to"));
            List<RevisionDiff.Row> rows = desk.compare(user(ctx), id, from, to);
            shell.render(ctx, 200, "desk/compare.jte", new ComparePage(
                    shell.frame(ctx, "Compare texts", AdminShell.Section.ARTICLES), id, label(from), label(to),
                    RevisionDiff.folded(rows, DIFF_CONTEXT), RevisionDiff.changed(rows)));
        } catch (DeskProblem problem) {
            refuse(ctx, problem);
        }
    }

    private void restoreRevision(Context ctx) {
        try {
            long id = id(ctx);
            desk.restoreRevision(user(ctx), id, idParam(ctx, "revision"));
            ctx.redirect("/admin/articles/" + id + "/edit/?done=restored", HttpStatus.SEE_OTHER);
        } catch (DeskProblem problem) {
            refuse(ctx, problem);
        }
    }

    /** Runs a small change and goes back to the editor with a notice, or explains the refusal. */
    /** Publishing and taking off the site go in the audit log (audit/); saving a draft does not. */
    private void recordPublishing(Context ctx, ArticleEdit edit, Article saved) {
        switch (edit.intent()) {
            case PUBLISH -> audit.record(RequestActor.of(ctx), AuditAction.ARTICLE_PUBLISHED, AuditObject.article(saved.id()));
            case UNPUBLISH -> audit.record(RequestActor.of(ctx), AuditAction.ARTICLE_UNPUBLISHED, AuditObject.article(saved.id()));
            default -> { }
        }
    }

    private void trash(Context ctx) {
        desk.trash(user(ctx), id(ctx));
        audit.record(RequestActor.of(ctx), AuditAction.ARTICLE_DELETED, AuditObject.article(id(ctx)).withDetail("to the trash"));
    }

    private void act(Context ctx, Runnable change, String done) {
        try {
            change.run();
            ctx.redirect("/admin/articles/" + id(ctx) + "/edit/?done=" + done, HttpStatus.SEE_OTHER);
        } catch (DeskProblem problem) {
            refuse(ctx, problem);
        }
    }

    private void refuse(Context ctx, DeskProblem problem) {
        if (problem.status() == 404) {
            throw new NotFoundResponse();
        }
        shell.message(ctx, problem.status(), problem.status() == 403 ? "Not allowed" : "Not done", problem.getMessage());
    }

    private void showEditor(Context ctx, int status, EditorialDesk.Opened opened, ArticleForm form, String notice,
                            List<FieldProblem> errors) {
        User user = user(ctx);
        boolean isNew = opened == null;
        String title = isNew ? (Article.PAGE.equals(form.kind()) ? "New page" : "New article") : "Edit \u201c" + opened.article().title() + "\u201d";
        Article a = isNew ? null : opened.article();
        String publicUrl = a != null && a.isPublicAt(clock.instant()) ? a.url() : null;
        String lang = textLanguage(ctx, a);
        ArticleChecks checks = ArticleChecks.of(form.markdown(), renderer, glossaries, lang);
        shell.render(ctx, status, "desk/editor.jte", new EditorPage(shell.frame(ctx, title, AdminShell.Section.ARTICLES),
                isNew ? null : a.id(), form, isNew ? "New" : opened.status().label(), publicUrl,
                isNew || opened.mayEdit(), user.may(Action.PUBLISH_ARTICLES), user.may(Action.REVIEW_ARTICLES),
                a != null && a.isInTrash(), authors.all(), taxonomy.categories(),
                checks, new FormMessages(errors, notice), opened,
                user.may(Action.EDIT_ANY_ARTICLE) ? desk.reviewers() : List.of(), references.lookupsEnabled(),
                Article.PAGE.equals(form.kind()) ? null
                        : desk.benchmarks(a, optionalId(form.authorId()), form.disclosure(), checks.references(), checks.evidence()),
                retractions.flagged(checks.references()), retractions.progress(checks.references()),
                Article.PAGE.equals(form.kind()) ? null : new PematPanel(desk.pematSheet(form.markdown(), lang,
                        new org.vertebra.content.KeyPoints(org.vertebra.content.KeyPoints.lines(form.keyPoints()),
                                org.vertebra.content.KeyPoints.lines(form.actions())), form.pematAnswersLeniently()), form)));
    }

    private String outcome(ArticleEdit edit, Article saved) {
        if (saved.isPublished() && !saved.isPage() && edit.seenModifiedAt() != null && desk.aboveGradeLimit(saved)) {
            return "above-grade";
        }
        if (saved.isPublished() && edit.seenModifiedAt() != null && edit.intent() != ArticleEdit.Intent.UNPUBLISH
                && desk.belowPematMinimum(saved)) {
            return "below-pemat";
        }
        return switch (edit.intent()) {
            case PUBLISH -> saved.publishedAt().isAfter(clock.instant()) ? "scheduled" : "published";
            case REQUEST_REVIEW -> "review";
            case UNPUBLISH -> "unpublished";
            case SAVE -> edit.seenModifiedAt() == null ? "created" : "saved";
        };
    }

    private static ArticleForm form(Context ctx) {
        return new ArticleForm(value(ctx, "kind"), value(ctx, "title"), value(ctx, "slug"), value(ctx, "summary"),
                value(ctx, "markdown"), value(ctx, "categories"), value(ctx, "tags"), value(ctx, "authorId"),
                value(ctx, "imageId"), value(ctx, "publishAt"), value(ctx, "zone"), value(ctx, "disclosure"),
                value(ctx, "modified"), value(ctx, "intent"), value(ctx, "sticky"), value(ctx, "keyPoints"),
                value(ctx, "actions"), pematChoices(ctx), value(ctx, "lang"), value(ctx, "translationOf"));
    }

    /** The PEMAT panel's selects, pemat_N, as sent. */
    private static Map<Integer, String> pematChoices(Context ctx) {
        Map<Integer, String> choices = new java.util.HashMap<>();
        for (org.vertebra.pemat.PematItem item : org.vertebra.pemat.PematItem.values()) {
            String value = ctx.formParam("pemat_" + item.number());
            if (value != null) {
                choices.put(item.number(), value);
            }
        }
        return choices;
    }

    private static boolean isReferenceLookup(Context ctx) {
        return "add-reference".equals(ctx.formParam("intent"));
    }

    /**
     * Looks up the DOI or PMID the writer gave and adds the reference, in Vancouver style, to the
     * end of the text's References section; nothing is saved until the writer saves.
     */
    private void addReference(Context ctx, EditorialDesk.Opened opened, ArticleForm form) {
        String identifier = value(ctx, "referenceId").strip();
        if (identifier.isEmpty()) {
            showEditor(ctx, 422, opened, form, null, List.of(new FieldProblem("referenceId", "Give a DOI or a PubMed number (PMID).")));
            return;
        }
        FormattedReference found = references.lookUp(identifier);
        if (found.vancouver() == null || found.vancouver().isBlank()) {
            String why = found.problems().isEmpty() ? "Nothing was found for " + identifier + "."
                    : found.problems().get(0).message();
            showEditor(ctx, 422, opened, form, null, List.of(new FieldProblem("referenceId", why)));
            return;
        }
        showEditor(ctx, 200, opened, form.withMarkdown(ReferenceList.append(form.markdown(), found.vancouver())),
                "Reference added at the end of the References section. Save to keep it.", List.of());
    }

    private static boolean isPreviewOnly(Context ctx) {
        return "preview".equals(ctx.formParam("intent"));
    }

    private static String notice(Context ctx) {
        return NOTICES.get(String.valueOf(ctx.queryParam("done")));
    }

    private static String label(Long revision) {
        return revision == null ? "Current text" : "Revision " + revision;
    }

    /** The writer's time zone, which the admin's script keeps in a cookie; UTC until it has. */
    private static ZoneId writerZone(Context ctx) {
        return zone(ctx.cookie(ZONE_COOKIE));
    }

    private static ZoneId zone(String raw) {
        try {
            return raw == null || raw.isBlank() ? ZoneId.of("UTC") : ZoneId.of(raw);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static User user(Context ctx) {
        return SignedIn.user(ctx);
    }

    private static long id(Context ctx) {
        return idParam(ctx, "id");
    }

    private static long idParam(Context ctx, String name) {
        String id = ctx.pathParam(name);
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundResponse();
        }
        return Long.parseLong(id);
    }

    private static Long optionalId(String raw) {
        return raw == null || !raw.strip().matches("\\d{1,18}") ? null : Long.parseLong(raw.strip());
    }

    private static int page(String raw) {
        return raw == null || !raw.matches("\\d{1,5}") ? 1 : Math.max(1, Integer.parseInt(raw));
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
