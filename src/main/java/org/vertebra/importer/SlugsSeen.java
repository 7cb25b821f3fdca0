package org.vertebra.importer;

import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * The slugs an import has used so far, each with the place in the run of the file that used it,
 * so that a second file with the same slug is refused. A run of 100,000 files must not hold
 * 100,000 strings (about 140 bytes each with a map's entry): this keeps a 64-bit hash and the
 * file's place, about 24 bytes per file in an open-addressed table at most half full, and asks the
 * caller for an earlier file's slug on the rare equal hash, so that a collision never refuses a
 * file.
 */
final class SlugsSeen {

    private static final long EMPTY = 0;

    private final ToLongFunction<String> hash;
    private long[] hashes = new long[1024];
    private int[] places = new int[1024];
    private int size;

    SlugsSeen() {
        this(SlugsSeen::mixedHash);
    }

    /** With the hash given: tests force collisions with it. */
    SlugsSeen(ToLongFunction<String> hash) {
        this.hash = hash;
    }

    /**
     * Records that the file at {@code place} uses {@code slug}, unless an earlier file does.
     *
     * @param slugAt the slug of the file at an earlier place (read again only when the hashes are equal)
     * @return the earlier file's place, or -1 when the slug is new to this run
     */
    int putIfAbsent(String slug, int place, IntFunction<String> slugAt) {
        long h = nonEmpty(hash.applyAsLong(slug));
        int mask = hashes.length - 1;
        for (int i = spread(h) & mask; hashes[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == h && slug.equals(slugAt.apply(places[i]))) {
                return places[i];
            }
        }
        insert(h, place);
        if (++size * 2 > hashes.length) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void insert(long h, int place) {
        int mask = hashes.length - 1;
        int i = spread(h) & mask;
        while (hashes[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        places[i] = place;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldPlaces = places;
        hashes = new long[oldHashes.length * 2];
        places = new int[oldPlaces.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                insert(oldHashes[i], oldPlaces[i]);
            }
        }
    }

    private static long nonEmpty(long h) {
        return h == EMPTY ? 1 : h;
    }

    private static int spread(long h) {
        return (int) (h ^ (h >>> 32));
    }

    /** A 64-bit hash of the slug's characters, mixed as MurmurHash3's finaliser does. */
    static long mixedHash(String slug) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < slug.length(); i++) {
            h = (h ^ slug.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
