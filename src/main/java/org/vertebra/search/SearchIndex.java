package org.vertebra.search;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.language.Language;

/**
 * The site's full-text index of published articles, on disk. It is derived data: the database is
 * the truth, and {@link #rebuild} makes the index again from it whenever {@link #needsRebuild()}
 * says so.
 *
 * <p>Every change is committed before it returns, and searches see it at once. Searches only ever
 * see committed states, which is what makes {@link #rebuild} atomic: they keep the old index until
 * the new one is complete. One change runs at a time; any number of searches run beside it.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String CAUGHT_UP_KEY = "vertebra.search.caughtUpTo";

    private final Directory directory;
    private final Analyzer indexAnalyzer;
    private final SearcherManager searchers;
    private final Path synonymsFile;
    /** Each language's searching, made at its first search (or at open when the site has its synonyms). */
    private final Map<String, LanguageSearch> languages = new ConcurrentHashMap<>();
    private final RecentResults recent = new RecentResults();
    private final RelatedArticles related;
    private final Object writeLock = new Object();
    private IndexWriter writer; // replaced after a failed rebuild; guarded by writeLock
    private Map<String, String> commitData; // guarded by writeLock

    private SearchIndex(Directory directory, Analyzer indexAnalyzer, Path synonymsFile,
            Map<String, LanguageSearch> loaded) throws IOException {
        this.directory = directory;
        this.indexAnalyzer = indexAnalyzer;
        this.synonymsFile = synonymsFile;
        this.languages.putAll(loaded);
        this.writer = openWriter(directory, indexAnalyzer);
        try {
            // The writer starts from the last commit's data, so the marks survive a restart.
            this.commitData = toMap(writer.getLiveCommitData());
            if (!DirectoryReader.indexExists(directory)) {
                commitWithoutRefresh(commitData); // a new index: an empty first commit for the searchers to open
            }
            this.searchers = new SearcherManager(directory, null);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
        this.related = new RelatedArticles(indexAnalyzer);
    }

    /**
     * Opens the index in {@code directory}, creating it when missing.
     *
     * @param synonymsFile the site's English synonym list in the Solr format; when it does not exist the
     *                     list shipped in {@code search/synonyms.txt} is used. Another language's list is
     *                     looked for beside it ({@code synonyms.es.txt}), else among the shipped ones
     * @throws IllegalArgumentException when one of the site's synonym lists breaks the format
     * @throws UncheckedIOException     when the directory cannot be used, for example because another
     *                                  process has the index open
     */
    public static SearchIndex open(Path directory, Path synonymsFile) {
        Analyzer indexAnalyzer = SearchAnalyzers.forIndex();
        // The site's own lists are read now, so a mistake in one stops the start rather than a search.
        Map<String, LanguageSearch> loaded = new HashMap<>();
        loaded.put(IndexLanguage.ENGLISH.key(), languageSearch(IndexLanguage.ENGLISH, synonymsFile, indexAnalyzer));
        for (String key : Synonyms.siteLanguages(synonymsFile)) {
            IndexLanguage lang = IndexLanguage.forKey(key);
            loaded.put(lang.key(), languageSearch(lang, synonymsFile, indexAnalyzer));
        }
        try {
            Files.createDirectories(directory);
            Directory files = FSDirectory.open(directory);
            try {
                return new SearchIndex(files, indexAnalyzer, synonymsFile, loaded);
            } catch (IOException | RuntimeException e) {
                files.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + directory, e);
        }
    }

    /** True when the index was never fully built, or was built by a version that indexed differently. */
    public boolean needsRebuild() {
        return withSearcher(searcher ->
                IndexVersion.needsRebuild(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData()));
    }

    /** Adds the article, or replaces the one with its id. */
    public void put(IndexedArticle article) {
        synchronized (writeLock) {
            try {
                writer.updateDocument(ArticleFields.idTerm(article.id()), ArticleFields.toDocument(article));
                commit(commitData);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot index article " + article.id(), e);
            }
        }
    }

    /** Removes the article with this id; nothing happens when there is none. */
    public void remove(long id) {
        synchronized (writeLock) {
            try {
                writer.deleteDocuments(ArticleFields.idTerm(id));
                commit(commitData);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove article " + id + " from the search index", e);
            }
        }
    }

    /**
     * Replaces the whole index with these articles in one commit. When reading them fails half way,
     * the old index stays as it was and the failure is thrown. The caller closes the stream.
     */
    public void rebuild(Stream<IndexedArticle> all) {
        rebuild(all::forEach, null);
    }

    /**
     * As {@link #rebuild(Stream)}, for a source that hands the articles over one at a time (rows
     * read from the database), so that a site of any size is indexed in flat memory.
     *
     * @param upTo what {@link #caughtUpTo()} answers afterwards: when the source was read; may be null
     */
    public void rebuild(ArticleSource all, Instant upTo) {
        synchronized (writeLock) {
            try {
                writer.deleteAll();
                all.forEach(article -> {
                    try {
                        writer.updateDocument(ArticleFields.idTerm(article.id()), ArticleFields.toDocument(article));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                // One segment: a search then walks each word's postings once, and Lucene's skipping
                // works over the whole index instead of restarting per segment (at 100,000 articles
                // the flushes left a dozen, and ranking took twice as long). Later changes add small
                // segments that the merge policy folds in as usual.
                writer.forceMerge(1);
                commit(withMark(IndexVersion.built(), upTo));
            } catch (IOException | RuntimeException e) {
                discardUncommitted(e);
                throw e instanceof IOException io ? new UncheckedIOException("Cannot rebuild the search index", io)
                        : e instanceof UncheckedIOException unchecked
                        ? new UncheckedIOException("Cannot rebuild the search index", unchecked.getCause())
                        : (RuntimeException) e;
            }
        }
    }

    /**
     * Puts these articles into the index and takes those with the removed ids out, all in one commit
     * (one refresh of the searchers rather than one per article), and marks the index caught up to
     * {@code upTo}.
     */
    public void update(ArticleSource put, Iterable<Long> removed, Instant upTo) {
        synchronized (writeLock) {
            try {
                put.forEach(article -> {
                    try {
                        writer.updateDocument(ArticleFields.idTerm(article.id()), ArticleFields.toDocument(article));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                for (long id : removed) {
                    writer.deleteDocuments(ArticleFields.idTerm(id));
                }
                commit(withMark(commitData, upTo));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot update the search index", e);
            }
        }
    }

    /**
     * The moment up to which the index holds the database's changes, as last given to
     * {@link #update} or {@link #rebuild(ArticleSource, Instant)}; kept in the index's commit, so
     * that a restarted server catches up from there instead of reading every article again. Null
     * when never given.
     */
    public Instant caughtUpTo() {
        synchronized (writeLock) {
            String mark = commitData.get(CAUGHT_UP_KEY);
            return mark == null ? null : Instant.parse(mark);
        }
    }

    /** Hands over articles one at a time; see {@link #rebuild(ArticleSource, Instant)}. */
    @FunctionalInterface
    public interface ArticleSource {
        void forEach(Consumer<IndexedArticle> each);
    }

    /** As {@link #search(String, Language, int, int)}, in the English articles. */
    public SearchResults search(String query, int page, int pageSize) {
        return search(query, Language.ENGLISH, page, pageSize);
    }

    /**
     * One page of the articles in this language for what a reader typed, read with that language's
     * analysis and synonyms. Any text is safe, including none: query syntax is read as plain words,
     * and overlong input is cut.
     *
     * @param page     counting from 1; pages past the end come back without hits
     * @param pageSize hits per page, at most {@value ArticleSearch#MAX_PAGE_SIZE}
     */
    public SearchResults search(String query, Language language, int page, int pageSize) {
        LanguageSearch in = in(language);
        return withSearcher(searcher -> {
            long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
            String shown = QueryText.of(query).shown();
            return recent.get(version, in.lang().key(), shown, page, pageSize, () -> {
                try {
                    return in.articles().search(searcher, query, page, pageSize);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the search index", e);
                }
            });
        });
    }


    /** As {@link #suggest(String, Language, int)}, among the English articles' titles. */
    public List<Suggestion> suggest(String prefix, int limit) {
        return suggest(prefix, Language.ENGLISH, limit);
    }

    /**
     * Titles of the articles in this language for the search box while the reader types; the last
     * word may be unfinished. Best first.
     */
    public List<Suggestion> suggest(String prefix, Language language, int limit) {
        LanguageSearch in = in(language);
        return withSearcher(searcher -> in.titles().suggest(searcher, prefix, limit));
    }

    /**
     * Ids of up to {@code limit} other articles on the same subject in the article's own language,
     * best first; empty for an unknown id.
     */
    public List<Long> related(long id, int limit) {
        return withSearcher(searcher -> related.of(searcher, id, limit));
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            IndexWriter lastWriter = writer;
            try (directory; lastWriter; searchers) {
                // closes the searchers, then the writer (nothing is left uncommitted), then the directory
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the search index", e);
            }
        }
    }

    private LanguageSearch in(Language language) {
        IndexLanguage lang = IndexLanguage.of(language);
        return languages.computeIfAbsent(lang.key(), key -> languageSearch(lang, synonymsFile, indexAnalyzer));
    }

    private static LanguageSearch languageSearch(IndexLanguage lang, Path synonymsFile, Analyzer indexAnalyzer) {
        return LanguageSearch.of(lang, Synonyms.load(synonymsFile, lang), indexAnalyzer);
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    private void commit(Map<String, String> data) throws IOException {
        commitWithoutRefresh(data);
        searchers.maybeRefreshBlocking();
    }

    /** Commits with these marks, which describe the whole index and so carry over from change to change. */
    private void commitWithoutRefresh(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        commitData = data;
    }

    /** Drops what a failed rebuild wrote since the last commit; the writer must be reopened after that. */
    private void discardUncommitted(Exception cause) {
        try {
            writer.rollback();
            writer = openWriter(directory, indexAnalyzer);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static IndexWriter openWriter(Directory directory, Analyzer analyzer) throws IOException {
        try {
            return new IndexWriter(directory, config(analyzer, OpenMode.CREATE_OR_APPEND));
        } catch (IndexFormatTooOldException | IndexFormatTooNewException | CorruptIndexException | EOFException
                | NoSuchFileException | FileNotFoundException e) {
            // Derived data: start afresh, and needsRebuild() tells the caller to fill it from the database.
            // Lucene reads the old commit even to replace it, so its files go first.
            LOG.warn("Search index unreadable, starting an empty one: {}", e.toString());
            deleteIndexFiles(directory);
            return new IndexWriter(directory, config(analyzer, OpenMode.CREATE));
        }
    }

    /** Deletes Lucene's files only ("segments_N", "_0.cfs", ...), never anything else kept in the folder. */
    private static void deleteIndexFiles(Directory directory) throws IOException {
        for (String file : directory.listAll()) {
            if (file.startsWith("segments") || file.startsWith("pending_segments") || file.startsWith("_")) {
                directory.deleteFile(file);
            }
        }
    }

    private static IndexWriterConfig config(Analyzer analyzer, OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setCommitOnClose(false);
    }

    private static Map<String, String> withMark(Map<String, String> data, Instant upTo) {
        if (upTo == null) {
            return data;
        }
        Map<String, String> marked = new HashMap<>(data);
        marked.put(CAUGHT_UP_KEY, upTo.toString());
        return Map.copyOf(marked);
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> map = new HashMap<>();
        if (entries != null) {
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        }
        return Map.copyOf(map);
    }
}
