package org.vertebra.media;

import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What a feature that shows library images tells the library about them: where an image is used,
 * and how to let go of it when an editor deletes it anyway. The article and author features
 * provide one each (wired in {@code app/Site}); the library never reads their tables.
 */
public interface MediaUses {

    /**
     * The uses of the item with this id, whose original and variants live at these addresses
     * ({@code /media/...}); both are given so a feature can match ids and addresses in text alike.
     */
    List<MediaUse> find(long mediaId, Collection<String> urls);

    /**
     * Clears the fields that hold the item's id (a featured image, a photo), so its row can go,
     * in the caller's transaction. Links in text are left as they are: the list of uses names them.
     */
    void release(long mediaId);

    interface Finder {
        List<MediaUse> find(long mediaId, Collection<String> urls);
    }

    static MediaUses of(Finder finder, LongConsumer release) {
        return new MediaUses() {
            @Override
            public List<MediaUse> find(long mediaId, Collection<String> urls) {
                return finder.find(mediaId, urls);
            }

            @Override
            public void release(long mediaId) {
                release.accept(mediaId);
            }
        };
    }
}
