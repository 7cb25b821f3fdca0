package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.data.Database;
import org.vertebra.data.DatabaseUnavailable;

class SettingsLoaderTest {

    @TempDir
    Path data;

    @Test
    void defaultsToSqliteInTheDataFolderOnPort8080() {
        Settings settings = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dbUrl()).isEqualTo("jdbc:sqlite:" + data.toAbsolutePath().normalize().resolve("vertebra.db"));
        assertThat(settings.isPostgres()).isFalse();
    }

    @Test
    void createsCommentedSettingsFileOnFirstRun() throws IOException {
        new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));

        assertThat(Files.readString(data.resolve("vertebra.properties"))).contains("# port=8080").contains("VERTEBRA_");
    }

    @Test
    void optionBeatsVariableBeatsFileBeatsDefault() throws IOException {
        Files.writeString(data.resolve("vertebra.properties"), "port=7001\nsite.title=From file\nbase.url=https://file.example/\n");
        Map<String, String> env = Map.of("VERTEBRA_PORT", "7002", "VERTEBRA_SITE_TITLE", "From variable");

        Settings fromOption = new SettingsLoader(env).load(new SettingsLoader.Overrides(7003, data, null));
        Settings fromVariable = new SettingsLoader(env).load(new SettingsLoader.Overrides(null, data, null));
        Settings fromFile = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));

        assertThat(fromOption.port()).isEqualTo(7003);
        assertThat(fromVariable.port()).isEqualTo(7002);
        assertThat(fromVariable.siteTitle()).isEqualTo("From variable");
        assertThat(fromFile.port()).isEqualTo(7001);
        assertThat(fromFile.baseUrl()).isEqualTo("https://file.example");
    }

    @Test
    void dataFolderComesFromVariableWhenNoOption() {
        Settings settings = new SettingsLoader(Map.of("VERTEBRA_DATA", data.toString(), "VERTEBRA_DB_URL", "jdbc:postgresql://db/site"))
                .load(SettingsLoader.Overrides.none());

        assertThat(settings.dataDir()).isEqualTo(data.toAbsolutePath().normalize());
        assertThat(settings.isPostgres()).isTrue();
    }

    @Test
    void rejectsPortThatIsNotANumber() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_PORT", "eighty"))
                .load(new SettingsLoader.Overrides(null, data, null)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'eighty'");
    }

    @Test
    void mediaUploadLimitIsTenMegabytesUnlessTheFileOrVariableSaysOtherwise() throws IOException {
        Settings byDefault = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));
        Files.writeString(data.resolve("vertebra.properties"), "media.max_upload_mb=25\n");
        Settings fromFile = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));
        Settings fromVariable = new SettingsLoader(Map.of("VERTEBRA_MEDIA_MAX_UPLOAD_MB", "4"))
                .load(new SettingsLoader.Overrides(null, data, null));

        assertThat(byDefault.mediaMaxUploadMb()).isEqualTo(10);
        assertThat(fromFile.mediaMaxUploadMb()).isEqualTo(25);
        assertThat(fromVariable.mediaMaxUploadMb()).isEqualTo(4);
    }

    @Test
    void defaultSettingsFileShowsTheMediaUploadLimit() throws IOException {
        new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));

        assertThat(Files.readString(data.resolve("vertebra.properties"))).contains("# media.max_upload_mb=10");
    }

    @Test
    void rejectsMediaUploadLimitThatIsNotAWholeNumberOfMegabytes() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_MEDIA_MAX_UPLOAD_MB", "ten"))
                .load(new SettingsLoader.Overrides(null, data, null)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("media.max_upload_mb")
                .hasMessageContaining("'ten'");
        assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_MEDIA_MAX_UPLOAD_MB", "0"))
                .load(new SettingsLoader.Overrides(null, data, null)))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void referenceLookUpsAreOffUntilAnAddressIsSet() throws IOException {
        Settings byDefault = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));
        assertThat(byDefault.crossrefUrl()).isEmpty();
        assertThat(byDefault.pubmedUrl()).isEmpty();
        assertThat(Files.readString(data.resolve("vertebra.properties")))
                .contains("# crossref.url=https://api.crossref.org")
                .contains("# pubmed.url=https://eutils.ncbi.nlm.nih.gov/entrez/eutils");

        Files.writeString(data.resolve("vertebra.properties"),
                "crossref.url=https://api.crossref.org/\npubmed.url=https://file.example/eutils\n");
        Settings fromFile = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));
        Settings fromVariable = new SettingsLoader(Map.of("VERTEBRA_PUBMED_URL", "http://localhost:9999/entrez/eutils"))
                .load(new SettingsLoader.Overrides(null, data, null));

        assertThat(fromFile.crossrefUrl()).as("without its trailing slash").isEqualTo("https://api.crossref.org");
        assertThat(fromFile.pubmedUrl()).isEqualTo("https://file.example/eutils");
        assertThat(fromVariable.pubmedUrl()).isEqualTo("http://localhost:9999/entrez/eutils");
        assertThat(fromVariable.crossrefUrl()).isEqualTo("https://api.crossref.org");
    }

    @Test
    void rejectsReferenceServiceAddressesThatAreNotHttp() {
        for (String bad : new String[] {"api.crossref.org", "ftp://api.crossref.org", "https://api.crossref.org/?mailto=x"}) {
            assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_CROSSREF_URL", bad))
                    .load(new SettingsLoader.Overrides(null, data, null)))
                    .as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("crossref.url")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void rejectsDatabaseOfUnknownKind() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_DB_URL", "jdbc:mysql://localhost/x"))
                .load(new SettingsLoader.Overrides(null, data, null)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("db.url")
                .hasMessageContaining("jdbc:sqlite:");
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x", "", ""))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining("jdbc:sqlite:");
    }

    @Test
    void mailStaysInTheOutboxUntilAnSmtpHostIsSet() throws IOException {
        Path folder = data.resolve("mail");
        MailSettings none = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, folder, null)).mail();
        assertThat(none.configured()).isFalse();
        assertThat(none.tls()).isEqualTo("starttls");
        assertThat(Files.readString(folder.resolve("vertebra.properties"))).contains("# smtp.host=").contains("# contact.to=");

        MailSettings set = new SettingsLoader(Map.of("VERTEBRA_SMTP_HOST", "smtp.clinic.example", "VERTEBRA_SMTP_TLS", "SSL",
                "VERTEBRA_MAIL_FROM", "Clinic <news@clinic.example>"))
                .load(new SettingsLoader.Overrides(null, folder, null)).mail();
        assertThat(set.configured()).isTrue();
        assertThat(set.port()).isEqualTo(465);
        assertThat(set.tls()).as("ssl, the earlier name, is read as smtps").isEqualTo("smtps");
        assertThat(set.siteAddress()).isEqualTo("Clinic <news@clinic.example>");
    }

    @Test
    void rejectsAnUnknownTlsMode() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_SMTP_TLS", "maybe"))
                .load(new SettingsLoader.Overrides(null, data.resolve("tls"), null)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("smtp.tls must be starttls, smtps or none");
    }
}
