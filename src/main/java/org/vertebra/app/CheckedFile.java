package org.vertebra.app;

import java.nio.file.Path;
import java.util.List;
import org.vertebra.content.FrontMatterParser;
import org.vertebra.content.ImageSize;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.content.Reference;
import org.vertebra.evidence.EvidenceCheck;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.importer.MarkdownPaths;
import org.vertebra.readability.Readability;
import org.vertebra.readability.ReadabilityReport;

/**
 * One Markdown file in the import format, checked: its evidence and readability reports, with
 * lines counted in the file (the front matter included), as an editor opens it.
 */
record CheckedFile(Path file, EvidenceReport evidence, ReadabilityReport readability) {

    /**
     * @throws org.vertebra.content.ImportProblem when the file is not UTF-8 or its front matter is broken
     * @throws java.io.UncheckedIOException       when it cannot be read
     */
    static CheckedFile read(Path file) {
        FrontMatterParser.Parsed parsed = new FrontMatterParser().parse(MarkdownPaths.readUtf8(file));
        String body = parsed.body();
        List<Reference> references = new MarkdownRenderer().render(body, ImageSize.Lookup.none()).references();
        int linesAboveBody = parsed.frontMatter().bodyLine() - 1;
        return new CheckedFile(file,
                EvidenceCheck.of(body, references).movedDown(linesAboveBody),
                Readability.ofMarkdown(body).movedDown(linesAboveBody));
    }

    /**
     * Whether the exit code says "found something": any evidence finding, or a grade above the
     * patient target. Long sentences and passive sentences are advice: listed, not counted.
     */
    boolean hasFindings() {
        return !evidence.isClean() || readability.aboveTarget();
    }
}
