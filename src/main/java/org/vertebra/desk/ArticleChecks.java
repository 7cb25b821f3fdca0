package org.vertebra.desk;

import java.util.List;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.content.Reference;
import org.vertebra.content.RenderedBody;
import org.vertebra.evidence.EvidenceCheck;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.readability.FormulaScore;
import org.vertebra.readability.Glossaries;
import org.vertebra.readability.Glossary;
import org.vertebra.readability.LanguageReadability;
import org.vertebra.readability.Readability;
import org.vertebra.readability.SectionReadability;
import org.vertebra.readability.ReadabilityReport;

/**
 * What the editor shows beside the text on every save and preview: the body rendered as readers
 * will see it, its numbered references, the evidence check, the readability figures for the whole
 * text and for each section, and the glossary's medical terms found in it, all in the text's
 * language.
 *
 * @param hasGlossary whether there is a glossary for the text's language (English and Spanish are shipped)
 */
public record ArticleChecks(String previewHtml, List<Reference> references, EvidenceReport evidence,
                            ReadabilityReport readability, List<SectionReadability> sections,
                            List<Glossary.Found> jargon, boolean hasGlossary) {

    /** The checks of a text in the language of this BCP 47 tag. */
    static ArticleChecks of(String markdown, MarkdownRenderer renderer, Glossaries glossaries, String lang) {
        RenderedBody body = renderer.render(markdown, org.vertebra.content.ImageSize.Lookup.none());
        Glossary glossary = glossaries.forLanguage(lang);
        return new ArticleChecks(body.html(), body.references(), EvidenceCheck.of(markdown, body.references()),
                Readability.ofMarkdown(markdown, lang), Readability.bySection(markdown, lang), glossary.find(markdown),
                !glossary.isEmpty());
    }

    /** The text's language and its formulas' scores. */
    public LanguageReadability language() {
        return readability.language();
    }

    /** The file in a site's data folder that holds its glossary for the text's language. */
    public String glossaryFile() {
        String primary = language().tag().replaceAll("[-_].*", "").toLowerCase(java.util.Locale.ROOT);
        return primary.equals("en") ? "glossary.tsv" : "glossary-" + primary + ".tsv";
    }

    /** A formula's score as the panel shows it: a grade to one decimal, a reading ease as a whole number. */
    public static String figure(FormulaScore score) {
        if (Double.isNaN(score.value())) {
            return "-";
        }
        return String.format(java.util.Locale.ROOT, score.isGrade() ? "%.1f" : "%.0f", score.value());
    }

    /** The main score of a section of a text in a language other than English, or a dash. */
    public static String mainFigure(ReadabilityReport report) {
        FormulaScore main = report.language().main();
        return main == null ? "-" : figure(main);
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

    /** The share of passive sentences; a dash in another language than English, where it is not looked for. */
    public String passivePercent() {
        return language().isEnglish() ? Math.round(readability.passiveShare() * 100) + " %" : "-";
    }

    public boolean gradeOnTarget() {
        return !readability.aboveTarget();
    }
}
