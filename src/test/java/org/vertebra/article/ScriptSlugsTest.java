package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Articles titled in Hindi and Arabic, published through the desk's form over HTTP, on SQLite and
 * PostgreSQL: their slugs keep every letter, and the page, its canonical link, a renamed slug's
 * redirect, the feed and the sitemap all use the percent-encoded UTF-8 address a browser sends.
 */
class ScriptSlugsTest {

    private static final String PASSWORD = "a long enough password";
    private static final String HINDI = "कमर दर्द: कब चिंता करें";
    private static final String ARABIC = "ألم أسفل الظهر: متى تقلق؟";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anArticleTitledInHindiOrArabicIsServedAtItsPercentEncodedAddress(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            WebClient editor = editor(server);
            publish(editor, HINDI, "");
            publish(editor, ARABIC, "");
            server.server().refreshCache();

            assertThat(server.site().articleWriter.bySlug("कमर-दर्द-कब-चिंता-करें")).as("every letter kept").isPresent();
            assertThat(server.site().articleWriter.bySlug("ألم-أسفل-الظهر-متى-تقلق")).isPresent();
            for (String[] article : List.of(new String[] {"कमर-दर्द-कब-चिंता-करें", HINDI},
                    new String[] {"ألم-أسفل-الظهر-متى-تقلق", ARABIC})) {
                String address = encoded(article[0]);
                HttpResponse<String> response = server.get(address);
                assertThat(response.statusCode()).as(address).isEqualTo(200);
                Document page = Jsoup.parse(response.body());
                assertThat(page.selectFirst("h1").text()).isEqualTo(article[1]);
                assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://vertebra.test" + address);
                // WordPress and some clients write the hex digits in lower case: the same article.
                assertThat(server.get(address.toLowerCase(Locale.ROOT)).statusCode()).isEqualTo(200);
                // Without the trailing slash: a redirect to the encoded address with it.
                HttpResponse<String> bare = server.get(address.substring(0, address.length() - 1));
                assertThat(bare.statusCode()).isEqualTo(301);
                assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith(address);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRenamedSlugInAnotherScriptRedirectsToTheNewEncodedAddress(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            WebClient editor = editor(server);
            long id = publish(editor, HINDI, "");
            Map<String, String> form = form(editor, "/admin/articles/" + id + "/edit/", HINDI, "कमर-दर्द", "publish");
            form.put("modified", editor.page("/admin/articles/" + id + "/edit/").selectFirst("input[name=modified]").val());
            assertThat(editor.post("/admin/articles/" + id + "/", form).statusCode()).isEqualTo(303);
            server.server().refreshCache();

            HttpResponse<String> old = server.get(encoded("कमर-दर्द-कब-चिंता-करें"));
            assertThat(old.statusCode()).isEqualTo(301);
            String location = old.headers().firstValue("Location").orElseThrow();
            assertThat(location).isEqualTo(encoded("कमर-दर्द")).matches("\\p{ASCII}+");
            assertThat(server.get(location).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFeedAndTheSitemapCarryTheEncodedAddressesAndTheSitemapValidates(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            WebClient editor = editor(server);
            publish(editor, HINDI, "");
            publish(editor, ARABIC, "");
            server.server().refreshCache();

            String sitemap = server.get("/sitemap.xml").body();
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(ScriptSlugsTest.class.getResource("/feed/sitemap.xsd")).newValidator()
                    .validate(new StreamSource(new StringReader(sitemap)));
            List<String> locations = Jsoup.parse(sitemap, "", Parser.xmlParser()).select("url > loc").eachText();
            assertThat(locations).contains("http://vertebra.test" + encoded("कमर-दर्द-कब-चिंता-करें"),
                    "http://vertebra.test" + encoded("ألم-أسفل-الظهر-متى-تقلق"));
            // The schema's anyURI lets raw UTF-8 through; the protocol asks for RFC 3986 addresses, which are ASCII.
            for (String location : locations) {
                assertThat(location).matches("\\p{ASCII}+");
                assertThat(new URI(location).getPath()).doesNotContain("%");
            }

            Document feed = Jsoup.parse(server.get("/feed/").body(), "", Parser.xmlParser());
            assertThat(feed.select("item > link").eachText()).contains("http://vertebra.test" + encoded("कमर-दर्द-कब-चिंता-करें"));
            for (String location : locations) {
                assertThat(server.get(location.substring("http://vertebra.test".length())).statusCode()).as(location).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCategoryAndATagNamedInAnotherScriptAreServedAtTheirEncodedAddresses(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            WebClient editor = editor(server);
            Map<String, String> form = form(editor, "/admin/articles/new/", HINDI, "", "publish");
            form.put("categories", "कमर दर्द");
            form.put("tags", "ألم الظهر");
            assertThat(editor.post("/admin/articles/", form).statusCode()).isEqualTo(303);
            server.server().refreshCache();

            HttpResponse<String> category = server.get(encodedUnder("/category/", "कमर-दर्द"));
            assertThat(category.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(category.body()).select("main a").eachText()).contains(HINDI);
            assertThat(server.get(encodedUnder("/tag/", "ألم-الظهر")).statusCode()).isEqualTo(200);
        }
    }

    /** The address as a browser sends it: java.net.URI's own encoding, not the site's. */
    private static String encoded(String slug) {
        try {
            return new URI(null, null, "/" + slug + "/", null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encodedUnder(String prefix, String slug) {
        try {
            return new URI(null, null, prefix + slug + "/", null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static WebClient editor(TestServer server) {
        server.site().accounts.addUser("eve@example.org", "Eve Editor", AccountRole.EDITOR, PASSWORD);
        return new WebClient(server).signIn("eve@example.org", PASSWORD);
    }

    private static long publish(WebClient client, String title, String slug) {
        HttpResponse<String> response = client.post("/admin/articles/", form(client, "/admin/articles/new/", title, slug, "publish"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+)/edit/.*$", "$1"));
    }

    private static Map<String, String> form(WebClient client, String page, String title, String slug, String intent) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", client.csrfToken(page));
        form.put("kind", "post");
        form.put("title", title);
        form.put("slug", slug);
        form.put("summary", "A short summary.");
        form.put("markdown", "Demo content, not medical advice.\n\n## " + title + "\n\nRest helps.");
        form.put("zone", "UTC");
        form.put("intent", intent);
        return form;
    }
}
