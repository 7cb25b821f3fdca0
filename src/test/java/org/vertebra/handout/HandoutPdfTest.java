package org.vertebra.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** /{slug}/handout.pdf over HTTP: what the PDF holds, how it is made (fonts, tags, metadata) and served. */
class HandoutPdfTest {

    private static final String PATH = "/" + HandoutArticle.SLUG + "/handout.pdf";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static Path folder;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("vertebra-handout");
        server = TestServer.empty(TestDatabase.SQLITE, Files.createDirectories(folder.resolve("site")), java.time.Clock.systemUTC());
        HandoutArticle.importInto(server, folder.resolve("articles"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePdfHoldsTheTitleKeyPointsEveryReferenceAndTheAddressWithAQrCodeToIt() {
        HttpResponse<byte[]> response = get(PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        try (HandoutPdfReader pdf = new HandoutPdfReader(response.body())) {
            String text = pdf.textWithoutSpaces();
            assertThat(text).contains(HandoutPdfReader.withoutSpaces(HandoutArticle.TITLE));
            assertThat(pdf.text()).contains("Key points", "What you can do", "References");
            for (String point : HandoutArticle.KEY_POINTS) {
                assertThat(text).contains(HandoutPdfReader.withoutSpaces(point));
            }
            for (String action : HandoutArticle.ACTIONS) {
                assertThat(text).contains(HandoutPdfReader.withoutSpaces(action));
            }
            for (List<String> reference : HandoutArticle.REFERENCES) {
                for (String part : reference) {
                    assertThat(text).as("reference text or address").contains(HandoutPdfReader.withoutSpaces(part));
                }
            }
            assertThat(text).contains(HandoutArticle.address());
            assertThat(pdf.text()).contains("Written by Dr Jane Doe", "Medically reviewed by Dr John Roe on 1 June 2024");
            assertThat(pdf.qrCodeOnFirstPage()).isEqualTo(HandoutArticle.address());
            assertThat(pdf.images()).as("the QR code and the article's figure").isEqualTo(2);
            assertThat(pdf.text()).contains("Page 1 of " + pdf.document().getNumberOfPages());
            pdf.savePage(0, "handout-pdf-page-1");
        }
    }

    @Test
    void thePdfIsTaggedTitledInEnglishWithEveryFontEmbedded() throws IOException {
        try (HandoutPdfReader pdf = new HandoutPdfReader(get(PATH).body())) {
            var document = pdf.document();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(HandoutArticle.TITLE);
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Dr Jane Doe");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getMetadata()).as("XMP metadata (PDF/UA identification)").isNotNull();
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfuaid:part");
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).contains("LiberationSans");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void itIsServedAsAPdfWithAFileNameAndAnEntityTagThatAnswers304() {
        HttpResponse<byte[]> first = get(PATH);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(first.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + HandoutArticle.SLUG + ".pdf\"");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(new String(first.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        HttpResponse<byte[]> again = get(PATH, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get(PATH).body()).as("kept, not made again").isEqualTo(first.body());
    }

    @Test
    void aChangedArticleGetsANewHandout() throws IOException {
        String before = get(PATH).headers().firstValue("ETag").orElseThrow();
        Path changed = folder.resolve("changed");
        HandoutArticle.write(changed, HandoutArticle.markdown()
                .replace(HandoutArticle.KEY_POINTS.get(1), "Night splints help some people whose pain lasts."));
        assertThat(server.site().importer.importPaths(List.of(changed), false).hasProblems()).isFalse();
        server.server().refreshCache();
        try {
            HttpResponse<byte[]> after = get(PATH);
            assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
            try (HandoutPdfReader pdf = new HandoutPdfReader(after.body())) {
                assertThat(pdf.textWithoutSpaces()).contains("Nightsplintshelpsomepeoplewhosepainlasts.")
                        .doesNotContain(HandoutPdfReader.withoutSpaces(HandoutArticle.KEY_POINTS.get(1)));
            }
        } finally {
            HandoutArticle.importInto(server, folder.resolve("articles"));
        }
    }

    @Test
    void anArticleThatIsNotPublicHasNoHandout() {
        assertThat(get("/no-such-article/handout.pdf").statusCode()).isEqualTo(404);
        MarkdownFiles.write(folder.resolve("draft"), "draft.md", MarkdownFiles.article("a-draft", "A draft", "Not yet.")
                .replace("summary:", "status: draft\nsummary:"));
        server.site().importer.importPaths(List.of(folder.resolve("draft")), false);
        server.server().refreshCache();
        assertThat(get("/a-draft/handout.pdf").statusCode()).isEqualTo(404);
    }
}
