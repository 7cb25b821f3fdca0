package org.vertebra.desk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.stream.Collectors;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.CsvCell;
import org.vertebra.layout.MenuLink;
import org.vertebra.retraction.RetractedReference;

/**
 * /admin/articles/evidence/: the evidence report, sortable by each column and downloadable as CSV;
 * and on the dashboard, the published articles that miss a benchmark or cite a retracted work.
 */
public final class EvidenceOverviewRoutes {

    /** The report page. */
    public record ReportPage(AdminFrame frame, EvidenceOverview.Page page, EvidenceOverview.Sort sort,
                             boolean descending, java.time.LocalDate today) {

        public List<EvidenceOverview.Line> lines() {
            return page.lines();
        }

        /** The address that sorts by this column: the other way round when it is the current one. */
        public String sortUrl(String key) {
            boolean flip = sort.key().equals(key) && !descending;
            return PATH + "?sort=" + key + (flip ? "&dir=desc" : "");
        }

        /** The address of another page in the same order. */
        public String pageUrl(int number) {
            return PATH + "?sort=" + sort.key() + (descending ? "&dir=desc" : "") + (number > 1 ? "&page=" + number : "");
        }

        /** aria-sort for a column header. */
        public String ariaSort(String key) {
            return sort.key().equals(key) ? (descending ? "descending" : "ascending") : null;
        }
    }

    static final String PATH = "/admin/articles/evidence/";
    static final String CSV_PATH = "/admin/articles/evidence.csv";
    static final String CSV_HEADER = "id,title,status,reading_grade,references,with_doi_or_pmid,unmatched_mentions,"
            + "flagged_references,benchmarks_missed,review_due,pemat_understandability,pemat_actionability,translation";

    private final EvidenceOverview overview;
    private final org.vertebra.retraction.RetractionService retractions;
    private final AdminShell shell;

    EvidenceOverviewRoutes(EvidenceOverview overview, org.vertebra.retraction.RetractionService retractions,
                                  AdminShell shell) {
        this.overview = overview;
        this.retractions = retractions;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        shell.addAttention(user -> {
            if (!user.may(Action.EDIT_ANY_ARTICLE)) {
                return List.of();
            }
            List<MenuLink> links = new java.util.ArrayList<>();
            int retracted = retractions.publishedArticlesCitingRetractions();
            if (retracted > 0) {
                links.add(new MenuLink(retracted + (retracted == 1 ? " published article cites" : " published articles cite")
                        + " a retracted or withdrawn work", PATH + "?sort=flagged&dir=desc", false));
            }
            int missing = overview.publishedMissingABenchmark();
            if (missing > 0) {
                links.add(new MenuLink(missing + (missing == 1 ? " published article misses" : " published articles miss")
                        + " a trust benchmark", PATH + "?sort=missed&dir=desc", false));
            }
            return links;
        });
        routes.get(PATH, this::show, Action.EDIT_ANY_ARTICLE, Action.REVIEW_ARTICLES);
        routes.get(CSV_PATH, this::csv, Action.EDIT_ANY_ARTICLE, Action.REVIEW_ARTICLES);
    }

    private void show(Context ctx) {
        EvidenceOverview.Sort sort = EvidenceOverview.Sort.parse(ctx.queryParam("sort"));
        boolean descending = "desc".equals(ctx.queryParam("dir"));
        shell.render(ctx, 200, "desk/evidence.jte", new ReportPage(
                shell.frame(ctx, "Evidence report", AdminShell.Section.ARTICLES),
                overview.page(sort, descending, page(ctx.queryParam("page"))), sort, descending, overview.today()));
    }

    /** Written to the response line by line as the lines come, not built whole in memory first. */
    private void csv(Context ctx) throws java.io.IOException {
        ctx.contentType("text/csv; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"evidence-report.csv\"");
        var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        out.write(CSV_HEADER);
        out.write("\r\n");
        overview.forEachLine(EvidenceOverview.Sort.parse(ctx.queryParam("sort")), "desc".equals(ctx.queryParam("dir")),
                l -> csvLine(out, l));
        out.flush();
    }

    private static void csvLine(java.io.Writer out, EvidenceOverview.Line l) {
        try {
            out.write(String.join(",", String.valueOf(l.id()), CsvCell.of(l.title()), CsvCell.of(l.status()),
                    Double.isNaN(l.grade()) ? "" : l.gradeText(), String.valueOf(l.references()),
                    String.valueOf(l.withIdentifier()), String.valueOf(l.unmatchedMentions()),
                    CsvCell.of(l.flagged().stream().map(EvidenceOverviewRoutes::flag).collect(Collectors.joining("; "))),
                    CsvCell.of(l.missed().stream().map(b -> b.benchmark().key()).collect(Collectors.joining("; "))),
                    l.reviewDue() == null ? "" : l.reviewDue().toString(),
                    l.pematPercent(org.vertebra.pemat.PematItem.Domain.UNDERSTANDABILITY),
                    l.pematPercent(org.vertebra.pemat.PematItem.Domain.ACTIONABILITY),
                    CsvCell.of(l.translation().text())));
            out.write("\r\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The page asked for, as the desk's lists read it: 1 when absent or not a page number. */
    private static int page(String raw) {
        return raw == null || !raw.matches("\\d{1,5}") ? 1 : Math.max(1, Integer.parseInt(raw));
    }

    private static String flag(RetractedReference r) {
        return r.index() + " " + r.kind() + " " + r.notice();
    }
}
