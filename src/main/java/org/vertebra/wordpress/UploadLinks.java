package org.vertebra.wordpress;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each file of the WordPress uploads folder went in the media library: the original and
 * every size variant WordPress made of it ({@code knee-300x188.png}), by its path below
 * {@code wp-content/uploads/}. Held for one import run; one entry per file, not per post.
 */
final class UploadLinks {

    private static final String UPLOADS = "/wp-content/uploads/";
    private static final Pattern SIZE_SUFFIX = Pattern.compile("-\\d+x\\d+(?=\\.[A-Za-z0-9]+$)");

    private final Map<String, String> byUploadPath = new HashMap<>();

    void add(String uploadPath, String libraryUrl) {
        byUploadPath.put(uploadPath, libraryUrl);
    }

    /** The library address for an address into the old uploads folder; empty for any other address. */
    Optional<String> libraryUrl(String address) {
        return uploadPath(address).flatMap(path -> {
            String url = byUploadPath.get(path);
            if (url == null) {
                url = byUploadPath.get(SIZE_SUFFIX.matcher(path).replaceFirst(""));
            }
            return Optional.ofNullable(url);
        });
    }

    /** The path below wp-content/uploads/ of an address into that folder, without query or fragment. */
    static Optional<String> uploadPath(String address) {
        int at = address.indexOf(UPLOADS);
        if (at < 0) {
            return Optional.empty();
        }
        String path = address.substring(at + UPLOADS.length()).replaceFirst("[?#].*$", "");
        return path.isEmpty() ? Optional.empty() : Optional.of(java.net.URLDecoder.decode(path.replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    static boolean pointsIntoUploads(String address) {
        return address.contains(UPLOADS);
    }

    int size() {
        return byUploadPath.size();
    }
}
