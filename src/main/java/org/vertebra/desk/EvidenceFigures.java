package org.vertebra.desk;

import java.time.Instant;
import java.util.Locale;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.PublishedArticles;

/**
 * What the evidence report needs of an article's text and references, worked out once when it
 * changes (parsing a text costs milliseconds; at 100,000 articles, minutes): its reading grade,
 * references, study mentions without a reference, and the attribution benchmark, which depends on
 * nothing else. {@code modifiedAt} is the article's when they were worked out. The other figures
 * of a line (status, flags, the other benchmarks) change without the text and are worked out when
 * shown; {@code missedRank} and {@code flaggedRank}, what was missed and flagged at this check,
 * only order the report.
 *
 * @param grade NaN when the text has no prose
 * @param reviewRank the day of the last medical review, or "" when never reviewed (first in order)
 * @param missedBenchmarks the benchmarks missed at this check, a bit each (DeskQuery.missedBit), for the desk's list
 */
record EvidenceFigures(long articleId, Instant modifiedAt, String title, double grade, int references,
                       int withIdentifier, int unmatchedMentions, boolean attributionMet, String attributionDetail,
                       String reviewRank, int missedRank, int flaggedRank, int missedBenchmarks) {

    /** What the desk's list filters and sorts on, kept with the article (PublishedArticles.recordChecks). */
    ArticleWriter.Checked checked() {
        return new ArticleWriter.Checked(articleId, modifiedAt, title, grade, missedBenchmarks);
    }

    /** The report's order by title: without case, as a reader expects. */
    String titleKey() {
        return title.toLowerCase(Locale.ROOT);
    }

    /** The order by grade puts a text without prose first. */
    double gradeRank() {
        return Double.isNaN(grade) ? -1 : grade;
    }
}
