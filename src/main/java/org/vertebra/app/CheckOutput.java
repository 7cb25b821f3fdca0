package org.vertebra.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.evidence.InvalidIdentifier;
import org.vertebra.evidence.UncitedReference;
import org.vertebra.evidence.UnmatchedMention;
import org.vertebra.readability.LongSentence;
import org.vertebra.readability.ReadabilityReport;

/** What {@code vertebra check} prints: lines in the {@code FILE:LINE: message} form, or JSON. */
final class CheckOutput {

    private static final int QUOTED_SENTENCE = 100;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckOutput() {
    }

    static List<String> text(CheckedFile checked) {
        String file = checked.file().toString();
        EvidenceReport evidence = checked.evidence();
        List<String> lines = new ArrayList<>();
        evidence.unmatchedMentions().forEach(m ->
                lines.add(file + ":" + m.line() + ": \"" + m.text() + "\" matches no reference"));
        evidence.uncitedReferences().forEach(r ->
                lines.add(file + ": reference " + r.index() + " is never cited: " + shortened(r.text())));
        evidence.invalidIdentifiers().forEach(i -> lines.add(file + ": reference " + i.index() + " has a malformed "
                + i.kind() + " \"" + i.value() + "\": " + i.reason()));
        evidence.duplicateReferences().forEach(d -> lines.add(file + ": reference " + d.index() + " repeats reference "
                + d.duplicateOf() + " (same " + d.sameBy() + ")"));
        lines.add(file + ": " + readability(checked.readability()));
        checked.readability().longSentences().forEach(s -> lines.add(file + ":" + s.line() + ": long sentence ("
                + s.words() + " words): " + shortened(s.text())));
        return lines;
    }

    private static String readability(ReadabilityReport r) {
        if (r.sentences() == 0) {
            return "readability: no prose to measure";
        }
        String grade = String.format(Locale.ROOT, "Flesch-Kincaid grade %.1f, %s the target for patient material "
                + "(grade %.0f or lower)", r.fleschKincaidGrade(), r.aboveTarget() ? "above" : "within",
                ReadabilityReport.TARGET_GRADE);
        return String.format(Locale.ROOT, "readability: %s; Flesch Reading Ease %.1f; %d of %d sentences passive (%.0f%%)",
                grade, r.fleschReadingEase(), r.passiveSentences(), r.sentences(), 100 * r.passiveShare());
    }

    private static String shortened(String text) {
        return text.length() <= QUOTED_SENTENCE ? text : text.substring(0, QUOTED_SENTENCE - 1).stripTrailing() + "…";
    }

    static String json(List<CheckedFile> files) {
        try {
            return JSON.writeValueAsString(files.stream().map(FileJson::of).toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of one file; the field names are part of the command's contract (README). */
    private record FileJson(String file, List<UnmatchedMention> unmatchedMentions,
            List<UncitedReference> uncitedReferences, List<InvalidIdentifier> invalidIdentifiers,
            List<DuplicateJson> duplicateReferences, ReadabilityJson readability) {

        static FileJson of(CheckedFile checked) {
            EvidenceReport e = checked.evidence();
            return new FileJson(checked.file().toString(), e.unmatchedMentions(), e.uncitedReferences(),
                    e.invalidIdentifiers(),
                    e.duplicateReferences().stream().map(d -> new DuplicateJson(d.index(), d.duplicateOf())).toList(),
                    ReadabilityJson.of(checked.readability()));
        }
    }

    private record DuplicateJson(int index, int duplicateOf) {
    }

    /** Scores rounded as they are quoted; null when there is no prose to score. */
    private record ReadabilityJson(Double fleschReadingEase, Double fleschKincaidGrade,
            List<LongSentence> longSentences, double passiveShare) {

        static ReadabilityJson of(ReadabilityReport r) {
            return new ReadabilityJson(rounded(r.fleschReadingEase(), 10), rounded(r.fleschKincaidGrade(), 10),
                    r.longSentences(), rounded(r.passiveShare(), 100));
        }

        private static Double rounded(double value, int scale) {
            return Double.isNaN(value) ? null : Math.round(value * scale) / (double) scale;
        }
    }
}
