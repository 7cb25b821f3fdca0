package org.vertebra.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.DeskQuery;
import org.vertebra.evidence.EvidenceCheck;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.pemat.PematItem;
import org.vertebra.pemat.PematScore;
import org.vertebra.pemat.PematSheet;
import org.vertebra.pemat.Rating;
import org.vertebra.readability.Readability;
import org.vertebra.retraction.RetractedReference;
import org.vertebra.retraction.RetractionService;
import org.vertebra.trust.Benchmark;
import org.vertebra.trust.BenchmarkResult;
import org.vertebra.trust.TrustCheck;
import org.vertebra.trust.TrustReport;

/**
 * The evidence report: every article (drafts too, not pages or the trash) with its reading grade,
 * references, unmatched mentions, flagged references, the benchmarks it misses and when its next
 * medical review is due, its PEMAT scores, 50 a page in any of its orders. What comes from the text is worked out
 * once per change and stored (EvidenceFigures); the rest when a line is shown.
 */
public final class EvidenceOverview {

    /**
     * One article's line. {@code grade} is NaN when it has no prose; {@code reviewDue} null when never
     * reviewed (due now); {@code pemat} the PEMAT scores from the text and the editor's answers, null
     * where the line is not shown (the desk's list reads only the benchmarks); {@code translation} where
     * it stands in its translation group, out of date or not (ALONE where the line is not shown).
     */
    public record Line(long id, String title, String status, double grade, int references, int withIdentifier,
                       int unmatchedMentions, List<RetractedReference> flagged, List<BenchmarkResult> missed,
                       LocalDate reviewDue, PematScore pemat, TranslationStatus translation) {

        /** "71 %", with "(3 to answer)" while items are open; "-" when the domain has no score yet. */
        public String pematText(PematItem.Domain domain) {
            if (pemat == null) {
                return "";
            }
            PematScore.Part part = domain == PematItem.Domain.UNDERSTANDABILITY ? pemat.understandability() : pemat.actionability();
            String percent = part.percent().isPresent() ? part.percent().getAsInt() + " %" : "-";
            return part.unanswered() == 0 ? percent : percent + " (" + part.unanswered() + " to answer)";
        }

        /** The percentage alone, for the CSV; empty when the domain has no score yet. */
        public String pematPercent(PematItem.Domain domain) {
            PematScore.Part part = pemat == null ? null
                    : domain == PematItem.Domain.UNDERSTANDABILITY ? pemat.understandability() : pemat.actionability();
            return part == null || part.percent().isEmpty() ? "" : String.valueOf(part.percent().getAsInt());
        }

        public String gradeText() {
            return ArticleChecks.oneDecimal(grade);
        }

        public String missedText() {
            return missed.isEmpty() ? "none" : String.join(", ", missed.stream().map(b -> b.benchmark().label()).toList());
        }

        public String reviewDueText() {
            return reviewDue == null ? "now (never reviewed)" : reviewDue.toString();
        }

        public boolean reviewOverdue(LocalDate today) {
            return reviewDue == null || reviewDue.isBefore(today);
        }

        public String editUrl() {
            return "/admin/articles/" + id + "/edit/";
        }
    }

    /** The orders the report offers, by the column's key; each reads its own index (EvidenceFigureRepository). */
    public enum Sort {
        TITLE("title"), GRADE("grade"), REFERENCES("references"), UNMATCHED("unmatched"), FLAGGED("flagged"),
        MISSED("missed"), REVIEW("review");

        private final String key;

        Sort(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Sort parse(String key) {
            for (Sort sort : values()) {
                if (sort.key.equals(key)) {
                    return sort;
                }
            }
            return REVIEW;
        }
    }

    /** A page of the report: its lines, its number (from 1), how many pages and lines there are. */
    /** @param partial whether the background is still working out figures (after a large import): the report shows those done so far */
    public record Page(List<Line> lines, int number, int totalPages, int totalLines, boolean partial) {
    }

    public static final int PAGE_SIZE = 50;
    /** Lines the CSV reads at a time, each chunk sought from the last line of the one before. */
    private static final int CHUNK = 200;
    /** Lines between two page marks: a page by number skips fewer than this many. */
    private static final int STRIDE = 200;
    private static final EvidenceReport NO_FINDINGS = new EvidenceReport(List.of(), List.of(), List.of(), List.of());

    private final ArticleWriter articles;
    private final EditorialDesk desk;
    private final RetractionService retractions;
    private final Clock clock;
    private final EvidenceFigureRepository figures;
    private final EvidenceCatchUp catchUp;
    /**
     * Moves with every change of the stored figures made here and every content change (here or on
     * another server, whose figures follow its changes): the count and the page marks are kept per value.
     */
    private final java.util.concurrent.atomic.AtomicLong figuresVersion = new java.util.concurrent.atomic.AtomicLong();
    private final org.vertebra.data.KeptPerVersion<String, Integer> count = new org.vertebra.data.KeptPerVersion<>(1);
    private final org.vertebra.data.KeptPerVersion<String, org.vertebra.data.PageMarks> marks =
            new org.vertebra.data.KeptPerVersion<>(2 * Sort.values().length);

    public EvidenceOverview(ArticleWriter articles, EditorialDesk desk, RetractionService retractions, Jdbi jdbi, Clock clock) {
        this.articles = articles;
        this.desk = desk;
        this.retractions = retractions;
        this.clock = clock;
        this.figures = new EvidenceFigureRepository(jdbi);
        this.catchUp = new EvidenceCatchUp(articles, figures, this::workOut, figuresVersion::incrementAndGet);
        desk.onSaved(this::checkSaved);
    }

    /**
     * Works out the figures of an article just saved from the desk, before the writer sees the list
     * again: its reading grade and missed benchmarks there are never those of the text it replaced.
     */
    private void checkSaved(Article a) {
        if (a.isPage() || a.isInTrash()) {
            figures.remove(List.of(a.id()));
            figuresVersion.incrementAndGet();
            articles.recordChecks(List.of(new ArticleWriter.Checked(a.id(), a.modifiedAt(), a.title(), Double.NaN, 0)));
            return;
        }
        keep(List.of(workOut(a)));
    }

    private void keep(List<EvidenceFigures> worked) {
        if (worked.isEmpty()) {
            return;
        }
        figures.save(worked);
        figuresVersion.incrementAndGet();
        articles.recordChecks(worked.stream().map(EvidenceFigures::checked).toList());
    }

    /** Articles changed (here or on another node): their figures are worked out again in the background. */
    public void contentChanged() {
        figuresVersion.incrementAndGet();
        catchUp.inBackground();
    }

    /**
     * A page of the report in this order. Figures not yet worked out after a change are worked out
     * first, unless the background is at it (after a large import): the report then shows the
     * articles worked out so far.
     */
    public Page page(Sort sort, boolean descending, int number) {
        catchUp.catchUp(false);
        boolean partial = catchUp.isRunning();
        long version = figuresVersion.get();
        int total = count.get("lines", version, figures::count);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (number < 1) {
            return new Page(List.of(), number, pages, total, partial);
        }
        // a page far down is sought from the nearest mark kept for this version of the figures
        int offset = (number - 1) * PAGE_SIZE;
        org.vertebra.data.PageMarks.Start start = offset < STRIDE ? new org.vertebra.data.PageMarks.Start(null, offset)
                : marks.get(sort.key() + (descending ? " desc" : ""), version, () -> new org.vertebra.data.PageMarks(STRIDE))
                        .start(offset, (after, skip) -> places(sort, descending, after, skip, 1).stream().findFirst()
                                .map(EvidenceFigureRepository.Place::articleId));
        List<EvidenceFigureRepository.Place> places = places(sort, descending, start.after(), start.skip(), PAGE_SIZE);
        List<Long> ids = places.stream().map(EvidenceFigureRepository.Place::articleId).toList();
        return new Page(lines(ids, figures.byIds(ids), true), number, pages, total, partial);
    }

    /** {@code limit} lines after the line of article {@code after} (null: from the first), skipping {@code skip}; none when that line is gone. */
    private List<EvidenceFigureRepository.Place> places(Sort sort, boolean descending, Long after, int skip, int limit) {
        if (after == null) {
            return figures.page(sort, descending, null, limit, skip);
        }
        return figures.place(sort, after).map(from -> figures.page(sort, descending, from, limit, skip)).orElse(List.of());
    }

    /** Every line in this order, a chunk at a time as they are read (each sought from the last line read), for the CSV. */
    public void forEachLine(Sort sort, boolean descending, java.util.function.Consumer<Line> action) {
        catchUp.catchUp(false);
        EvidenceFigureRepository.Place after = null;
        while (true) {
            List<EvidenceFigureRepository.Placed> chunk = figures.chunk(sort, descending, after, CHUNK);
            java.util.Map<Long, EvidenceFigures> known = new java.util.HashMap<>();
            chunk.forEach(p -> known.put(p.place().articleId(), p.figures()));
            lines(chunk.stream().map(p -> p.place().articleId()).toList(), known, true).forEach(action);
            if (chunk.size() < CHUNK) {
                return;
            }
            after = chunk.get(chunk.size() - 1).place();
        }
    }

    /**
     * The benchmarks these articles miss, by label, for the desk's list: from the stored figures,
     * as their lines on the report. An article not on the report (a page, the trash) is left out.
     */
    public java.util.Map<Long, List<String>> missedBenchmarks(List<Long> ids) {
        java.util.Map<Long, List<String>> missed = new java.util.HashMap<>();
        lines(ids, figures.byIds(ids), false).forEach(l -> missed.put(l.id(), l.missed().stream().map(b -> b.benchmark().label()).toList()));
        return missed;
    }

    /** How many published articles missed at least one benchmark when last checked, for the dashboard. */
    public int publishedMissingABenchmark() {
        return figures.publicMissingABenchmark(clock.instant());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The lines of these articles, in this order, with the figures stored for them ({@code known});
     * an article gone to the trash or made a page since is left out. What each line needs beyond its
     * article is read for all of them at once: translation groups (with the articles), bylines, the
     * site's policy, retraction checks, PEMAT answers.
     */
    private List<Line> lines(List<Long> ids, java.util.Map<Long, EvidenceFigures> known, boolean withPemat) {
        java.util.Map<Long, java.util.Map<PematItem, Rating>> answers = withPemat ? desk.pematAnswers(ids) : java.util.Map.of();
        // Without their text: the stored figures hold what the text gives; only an article changed
        // since its figures were worked out is read whole, to work them out again.
        ArticleWriter.ForReport read = articles.byIdsForReport(ids);
        List<Article> shown = read.articles().stream().filter(a -> !a.isPage() && !a.isInTrash()).toList();
        java.util.Map<Long, TrustReport> benchmarks = desk.benchmarks(shown, NO_FINDINGS);
        java.util.Map<Long, List<RetractedReference>> flagged = flagged(shown);
        java.util.Map<Long, Article> changed = whole(shown.stream()
                .filter(a -> stale(known.get(a.id()), a, withPemat)).map(Article::id).toList());
        List<EvidenceFigures> worked = new java.util.ArrayList<>();
        List<Line> lines = new java.util.ArrayList<>(shown.size());
        for (Article a : shown) {
            EvidenceFigures f = known.get(a.id());
            if (changed.containsKey(a.id())) {
                f = workOut(changed.get(a.id())); // changed since: shown as it is now
                worked.add(f);
            } else if (stale(f, a, withPemat)) {
                continue; // gone between the two reads (to the trash, or deleted)
            }
            PematScore pemat = withPemat ? PematSheet.of(f.pematJudgements().orElseThrow(),
                    answers.getOrDefault(a.id(), java.util.Map.of())).score() : null;
            List<org.vertebra.article.Translation> group = withPemat ? read.groups().get(a.id()) : null;
            lines.add(line(a, f, benchmarks.get(a.id()), flagged.getOrDefault(a.id(), List.of()), pemat,
                    group == null ? TranslationStatus.ALONE : TranslationStatus.of(a.id(), group)));
        }
        keep(worked);
        return lines;
    }

    /** Whether the stored figures no longer say what the article's text gives (or have no PEMAT judgements when wanted). */
    private static boolean stale(EvidenceFigures f, Article a, boolean withPemat) {
        return f == null || !f.modifiedAt().equals(a.modifiedAt()) || (withPemat && f.pematJudgements().isEmpty());
    }

    /** These articles read whole, text and all, by id. */
    private java.util.Map<Long, Article> whole(List<Long> ids) {
        java.util.Map<Long, Article> found = new java.util.HashMap<>();
        articles.byIds(ids).forEach(a -> found.put(a.id(), a));
        return found;
    }

    /**
     * The flagged references of each article, from one look-up for all of them: the references in
     * one list, whose flags are numbered in it, then numbered again within each article's own list.
     */
    private java.util.Map<Long, List<RetractedReference>> flagged(List<Article> shown) {
        List<org.vertebra.content.Reference> all = new java.util.ArrayList<>();
        int[] firsts = new int[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            firsts[i] = all.size();
            all.addAll(shown.get(i).references());
        }
        java.util.Map<Long, List<RetractedReference>> flagged = new java.util.HashMap<>();
        for (RetractedReference r : retractions.flagged(all)) {
            int place = r.index() - 1;
            int owner = 0;
            while (owner + 1 < firsts.length && firsts[owner + 1] <= place) {
                owner++;
            }
            flagged.computeIfAbsent(shown.get(owner).id(), id -> new java.util.ArrayList<>())
                    .add(new RetractedReference(place - firsts[owner] + 1, r.doi(), r.pmid(), r.kind(), r.notice()));
        }
        return flagged;
    }

    /** The figures of an article's text and references; the slow part of a line, worked out once per change. */
    EvidenceFigures workOut(Article a) {
        EvidenceReport evidence = EvidenceCheck.of(a.bodyMarkdown(), a.references());
        TrustReport trust = report(a, evidence);
        BenchmarkResult attribution = trust.of(Benchmark.ATTRIBUTION);
        return new EvidenceFigures(a.id(), a.modifiedAt(), a.title(), Readability.ofMarkdown(a.bodyMarkdown(), a.lang().tag()).readingGrade(),
                a.references().size(), (int) a.references().stream().filter(r -> r.doi() != null || r.pmid() != null).count(),
                evidence.unmatchedMentions().size(), attribution.met(), attribution.detail(),
                a.reviewedOn() == null ? "" : a.reviewedOn().toString(), trust.missed().size(),
                retractions.flagged(a.references()).size(),
                trust.missed().stream().mapToInt(r -> DeskQuery.missedBit(r.benchmark())).reduce(0, (x, y) -> x | y),
                EvidenceFigures.pematText(desk.pematSheet(a.bodyMarkdown(), a.lang().tag(), a.keyPoints(), java.util.Map.of())
                        .rows().stream().map(org.vertebra.pemat.PematSheet.Row::judgement).toList()));
    }

    /** A line from the stored figures and what changes without the text: status, flags, the other benchmarks. */
    private Line line(Article a, EvidenceFigures f, TrustReport withoutText, List<RetractedReference> flagged, PematScore pemat,
                      TranslationStatus translation) {
        List<BenchmarkResult> results = new java.util.ArrayList<>(withoutText.results());
        results.replaceAll(r -> r.benchmark() == Benchmark.ATTRIBUTION
                ? new BenchmarkResult(Benchmark.ATTRIBUTION, f.attributionMet(), f.attributionDetail()) : r);
        return new Line(a.id(), a.title(), a.editorialStatus(clock.instant()).label(), f.grade(), f.references(),
                f.withIdentifier(), f.unmatchedMentions(), flagged, new TrustReport(results).missed(),
                a.reviewedOn() == null ? null : a.reviewedOn().plus(TrustCheck.REVIEW_VALID), pemat, translation);
    }

    private TrustReport report(Article a, EvidenceReport evidence) {
        return desk.benchmarks(a, a.authorId(), a.disclosure(), a.references(), evidence);
    }
}
