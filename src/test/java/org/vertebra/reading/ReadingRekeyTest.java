package org.vertebra.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.app.Settings;
import org.vertebra.app.SettingsLoader;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.audit.Actor;
import org.vertebra.consult.HealthDataCipher;
import org.vertebra.content.KeyPoints;
import org.vertebra.support.CommandRun;
import org.vertebra.support.TestClock;

/**
 * A reading list's address and note are health data sealed under the consultation key:
 * {@code vertebra consult-rekey} seals them again after a key change, so the old key can go.
 */
class ReadingRekeyTest {

    private static final String NEW_KEY = "W1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1s=";
    private static final String NOTE = "Do the knee exercises daily.";

    @TempDir
    Path temp;

    @Test
    void consultRekeySealsTheAddressAndNoteAgainUnderTheNewKey() throws Exception {
        Path data = temp.resolve("site");
        try (Site site = Site.open(settings(data), TestClock.at("2026-03-02T09:00:00Z"))) {
            User asha = site.accounts.addUser("asha@clinic.example", "Dr Asha Raman", AccountRole.DOCTOR, "a long enough password");
            Article knee = site.articleWriter.save(new ArticleDraft(Article.POST, "knee", "Knee Pain", "About knees.", "Text.", null, null,
                    Article.PUBLISHED, site.clock.instant().minus(Duration.ofDays(1)), null, null, null, "None.", false, List.of(),
                    KeyPoints.NONE)).article();
            site.reading.send(new ReadingCommand(List.of(knee.id()), NOTE, "priya@example.org", null),
                    Actor.account(asha.id(), asha.name(), "127.0.0.1", null));
        }
        String oldKey = Files.readString(data.resolve("consult.key")).strip();
        Files.writeString(data.resolve("consult.old-keys"), oldKey + "\n");
        Files.writeString(data.resolve("consult.key"), NEW_KEY + "\n");

        CommandRun run = CommandRun.of("consult-rekey", "--data", data.toString());
        CommandRun again = CommandRun.of("consult-rekey", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 reading list addresses and notes sealed again, 0 were under the key already")
                .doesNotContain("priya", NOTE);
        assertThat(again.out()).contains("0 reading list addresses and notes sealed again, 2 were under the key already");
        Files.delete(data.resolve("consult.old-keys"));
        try (Site site = Site.open(settings(data), TestClock.at("2026-03-02T10:00:00Z"))) {
            String newId = new HealthDataCipher(java.util.Base64.getDecoder().decode(NEW_KEY)).currentKeyId();
            Map<String, Object> stored = site.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT email_sealed, note_sealed FROM reading_lists").mapToMap().one());
            assertThat(HealthDataCipher.keyIdOf(stored.get("email_sealed").toString())).isEqualTo(newId);
            assertThat(HealthDataCipher.keyIdOf(stored.get("note_sealed").toString())).isEqualTo(newId);
            assertThat(site.reading.export("priya@example.org")).singleElement()
                    .satisfies(list -> assertThat(list.get("note")).isEqualTo(NOTE));
            assertThat(site.reading.lists(null)).singleElement()
                    .satisfies(list -> assertThat(list.patient()).isEqualTo("p***@example.org"));
        }
    }

    private static Settings settings(Path data) {
        return new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));
    }
}
