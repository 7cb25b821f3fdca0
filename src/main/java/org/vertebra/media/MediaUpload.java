package org.vertebra.media;

/**
 * A file someone sends to the media library. The name is only used to name the stored file (its
 * extension is replaced by the real type's); the type is read from the content.
 *
 * @param alt  what the picture shows; may be blank at upload, but an article that shows the
 *             image cannot be published until it is given ({@link MediaLibrary#missingAltText})
 */
public record MediaUpload(String fileName, byte[] content, String alt) {

    public MediaUpload {
        // Some browsers send the whole path on the sender's machine: keep only the last part.
        String last = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        fileName = last.isBlank() ? "image" : last.strip();
        content = content == null ? new byte[0] : content;
        alt = alt == null || alt.isBlank() ? null : alt.strip();
    }
}
