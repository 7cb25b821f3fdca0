package org.vertebra.desk;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.ArticleWriter;
import org.vertebra.audit.AuditLog;
import org.vertebra.author.AuthorService;
import org.vertebra.content.MarkdownRenderer;
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
    private final DeskRoutes desk;
    private final EvidenceOverviewRoutes overview;

    public DeskFeature(EditorialDesk editorialDesk, Autosaves autosaves, ArticleWriter articles, AuthorService authors,
                       TaxonomyService taxonomy, MarkdownRenderer renderer, ReferenceService references,
                       Glossaries glossaries, RetractionService retractions, Jdbi jdbi, AuditLog audit, WebParts web) {
        this.evidence = new EvidenceOverview(articles, editorialDesk, retractions, jdbi, web.clock());
        this.desk = new DeskRoutes(editorialDesk, authors, taxonomy, renderer, references, glossaries, retractions,
                web.adminShell(), web.clock(), evidence, autosaves, audit);
        this.overview = new EvidenceOverviewRoutes(evidence, retractions, web.adminShell());
    }

    @Override
    public String name() {
        return "desk";
    }

    @Override
    public void routes(RoutesConfig routes) {
        desk.register(routes);
        overview.register(routes);
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
