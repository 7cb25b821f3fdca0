package org.vertebra.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts the best passages of each found article's body and marks the matched words, as parts of
 * plain text rather than HTML, so escaping stays the template's job. An article that matched
 * only outside its body gets its opening passage, unmarked.
 */
final class SnippetMaker {

    static final int PASSAGE_CHARS = 160;
    static final int PASSAGES = 2;
    /** How much of a long body is searched for passages; the rest is rarely what a reader needs. */
    private static final int SCANNED_CHARS = 50_000;
    private static final String ELLIPSIS = "…";

    private static final PassageRanking RANKING = new PassageRanking();

    private final Analyzer indexAnalyzer;

    SnippetMaker(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    /** One snippet per document id, in the order given. */
    /** @param field the body's field in the language searched */
    Snippet[] snippets(IndexSearcher searcher, String field, Query query, int[] docIds) throws IOException {
        Snippet[] snippets = new Snippet[docIds.length];
        if (docIds.length == 0) {
            return snippets;
        }
        Map<CharSequence, int[]> knownBreaks = new IdentityHashMap<>();
        PartsHighlighter highlighter = new PartsHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new PartsFormatter())
                .withScorer(RANKING)
                .withMaxLength(SCANNED_CHARS)
                // Whole sentences, as close to the goal length as they come, the match toward the middle.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new SentenceBreaks(knownBreaks), PASSAGE_CHARS, 0.5f)), knownBreaks);
        Object[] made = highlighter.body(field, query, docIds);
        for (int i = 0; i < docIds.length; i++) {
            snippets[i] = made[i] instanceof Snippet snippet ? snippet : Snippet.EMPTY;
        }
        return snippets;
    }

    /**
     * Line breaks and runs of spaces in the body read as one space in a snippet: what
     * {@code \s+} replaced by a space gives, without a regular expression for the many parts
     * that have nothing to replace (a matcher per part was a twentieth of a search).
     */
    static String spaced(String text) {
        int length = text.length();
        int at = 0;
        while (at < length && !(isSpace(text.charAt(at)) && (text.charAt(at) != ' '
                || at + 1 < length && isSpace(text.charAt(at + 1))))) {
            at++;
        }
        if (at == length) {
            return text; // no run to fold: only single spaces
        }
        StringBuilder folded = new StringBuilder(length).append(text, 0, at);
        while (at < length) {
            char c = text.charAt(at++);
            if (!isSpace(c)) {
                folded.append(c);
                continue;
            }
            folded.append(' ');
            while (at < length && isSpace(text.charAt(at))) {
                at++;
            }
        }
        return folded.toString();
    }

    /** White space as {@code \s} has it: the ASCII space, tab, line feed, vertical tab, form feed and return. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * Opens the highlighter's method that returns what the formatter made instead of strings, and
     * reads each body's sentence boundaries along with it.
     */
    private static final class PartsHighlighter extends UnifiedHighlighter {

        private final Map<CharSequence, int[]> knownBreaks;

        PartsHighlighter(Builder builder, Map<CharSequence, int[]> knownBreaks) {
            super(builder);
            this.knownBreaks = knownBreaks;
        }

        /**
         * Lucene wraps the break iterator in one that splits the text at the separator of a
         * field's values, which meant a pass over every hit's body looking for it; the body is one
         * value, so the sentences are asked for directly.
         */
        @Override
        protected FieldHighlighter newFieldHighlighter(String field, FieldOffsetStrategy offsets, BreakIterator splitting,
                PassageScorer scorer, int maxPassages, int maxNoHighlightPassages, PassageFormatter formatter,
                Comparator<Passage> order) {
            return super.newFieldHighlighter(field, offsets, getBreakIterator(field), scorer, maxPassages,
                    maxNoHighlightPassages, formatter, order);
        }

        @Override
        protected LimitedStoredFieldVisitor newLimitedStoredFieldsVisitor(String[] fields) {
            return new WithBreaks(fields, MULTIVAL_SEP_CHAR, getMaxLength(), knownBreaks);
        }

        /**
         * Reads the body as Lucene's visitor does, and the boundaries kept before it
         * ({@link ArticleFields#BODY_BREAKS}) into {@code known}, for the very text the highlighter
         * then hands to {@link SentenceBreaks}. A body indexed without them is scanned as before.
         */
        private static final class WithBreaks extends LimitedStoredFieldVisitor {

            private final Map<CharSequence, int[]> known;
            private byte[] breaks; // of the body that follows

            WithBreaks(String[] fields, char valueSeparator, int maxLength, Map<CharSequence, int[]> known) {
                super(fields, valueSeparator, maxLength);
                this.known = known;
            }

            @Override
            public Status needsField(FieldInfo fieldInfo) throws IOException {
                if (fieldInfo.name.equals(ArticleFields.BODY_BREAKS)) {
                    currentField = -1;
                    return Status.YES;
                }
                return super.needsField(fieldInfo);
            }

            @Override
            public void binaryField(FieldInfo fieldInfo, byte[] value) {
                breaks = value;
            }

            @Override
            public void stringField(FieldInfo fieldInfo, String value) throws IOException {
                boolean first = values[currentField] == null;
                super.stringField(fieldInfo, value);
                CharSequence given = values[currentField];
                if (first && breaks != null) {
                    int[] bounds = SentenceBreaks.fromStored(breaks, value.length(), given.length());
                    if (bounds != null) {
                        known.put(given, bounds);
                    }
                }
                breaks = null;
            }
        }

        Object[] body(String field, Query query, int[] docIds) throws IOException {
            return highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {PASSAGES}).get(field);
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
            if (source == OffsetSource.POSTINGS && components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
                return new MatchesOfOneWeight(components, getIndexSearcher());
            }
            return super.getOffsetStrategy(source, components);
        }
    }

    /**
     * Where the query matches in each document, from the offsets kept in the postings, as Lucene's
     * own strategy for them finds it, but with one Weight for all the documents of a page: Lucene's
     * builds a searcher, rewrites the query and looks every term up in the terms dictionary again
     * for each document, which for a query with many synonyms was a sixth of a search. The query
     * is in the highlighted field alone ({@link ArticleQueries#inBody}), so the field mapping
     * Lucene's strategy also does is not needed.
     */
    private static final class MatchesOfOneWeight extends FieldOffsetStrategy {

        private final IndexSearcher searcher;
        private Weight weight; // made at the first document: most pages never need it when nothing is found

        MatchesOfOneWeight(UHComponents components, IndexSearcher searcher) {
            super(components);
            this.searcher = searcher;
        }

        @Override
        public UnifiedHighlighter.OffsetSource getOffsetSource() {
            return UnifiedHighlighter.OffsetSource.POSTINGS;
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
            if (reader.terms(getField()) == null) {
                return OffsetsEnum.EMPTY;
            }
            if (weight == null) {
                IndexSearcher uncached = new IndexSearcher(searcher.getIndexReader());
                uncached.setQueryCache(null); // as Lucene's strategy: a highlight is no reason to fill the cache
                weight = uncached.createWeight(uncached.rewrite(components.getQuery()), ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
            Matches matches = weight.matches(leafOf(reader), docId);
            if (matches == null) {
                return OffsetsEnum.EMPTY;
            }
            List<OffsetsEnum> found = new ArrayList<>();
            for (String field : matches) {
                MatchesIterator iterator = components.getFieldMatcher().test(field) ? matches.getMatches(field) : null;
                if (iterator != null) {
                    found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                }
            }
            return switch (found.size()) {
                case 0 -> OffsetsEnum.EMPTY;
                case 1 -> found.get(0);
                default -> new OffsetsEnum.MultiOffsetsEnum(found);
            };
        }

        /** The segment's context in the searcher's reader, which the weight's term states are kept by. */
        private LeafReaderContext leafOf(LeafReader reader) {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                if (leaf.reader() == reader) {
                    return leaf;
                }
            }
            throw new IllegalStateException("The highlighter read a segment the searcher does not have");
        }
    }

    private static final class PartsFormatter extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            SnippetBuilder snippet = new SnippetBuilder();
            BlockJoins blocks = new BlockJoins(content);
            for (int p = 0; p < passages.length; p++) {
                Passage passage = passages[p];
                if (p == 0 && passage.getStartOffset() > 0) {
                    snippet.text(ELLIPSIS + " ");
                } else if (p > 0) {
                    snippet.text(" " + ELLIPSIS + " ");
                }
                int at = passage.getStartOffset();
                for (int m = 0; m < passage.getNumMatches(); m++) {
                    int start = Math.max(at, passage.getMatchStarts()[m]);
                    int end = Math.min(passage.getEndOffset(), passage.getMatchEnds()[m]);
                    if (end <= start) {
                        continue; // a match inside one already marked, as a phrase and its words can be
                    }
                    snippet.text(blocks.text(at, start, passage.getStartOffset(), passage.getEndOffset()));
                    snippet.mark(content.substring(start, end));
                    at = end;
                }
                snippet.text(blocks.text(at, passage.getEndOffset(), passage.getStartOffset(), passage.getEndOffset()));
            }
            if (passages.length > 0 && passages[passages.length - 1].getEndOffset() < content.length()) {
                snippet.text(" " + ELLIPSIS);
            }
            return snippet.build();
        }
    }

    /** Collects parts, joining neighbours of the same kind and tidying the spaces at the ends. */
    private static final class SnippetBuilder {

        private final List<Snippet.Part> parts = new ArrayList<>();

        void text(String text) {
            add(text, false);
        }

        void mark(String text) {
            add(text, true);
        }

        private void add(String text, boolean highlighted) {
            if (text.isEmpty()) {
                return;
            }
            int last = parts.size() - 1;
            if (last >= 0 && parts.get(last).highlighted() == highlighted) {
                parts.set(last, new Snippet.Part(spaced(parts.get(last).text() + text), highlighted));
            } else {
                parts.add(new Snippet.Part(spaced(text), highlighted));
            }
        }

        Snippet build() {
            while (!parts.isEmpty() && parts.get(0).text().isBlank()) {
                parts.remove(0);
            }
            while (!parts.isEmpty() && parts.get(parts.size() - 1).text().isBlank()) {
                parts.remove(parts.size() - 1);
            }
            if (!parts.isEmpty()) {
                Snippet.Part first = parts.get(0);
                parts.set(0, new Snippet.Part(first.text().stripLeading(), first.highlighted()));
                Snippet.Part end = parts.get(parts.size() - 1);
                parts.set(parts.size() - 1, new Snippet.Part(end.text().stripTrailing(), end.highlighted()));
            }
            return new Snippet(parts);
        }
    }
}
