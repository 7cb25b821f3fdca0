package org.vertebra.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleService;
import org.vertebra.evidence.EvidenceCheck;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.readability.Readability;
import org.vertebra.retraction.RetractedReference;
import org.vertebra.retraction.RetractionService;
import org.vertebra.trust.BenchmarkResult;
import org.vertebra.trust.TrustCheck;
import org.vertebra.trust.TrustReport;

/**
 * The evidence report: every article (drafts too, not pages or the trash) with its reading grade,
 * references, unmatched mentions, flagged references, the benchmarks it misses and when its next
 * medical review is due. Computed when asked, from the stored text (the admin asks rarely; the
 * public pages never do).
 */
public final class EvidenceOverview {

    /** One article's line. {@code grade} is NaN when it has no prose; {@code reviewDue} null when never reviewed (due now). */
    public record Line(long id, String title, String status, double grade, int references, int withIdentifier,
                       int unmatchedMentions, List<RetractedReference> flagged, List<BenchmarkResult> missed,
                       LocalDate reviewDue) {

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

    /** The orders the report offers, by the column's key. */
    public enum Sort {
        TITLE("title", Comparator.comparing(l -> l.title().toLowerCase(Locale.ROOT))),
        GRADE("grade", Comparator.comparingDouble(l -> Double.isNaN(l.grade()) ? -1 : l.grade())),
        REFERENCES("references", Comparator.comparingInt(Line::references)),
        UNMATCHED("unmatched", Comparator.comparingInt(Line::unmatchedMentions)),
        FLAGGED("flagged", Comparator.comparingInt(l -> l.flagged().size())),
        MISSED("missed", Comparator.comparingInt(l -> l.missed().size())),
        REVIEW("review", Comparator.comparing(Line::reviewDue, Comparator.nullsFirst(Comparator.naturalOrder())));

        private final String key;
        private final Comparator<Line> order;

        Sort(String key, Comparator<Line> order) {
            this.key = key;
            this.order = order;
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

    private final ArticleService articles;
    private final EditorialDesk desk;
    private final RetractionService retractions;
    private final Clock clock;

    public EvidenceOverview(ArticleService articles, EditorialDesk desk, RetractionService retractions, Clock clock) {
        this.articles = articles;
        this.desk = desk;
        this.retractions = retractions;
        this.clock = clock;
    }

    public List<Line> lines(Sort sort, boolean descending) {
        Comparator<Line> order = descending ? sort.order.reversed() : sort.order;
        return articles.everyPost().stream().map(this::line)
                .sorted(order.thenComparing(Line::id)).toList();
    }

    /** How many published articles miss at least one benchmark, for the dashboard. */
    public int publishedMissingABenchmark() {
        return (int) articles.everyPost().stream().filter(a -> articles.isPublic(a))
                .filter(a -> !report(a, EvidenceCheck.of(a.bodyMarkdown(), a.references())).meetsAll()).count();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Line line(Article a) {
        EvidenceReport evidence = EvidenceCheck.of(a.bodyMarkdown(), a.references());
        TrustReport trust = report(a, evidence);
        return new Line(a.id(), a.title(), a.editorialStatus(clock.instant()).label(),
                Readability.ofMarkdown(a.bodyMarkdown()).readingGrade(), a.references().size(),
                (int) a.references().stream().filter(r -> r.doi() != null || r.pmid() != null).count(),
                evidence.unmatchedMentions().size(), retractions.flagged(a.references()), trust.missed(),
                a.reviewedOn() == null ? null : a.reviewedOn().plus(TrustCheck.REVIEW_VALID));
    }

    private TrustReport report(Article a, EvidenceReport evidence) {
        return desk.benchmarks(a, a.authorId(), a.disclosure(), a.references(), evidence);
    }
}
