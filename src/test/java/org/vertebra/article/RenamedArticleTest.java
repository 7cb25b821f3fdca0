package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** An article whose slug changes keeps its old address working with a 301, and its new page updates at once. */
class RenamedArticleTest {

    @TempDir
    Path temp;

    @Test
    void oldSlugAnswersPermanentRedirectToNewOne() {
        try (TestServer server = TestServer.withDemo(TestDatabase.SQLITE, temp)) {
            Path file = MarkdownFiles.write(temp, "a.md", MarkdownFiles.article("first-name", "Renamed", "Text."));
            server.site().importer.importPaths(List.of(file), false);
            server.server().refreshCache();
            assertThat(server.get("/first-name/").statusCode()).isEqualTo(200);

            MarkdownFiles.write(temp, "a.md", MarkdownFiles.article("second-name", "Renamed", "Text.")
                    .replace("slug: second-name", "slug: second-name\nredirect_from: [first-name]"));
            server.site().importer.importPaths(List.of(file), false);
            server.server().refreshCache();

            var response = server.get("/first-name/");
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).contains("/second-name/");
            assertThat(server.get("/second-name/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void draftsAreNotPublic() {
        try (TestServer server = TestServer.withDemo(TestDatabase.SQLITE, temp)) {
            Path file = MarkdownFiles.write(temp, "d.md", MarkdownFiles.article("a-draft", "Draft", "Text.")
                    .replace("summary:", "status: draft\nsummary:"));
            server.site().importer.importPaths(List.of(file), false);
            server.server().refreshCache();

            assertThat(server.get("/a-draft/").statusCode()).isEqualTo(404);
            assertThat(server.page("/").select("main .card-title a").eachAttr("href")).doesNotContain("/a-draft/");
        }
    }
}
