package org.vertebra.wordpress;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The export, uploads and address lists that make-export.sh made with a real WordPress. */
final class WordPressFixture {

    /** The posts of the export, all of which come across (drafts, private and password-protected ones as drafts). */
    static final int POSTS = 13;

    private WordPressFixture() {
    }

    static Path folder() {
        try {
            return Path.of(WordPressFixture.class.getResource("/wordpress/export.xml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path export() {
        return folder().resolve("export.xml");
    }

    static Path uploads() {
        return folder().resolve("uploads");
    }

    static List<WxrItem> items() {
        List<WxrItem> items = new ArrayList<>();
        new WxrReader().read(export(), new WxrReader.Visitor() {
            @Override
            public void item(WxrItem item) {
                items.add(item);
            }
        });
        return items;
    }

    static WxrItem item(String slug) {
        return items().stream().filter(i -> i.slug().equals(slug)).findFirst().orElseThrow();
    }
}
