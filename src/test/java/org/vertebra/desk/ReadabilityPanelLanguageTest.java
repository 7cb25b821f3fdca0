package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The editor's readability and plain-words panels measure the text in the language the form sends
 * ({@code lang}), over HTTP on both databases: the live check's JSON and the page that "Preview
 * and check" answers.
 */
class ReadabilityPanelLanguageTest {

    private static final String PASSWORD = "a long enough password";
    /** 3 sentences, 11 words, 21 syllables: Szigriszt-Pazos 84.232 (muy fácil); "artrosis" is in the Spanish glossary. */
    private static final String SPANISH = "La artrosis duele. El médico mira el hueso. ¿Qué hago ahora?";

    @TempDir
    Path temp;

    private WebClient writer(TestServer server) {
        server.site().accounts.addUser("writer@example.org", "Wanda Writer", AccountRole.AUTHOR, PASSWORD);
        return new WebClient(server).signIn("writer@example.org", PASSWORD);
    }

    private static Map<String, String> previewForm(WebClient client, String markdown, String lang) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", client.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", "Dolor de rodilla");
        form.put("markdown", markdown);
        form.put("zone", "UTC");
        form.put("intent", "preview");
        if (lang != null) {
            form.put("lang", lang);
        }
        return form;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLiveCheckMeasuresASpanishTextWithSpanishFormulasAndGlossary(TestDatabase database) throws IOException {
        try (TestServer server = TestServer.empty(database, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            WebClient writer = writer(server);

            JsonNode json = new ObjectMapper().readTree(writer.post("/admin/articles/preview/",
                    previewForm(writer, SPANISH, "es")).body());

            JsonNode language = json.get("language");
            assertThat(language.get("name").asText()).isEqualTo("Spanish");
            assertThat(language.get("validatedFormula").asBoolean()).isTrue();
            assertThat(language.get("scores").get(0).get("formula").asText()).contains("Szigriszt-Pazos", "INFLESZ");
            assertThat(language.get("scores").get(0).get("value").asText()).isEqualTo("84");
            assertThat(language.get("scores").get(0).get("band").asText()).isEqualTo("muy fácil");
            assertThat(language.get("scores").get(1).get("formula").asText()).contains("Fernández-Huerta");
            assertThat(json.get("grade").asText()).as("no English grade for Spanish").isEqualTo("-");
            assertThat(json.get("jargon").get(0).get("term").asText()).isEqualTo("artrosis");
            assertThat(json.get("jargon").get(0).get("plain").asText()).isEqualTo("desgaste de la articulación");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePreviewPageShowsTheLanguagesFormulasOrSaysThereIsNone(TestDatabase database) {
        try (TestServer server = TestServer.empty(database, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            WebClient writer = writer(server);

            Document spanish = Jsoup.parse(writer.post("/admin/articles/", previewForm(writer, SPANISH, "es-MX")).body());
            assertThat(spanish.select("[data-check=formula]").first().text())
                    .contains("INFLESZ", "84", "muy fácil", "55 or more");
            assertThat(spanish.select("[data-check=formula]").first().hasClass("on-target")).isTrue();
            assertThat(spanish.select("[data-check=grade]")).as("no English grade").isEmpty();
            assertThat(spanish.select("[data-check=jargon] .findings").text()).contains("artrosis", "desgaste de la articulación");

            Document hindi = Jsoup.parse(writer.post("/admin/articles/",
                    previewForm(writer, "घुटने में दर्द है। डॉक्टर से मिलें।", "hi")).body());
            assertThat(hindi.select("[data-check=no-formula]").text()).startsWith("No readability formula is validated for Hindi");
            assertThat(hindi.select("[data-check=formula], [data-check=grade]")).isEmpty();
            assertThat(hindi.select("[data-check=no-glossary]").text()).contains("no glossary for Hindi", "glossary-hi.tsv");

            Document english = Jsoup.parse(writer.post("/admin/articles/",
                    previewForm(writer, "Rest the knee. Use ice.", null)).body());
            assertThat(english.select("[data-check=grade]").text()).as("the site's language, English, by default")
                    .startsWith("Grade");
            assertThat(english.select("[data-check=jargon] .hint").text()).contains("English glossary");

            Document notATag = Jsoup.parse(writer.post("/admin/articles/",
                    previewForm(writer, "Rest the knee. Use ice.", "<script>")).body());
            assertThat(notATag.select("[data-check=grade]")).as("a value that is not a tag is ignored").isNotEmpty();
        }
    }
}
