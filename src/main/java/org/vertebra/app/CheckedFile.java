package org.vertebra.app;

import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import org.vertebra.content.FrontMatter;
import org.vertebra.content.FrontMatterParser;
import org.vertebra.content.ImageSize;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.content.Reference;
import org.vertebra.evidence.EvidenceCheck;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.importer.MarkdownPaths;
import org.vertebra.pemat.PematSheet;
import org.vertebra.pemat.PematText;
import org.vertebra.pemat.TextJudge;
import org.vertebra.readability.Readability;
import org.vertebra.readability.ReadabilityReport;
import org.vertebra.readability.Glossaries;
import org.vertebra.readability.Glossary;
import org.vertebra.readability.SectionReadability;
import org.vertebra.retraction.RetractedReference;
import org.vertebra.retraction.RetractionCheck;
import org.vertebra.trust.TrustCheck;
import org.vertebra.trust.TrustReport;
import org.vertebra.trust.TrustSubject;

/**
 * One Markdown file in the import format, checked: its evidence and readability reports, with
 * lines counted in the file (the front matter included), as an editor opens it.
 */
record CheckedFile(Path file, EvidenceReport evidence, ReadabilityReport readability,
                   List<SectionReadability> sections, List<Glossary.Found> jargon, TrustReport trust,
                   List<RetractedReference> retracted, PematSheet pemat) {

    /**
     * @throws org.vertebra.content.ImportProblem when the file is not UTF-8 or its front matter is broken
     * @throws java.io.UncheckedIOException       when it cannot be read
     */
    static CheckedFile read(Path file, Glossaries glossaries, RetractionCheck retractions, LocalDate today) {
        FrontMatterParser.Parsed parsed = new FrontMatterParser().parse(MarkdownPaths.readUtf8(file));
        String body = parsed.body();
        FrontMatter fm = parsed.frontMatter();
        // A file without lang: is in the site's language, which a check without a site takes to be English.
        String lang = fm.lang() == null ? "en" : fm.lang().tag();
        List<Reference> references = new MarkdownRenderer().render(body, ImageSize.Lookup.none()).references();
        int linesAboveBody = fm.bodyLine() - 1;
        EvidenceReport evidence = EvidenceCheck.of(body, references);
        TrustSubject subject = new TrustSubject(fm.author(), null, null, fm.reviewedBy(), fm.reviewedOn(),
                fm.disclosure(), references, evidence, fm.published(), fm.updated());
        return new CheckedFile(file,
                evidence.movedDown(linesAboveBody),
                Readability.ofMarkdown(body, lang).movedDown(linesAboveBody),
                Readability.bySection(body, lang).stream().map(s -> new SectionReadability(s.heading(),
                        s.line() + linesAboveBody, s.report())).toList(),
                glossaries.forLanguage(lang).find(body).stream().map(f -> new Glossary.Found(f.term(), f.plain(), f.count(),
                        f.firstLine() + linesAboveBody)).toList(),
                TrustCheck.ofFile(subject, today),
                retractions.flagged(references),
                PematSheet.of(new TextJudge(glossaries).judge(new PematText(body, fm.keyPoints().points(),
                        fm.keyPoints().actions(), lang)), java.util.Map.of()));
    }

    /**
     * Whether the exit code says "found something": any evidence finding, or a grade above the
     * patient target. Long sentences and passive sentences are advice: listed, not counted.
     */
    boolean hasFindings() {
        return !evidence.isClean() || readability.aboveTarget() || retracted.stream().anyMatch(RetractedReference::isRetraction);
    }
}
