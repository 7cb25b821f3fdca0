package org.vertebra.desk;

import java.util.List;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.content.Reference;
import org.vertebra.content.RenderedBody;
import org.vertebra.evidence.EvidenceCheck;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.readability.Glossary;
import org.vertebra.readability.Readability;
import org.vertebra.readability.SectionReadability;
import org.vertebra.readability.ReadabilityReport;

/**
 * What the editor shows beside the text on every save and preview: the body rendered as readers
 * will see it, its numbered references, the evidence check, the readability figures for the whole
 * text and for each section, and the glossary's medical terms found in it.
 */
public record ArticleChecks(String previewHtml, List<Reference> references, EvidenceReport evidence,
                            ReadabilityReport readability, List<SectionReadability> sections,
                            List<Glossary.Found> jargon) {

    static ArticleChecks of(String markdown, MarkdownRenderer renderer, Glossary glossary) {
        RenderedBody body = renderer.render(markdown, org.vertebra.content.ImageSize.Lookup.none());
        return new ArticleChecks(body.html(), body.references(), EvidenceCheck.of(markdown, body.references()),
                Readability.ofMarkdown(markdown), Readability.bySection(markdown), glossary.find(markdown));
    }

    /** A score to one decimal, or a dash when there is no prose. */
    public static String oneDecimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /** Whether a section's reading grade is above the grade the advice aims at. */
    public static boolean aboveAdvice(ReadabilityReport report) {
        return !report.withinAdvice();
    }

    public String adviceGrade() {
        return String.format(java.util.Locale.ROOT, "%.0f", ReadabilityReport.ADVICE_GRADE);
    }

    /** The grade rounded to one decimal, or a dash when there is no prose yet. */
    public String grade() {
        return Double.isNaN(readability.fleschKincaidGrade()) ? "-" : String.format(java.util.Locale.ROOT, "%.1f",
                readability.fleschKincaidGrade());
    }

    public String readingEase() {
        return Double.isNaN(readability.fleschReadingEase()) ? "-" : String.format(java.util.Locale.ROOT, "%.0f",
                readability.fleschReadingEase());
    }

    public String passivePercent() {
        return Math.round(readability.passiveShare() * 100) + " %";
    }

    public boolean gradeOnTarget() {
        return !readability.aboveTarget();
    }
}
