package org.vertebra.redirect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Redirection plug-in's exports, written by hand in the exact shape its exporters give
 * (fileio/csv.php, fileio/json.php and Red_Item::to_json / Red_Group::to_json of
 * johngodley/redirection, version 5.x): the CSV with its header, PHP_EOL line ends, numbers bare
 * and text quoted; the JSON pretty-printed by wp_json_encode, slashes escaped. Demo paths only.
 */
final class RedirectFixture {

    /** Lines 2, 3 and 10 come in; 4 (regex), 5 (disabled) and 6 (302) are left out; 7, 8 and 9 are refused. */
    static Path redirectionCsv() {
        return resource("redirection.csv");
    }

    /** Redirects at lines 25, 51 and 208 come in; those at 77, 103, 129, 155 and 182 are left out. */
    static Path redirectionJson() {
        return resource("redirection.json");
    }

    /** A file in {@code folder} holding exactly these bytes, as a spreadsheet or a person saved it. */
    static Path write(Path folder, String name, String text, boolean byteOrderMark) {
        try {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = body;
            if (byteOrderMark) {
                bytes = new byte[body.length + 3];
                bytes[0] = (byte) 0xEF;
                bytes[1] = (byte) 0xBB;
                bytes[2] = (byte) 0xBF;
                System.arraycopy(body, 0, bytes, 3, body.length);
            }
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(RedirectFixture.class.getResource("/redirect/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private RedirectFixture() {
    }
}
