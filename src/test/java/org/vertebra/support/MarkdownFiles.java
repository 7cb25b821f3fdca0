package org.vertebra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes Markdown files (and tiny images) for import tests. */
public final class MarkdownFiles {

    /** The smallest valid PNG: one transparent pixel. */
    public static final byte[] ONE_PIXEL_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private MarkdownFiles() {
    }

    public static Path write(Path folder, String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path png(Path folder, String name) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, ONE_PIXEL_PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid article with the given slug, title and body. */
    public static String article(String slug, String title, String body) {
        return """
                ---
                title: "%s"
                slug: %s
                author: Jane Doe
                categories: [Spine, Pain]
                tags: [back pain]
                published: 2024-02-01
                summary: "A test article."
                ---
                %s
                """.formatted(title, slug, body);
    }
}
