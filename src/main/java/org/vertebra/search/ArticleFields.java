package org.vertebra.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.BytesRef;

/** The fields of an article in the index, and how an {@link IndexedArticle} becomes a document. */
final class ArticleFields {

    static final String ID = "id";
    static final String SLUG = "slug";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String TAGS = "tags";
    static final String CATEGORIES = "categories";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    /** Where the body's sentences end ({@link SentenceBreaks#stored}), read with it to make snippets. */
    static final String BODY_BREAKS = "body_breaks";
    /** Every text field at once: what decides whether an article matches at all. */
    static final String ALL = "all";
    /** Unstemmed words of the article, so spelling suggestions are words a reader would recognise. */
    static final String SPELL = "spell";
    /** Unstemmed title words, for prefix suggestions as the reader types. */
    static final String TITLE_WORDS = "title_words";
    /** The title's words joined by single spaces, so "frozen sho" can match the start of a title. */
    static final String TITLE_START = "title_start";
    static final String PUBLISHED = "published";
    /** The key of the article's {@link IndexLanguage}: which fields hold its text. */
    static final String LANG = "lang";
    /**
     * What a results page shows of a hit (slug, title, summary, date) in one doc value: read
     * without decompressing the stored fields, whose blocks also hold the long bodies.
     */
    private static final String HIT = "hit";
    private static final String ID_ORDER = "id_order";
    private static final String PUBLISHED_ORDER = "published_order";

    /** Equal scores fall back to newer first, then to the id, so paging and related lists never shuffle. */
    static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE,
            new SortField(PUBLISHED_ORDER, SortField.Type.LONG, true), new SortField(ID_ORDER, SortField.Type.LONG));
    static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(ID_ORDER, SortField.Type.LONG));

    // More-like-this reads the terms of these fields from term vectors instead of analysing them again.
    private static final FieldType TEXT_WITH_VECTORS = textType(false, false);
    private static final FieldType STORED_TEXT_WITH_VECTORS = textType(true, false);
    // The highlighter finds matches in the body from the offsets kept in the postings.
    private static final FieldType BODY_TYPE = textType(true, true);

    private ArticleFields() {
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /**
     * The article's text goes into its language's fields ({@link IndexLanguage#field}); what a
     * results page shows of it, its id and dates are kept under the same names in every language.
     */
    static Document toDocument(IndexedArticle article) {
        IndexLanguage lang = IndexLanguage.of(article.lang());
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_ORDER, article.id()));
        doc.add(new StringField(LANG, lang.key(), Field.Store.YES));
        doc.add(new StoredField(SLUG, article.slug()));
        doc.add(new Field(lang.field(TITLE), article.title(), STORED_TEXT_WITH_VECTORS));
        article.headings().forEach(h -> doc.add(new Field(lang.field(HEADINGS), h, TEXT_WITH_VECTORS)));
        article.tags().forEach(t -> doc.add(new Field(lang.field(TAGS), t, TEXT_WITH_VECTORS)));
        article.categories().forEach(c -> doc.add(new TextField(lang.field(CATEGORIES), c, Field.Store.NO)));
        doc.add(new TextField(lang.field(SUMMARY), article.summary(), Field.Store.YES));
        // Before the body: the highlighter reads the stored fields in order, and takes these for the body that follows.
        doc.add(new StoredField(BODY_BREAKS, SentenceBreaks.stored(article.body())));
        doc.add(new Field(lang.field(BODY), article.body(), BODY_TYPE));
        String all = lang.field(ALL);
        String spell = lang.field(SPELL);
        texts(article).forEach(text -> {
            doc.add(new TextField(all, text, Field.Store.NO));
            doc.add(new TextField(spell, text, Field.Store.NO));
        });
        doc.add(new TextField(lang.field(TITLE_WORDS), article.title(), Field.Store.NO));
        doc.add(new StringField(lang.field(TITLE_START), TitleSuggester.startKey(lang, article.title()), Field.Store.NO));
        if (article.publishedAt() != null) {
            doc.add(new StoredField(PUBLISHED, article.publishedAt().toString()));
            doc.add(new NumericDocValuesField(PUBLISHED_ORDER, article.publishedAt().toEpochMilli()));
        }
        doc.add(new BinaryDocValuesField(HIT, hitValue(article)));
        return doc;
    }

    private static BytesRef hitValue(IndexedArticle article) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStreamDataOutput out = new OutputStreamDataOutput(bytes);
        try {
            out.writeString(article.slug());
            out.writeString(article.title());
            out.writeString(article.summary());
            out.writeString(article.publishedAt() == null ? "" : article.publishedAt().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array never fails to take bytes
        }
        return new BytesRef(bytes.toByteArray());
    }

    /** What the results page shows of a found article; the snippet is made separately. */
    static Hit toHit(IndexSearcher searcher, int docId, Snippet snippet, IndexLanguage lang) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(HIT);
        if (values != null && values.advanceExact(docId - leaf.docBase)) {
            ByteArrayDataInput in = new ByteArrayDataInput(values.binaryValue().bytes, values.binaryValue().offset,
                    values.binaryValue().length);
            String slug = in.readString();
            String title = in.readString();
            String summary = in.readString();
            String published = in.readString();
            return new Hit(id(searcher, docId, leaf), slug, title, summary, snippet,
                    published.isEmpty() ? null : Instant.parse(published));
        }
        return storedHit(searcher, docId, snippet, lang);
    }

    /** The id from the article's doc values, which every document has (the stored id costs a decompression). */
    private static long id(IndexSearcher searcher, int docId, LeafReaderContext leaf) throws IOException {
        NumericDocValues ids = leaf.reader().getNumericDocValues(ID_ORDER);
        return ids != null && ids.advanceExact(docId - leaf.docBase) ? ids.longValue() : id(searcher, docId);
    }

    /** As {@link #toHit}, from the stored fields. */
    private static Hit storedHit(IndexSearcher searcher, int docId, Snippet snippet, IndexLanguage lang)
            throws IOException {
        String title = lang.field(TITLE);
        String summary = lang.field(SUMMARY);
        Document doc = searcher.storedFields().document(docId, Set.of(ID, SLUG, title, summary, PUBLISHED));
        String published = doc.get(PUBLISHED);
        return new Hit(Long.parseLong(doc.get(ID)), doc.get(SLUG), doc.get(title), doc.get(summary), snippet,
                published == null ? null : Instant.parse(published));
    }

    static long id(IndexSearcher searcher, int docId) throws IOException {
        return Long.parseLong(searcher.storedFields().document(docId, Set.of(ID)).get(ID));
    }

    static Suggestion toSuggestion(IndexSearcher searcher, int docId, IndexLanguage lang) throws IOException {
        String title = lang.field(TITLE);
        Document doc = searcher.storedFields().document(docId, Set.of(title, SLUG));
        return new Suggestion(doc.get(title), doc.get(SLUG));
    }

    /** The language the document's text was indexed in. */
    static IndexLanguage language(IndexSearcher searcher, int docId) throws IOException {
        String key = searcher.storedFields().document(docId, Set.of(LANG)).get(LANG);
        return key == null ? IndexLanguage.ENGLISH : IndexLanguage.forKey(key);
    }

    private static List<String> texts(IndexedArticle a) {
        return Stream.of(Stream.of(a.title()), a.headings().stream(), a.tags().stream(), a.categories().stream(),
                        Stream.of(a.summary(), a.body()))
                .flatMap(s -> s)
                .filter(text -> !text.isBlank())
                .collect(Collectors.toList());
    }

    private static FieldType textType(boolean stored, boolean offsets) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setStored(stored);
        type.setStoreTermVectors(true);
        if (offsets) {
            type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        }
        type.freeze();
        return type;
    }
}
