package org.vertebra.data;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/**
 * Values worked out from the database for a key (a list's count, its page marks), each kept with
 * the version of the data it was read at and read again once the version moves on. The version is
 * whatever the owner says changes the value (the content counter, the next scheduled publication),
 * compared with {@code equals}.
 */
public final class KeptPerVersion<K, V> {

    private record Kept<V>(Object version, V value) {
    }

    private final Cache<K, Kept<V>> kept;

    public KeptPerVersion(int maximumSize) {
        this.kept = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** The value kept for this key at this version; else {@code read}'s, kept from now on. */
    public V get(K key, Object version, Supplier<V> read) {
        Kept<V> known = kept.getIfPresent(key);
        if (known != null && known.version().equals(version)) {
            return known.value();
        }
        // The version was taken before reading: a value read across a change carries the older one and is read again.
        V value = read.get();
        kept.put(key, new Kept<>(version, value));
        return value;
    }
}
