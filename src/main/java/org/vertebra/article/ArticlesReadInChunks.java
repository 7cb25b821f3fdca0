package org.vertebra.article;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;

/**
 * Articles by id, read from the database a chunk at a time as the list is walked: a list of
 * every article changed since a moment can be all 100,000 of them (the search index catching up
 * after a large import), and their texts together do not fit a small server's heap; their ids do.
 * Only the chunk being walked is held.
 */
final class ArticlesReadInChunks extends AbstractList<Article> {

    static final int CHUNK = 200;

    private final List<Long> ids;
    private final Function<List<Long>, List<Article>> read;
    private int chunkStart = -1;
    private List<Article> chunk = List.of();

    /** @param read the articles with these ids, in the order of the ids */
    ArticlesReadInChunks(List<Long> ids, Function<List<Long>, List<Article>> read) {
        this.ids = List.copyOf(ids);
        this.read = read;
    }

    @Override
    public synchronized Article get(int index) {
        int start = index - index % CHUNK;
        if (start != chunkStart) {
            chunk = read.apply(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
            chunkStart = start;
        }
        return chunk.get(index - start);
    }

    @Override
    public int size() {
        return ids.size();
    }
}
