package org.vertebra.desk;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.ArticleWriter;
import org.vertebra.audit.AuditLog;
import org.vertebra.author.AuthorService;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.Job;
import org.vertebra.module.WebParts;
import org.vertebra.readability.Glossaries;
import org.vertebra.reference.ReferenceService;
import org.vertebra.retraction.RetractionService;
import org.vertebra.taxonomy.TaxonomyService;

/** The editorial desk: writing, reviewing and publishing articles, and the evidence overview across them. */
public final class DeskFeature implements Feature {

    private final EvidenceOverview evidence;
    private final EditorialDesk editorialDesk;
    private final Autosaves autosaves;
    private final ArticleWriter articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MarkdownRenderer renderer;
    private final ReferenceService references;
    private final Glossaries glossaries;
    private final RetractionService retractions;
    private final AuditLog audit;

    public DeskFeature(EditorialDesk editorialDesk, Autosaves autosaves, ArticleWriter articles, AuthorService authors,
                       TaxonomyService taxonomy, MarkdownRenderer renderer, ReferenceService references,
                       Glossaries glossaries, RetractionService retractions, Jdbi jdbi, AuditLog audit, Clock clock) {
        this.evidence = new EvidenceOverview(articles, editorialDesk, retractions, jdbi, clock);
        this.editorialDesk = editorialDesk;
        this.autosaves = autosaves;
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.renderer = renderer;
        this.references = references;
        this.glossaries = glossaries;
        this.retractions = retractions;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "desk";
    }

    @Override
    public void routes(RoutesConfig routes, WebParts web) {
        new DeskRoutes(editorialDesk, authors, taxonomy, renderer, references, glossaries, retractions,
                web.adminShell(), web.clock(), evidence, autosaves, audit).register(routes);
        new EvidenceOverviewRoutes(evidence, retractions, web.adminShell()).register(routes);
    }

    /**
     * Articles kept in the trash longer than 30 days are deleted, and references whose retraction
     * check is over a week old are asked again (in the background: the look-ups are slow).
     */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("articles deleted from the trash", articles::purgeTrash),
                Chore.quiet("published references checked again for retractions", retractions::recheckPublishedInBackground));
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.ARTICLES);
    }

    /** The overview's figures are worked out in the background. */
    @Override
    public void contentChanged(long version) {
        evidence.contentChanged();
    }

    /** At start, the figures of articles changed while the server was down (an import). */
    @Override
    public List<Job> jobs() {
        return List.of(Job.of(evidence::contentChanged, () -> { }));
    }
}
