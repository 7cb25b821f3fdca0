package org.vertebra.search;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

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
    /** Every text field at once: what decides whether an article matches at all. */
    static final String ALL = "all";
    /** Unstemmed words of the article, so spelling suggestions are words a reader would recognise. */
    static final String SPELL = "spell";
    /** Unstemmed title words, for prefix suggestions as the reader types. */
    static final String TITLE_WORDS = "title_words";
    /** The title's words joined by single spaces, so "frozen sho" can match the start of a title. */
    static final String TITLE_START = "title_start";
    static final String PUBLISHED = "published";
    private static final String ID_ORDER = "id_order";
    private static final String PUBLISHED_ORDER = "published_order";

    /** Equal scores fall back to newer first, then to the id, so paging and related lists never shuffle. */
    static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE,
            new SortField(PUBLISHED_ORDER, SortField.Type.LONG, true), new SortField(ID_ORDER, SortField.Type.LONG));
    static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(ID_ORDER, SortField.Type.LONG));

    private static final Set<String> HIT_FIELDS = Set.of(ID, SLUG, TITLE, SUMMARY, PUBLISHED);

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

    static Document toDocument(IndexedArticle article) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_ORDER, article.id()));
        doc.add(new StoredField(SLUG, article.slug()));
        doc.add(new Field(TITLE, article.title(), STORED_TEXT_WITH_VECTORS));
        article.headings().forEach(h -> doc.add(new Field(HEADINGS, h, TEXT_WITH_VECTORS)));
        article.tags().forEach(t -> doc.add(new Field(TAGS, t, TEXT_WITH_VECTORS)));
        article.categories().forEach(c -> doc.add(new TextField(CATEGORIES, c, Field.Store.NO)));
        doc.add(new TextField(SUMMARY, article.summary(), Field.Store.YES));
        doc.add(new Field(BODY, article.body(), BODY_TYPE));
        texts(article).forEach(text -> {
            doc.add(new TextField(ALL, text, Field.Store.NO));
            doc.add(new TextField(SPELL, text, Field.Store.NO));
        });
        doc.add(new TextField(TITLE_WORDS, article.title(), Field.Store.NO));
        doc.add(new StringField(TITLE_START, TitleSuggester.startKey(article.title()), Field.Store.NO));
        if (article.publishedAt() != null) {
            doc.add(new StoredField(PUBLISHED, article.publishedAt().toString()));
            doc.add(new NumericDocValuesField(PUBLISHED_ORDER, article.publishedAt().toEpochMilli()));
        }
        return doc;
    }

    /** The stored fields of a found article; the snippet is made separately. */
    static Hit toHit(IndexSearcher searcher, int docId, Snippet snippet) throws IOException {
        Document doc = searcher.storedFields().document(docId, HIT_FIELDS);
        String published = doc.get(PUBLISHED);
        return new Hit(Long.parseLong(doc.get(ID)), doc.get(SLUG), doc.get(TITLE), doc.get(SUMMARY), snippet,
                published == null ? null : Instant.parse(published));
    }

    static long id(IndexSearcher searcher, int docId) throws IOException {
        return Long.parseLong(searcher.storedFields().document(docId, Set.of(ID)).get(ID));
    }

    static Suggestion toSuggestion(IndexSearcher searcher, int docId) throws IOException {
        Document doc = searcher.storedFields().document(docId, Set.of(TITLE, SLUG));
        return new Suggestion(doc.get(TITLE), doc.get(SLUG));
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
