package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.redirect.RedirectFile.Format;
import org.vertebra.redirect.RedirectFile.Row;

/** Reading the redirect files people have, before the site is asked anything. */
class RedirectFileReaderTest {

    @TempDir
    Path folder;

    @Test
    void readsACsvSavedByExcelWithItsByteOrderMarkCrlfLineEndsAndQuotedFields() throws Exception {
        Path file = RedirectFixture.write(folder, "redirects.csv", "Old address,New address,Code\r\n"
                + "/heel-pain/,/plantar-fasciitis-heel-pain/,301\r\n"
                + "\"/knee, pain/\",\"/knee-arthroscopy-what-to-expect/\",\r\n"
                + "/say-\"hi\"/,/about/\r\n"
                + "\r\n"
                + "\"/quoted \"\"twice\"\"/\",,410\r\n"
                + "/leaflet.pdf,,\r\n", true);

        RedirectFile read = RedirectFileReader.read(file);

        assertThat(read.format()).isEqualTo(Format.PLAIN_CSV);
        assertThat(read.rows()).extracting(Row::line, Row::source, Row::target, Row::kind).containsExactly(
                tuple(2, "/heel-pain/", "/plantar-fasciitis-heel-pain/", RedirectKind.MOVED),
                tuple(3, "/knee, pain/", "/knee-arthroscopy-what-to-expect/", RedirectKind.MOVED),
                tuple(4, "/say-\"hi\"/", "/about/", RedirectKind.MOVED),
                tuple(6, "/quoted \"twice\"/", null, RedirectKind.GONE),
                tuple(7, "/leaflet.pdf", null, RedirectKind.GONE));
    }

    @Test
    void readsACsvWithoutHeaderAndAQuotedFieldOverTwoLines() throws Exception {
        Path file = RedirectFixture.write(folder, "plain.txt", "/a/,/b/\n\"/multi\nline/\",/c/\n/d/,/e/", false);

        assertThat(RedirectFileReader.read(file).rows()).extracting(Row::line, Row::source)
                .containsExactly(tuple(1, "/a/"), tuple(2, "/multi\nline/"), tuple(4, "/d/"));
    }

    @Test
    void takesAFullAddressAsItsPathAndATargetOnTheSameHostAsAPathHere() throws Exception {
        Path file = RedirectFixture.write(folder, "full.csv", "https://clinic.example/2019/heel/?p=5,https://clinic.example/heel/\n"
                + "http://clinic.example/knee/,https://elsewhere.example/knee/\n", false);

        assertThat(RedirectFileReader.read(file).rows()).extracting(Row::source, Row::target).containsExactly(
                tuple("/2019/heel/?p=5", "/heel/"), tuple("/knee/", "https://elsewhere.example/knee/"));
    }

    @Test
    void leavesOutCodesVertebraDoesNotAnswerWithTheReason() throws Exception {
        Path file = RedirectFixture.write(folder, "codes.csv", "/a/,/b/,302\n/c/,/d/,418\n/e/,/f/,moved\n/g/,/h/,308\n", false);

        assertThat(RedirectFileReader.read(file).rows()).extracting(Row::line, Row::leftOut, Row::kind).containsExactly(
                tuple(1, "a temporary redirect (302); Vertebra's redirects are permanent, so add it in the admin as 301 if the "
                        + "move is final", null),
                tuple(2, "code \u201c418\u201d: Vertebra's redirects answer 301 (moved) or 410 (gone)", null),
                tuple(3, "code \u201cmoved\u201d: Vertebra's redirects answer 301 (moved) or 410 (gone)", null),
                tuple(4, null, RedirectKind.MOVED));
    }

    @Test
    void readsTheRedirectionPluginsCsvExportAndLeavesOutRegexDisabledAndTemporaryRows() throws Exception {
        RedirectFile read = RedirectFileReader.read(RedirectFixture.redirectionCsv());

        assertThat(read.format()).isEqualTo(Format.REDIRECTION_CSV);
        assertThat(read.rows()).filteredOn(r -> !r.isLeftOut()).extracting(Row::line, Row::source, Row::target, Row::kind, Row::note)
                .containsExactly(
                        tuple(2, "/2019/03/heel-pain-stretches/", "/plantar-fasciitis-heel-pain/", RedirectKind.MOVED, null),
                        tuple(3, "/clinic-hours-2019/", null, RedirectKind.GONE, "Old opening hours"),
                        tuple(7, "/admin/settings/", "/teleconsult/", RedirectKind.MOVED, null),
                        tuple(8, "/heel-pain/", "/2019/03/heel-pain-stretches/", RedirectKind.MOVED, "Shortcut, \"heel\" campaign"),
                        tuple(9, "/plantar-fasciitis-heel-pain/", "/heel/", RedirectKind.MOVED, null),
                        tuple(10, "/ankle-sprain/", "/ankle-sprain-first-days/", RedirectKind.MOVED, null));
        assertThat(read.rows()).filteredOn(Row::isLeftOut).extracting(Row::line, Row::leftOut).containsExactly(
                tuple(4, "a regular expression; Vertebra's redirects match one address each"),
                tuple(5, "disabled in the Redirection plug-in"),
                tuple(6, "a temporary redirect (302); Vertebra's redirects are permanent, so add it in the admin as 301 if the "
                        + "move is final"));
    }

    @Test
    void readsTheRedirectionPluginsJsonExportWithTheLineWhereEachRedirectStarts() throws Exception {
        RedirectFile read = RedirectFileReader.read(RedirectFixture.redirectionJson());

        assertThat(read.format()).isEqualTo(Format.REDIRECTION_JSON);
        assertThat(read.rows()).filteredOn(r -> !r.isLeftOut()).extracting(Row::line, Row::source, Row::target, Row::kind)
                .containsExactly(
                        tuple(25, "/2018/05/back-pain-myths/", "/low-back-pain-when-to-worry/", RedirectKind.MOVED),
                        tuple(51, "/fees-2020/", null, RedirectKind.GONE),
                        tuple(208, "/shoulder/", "https://shoulder-clinic.example/frozen-shoulder/", RedirectKind.MOVED));
        assertThat(read.rows()).filteredOn(Row::isLeftOut).extracting(Row::line, Row::leftOut).containsExactly(
                tuple(77, "a regular expression; Vertebra's redirects match one address each"),
                tuple(103, "disabled in the Redirection plug-in"),
                tuple(129, "its group \u201cWinter campaign\u201d is disabled in the Redirection plug-in"),
                tuple(155, "it redirects only when a condition holds (\u201clogin\u201d); Vertebra's redirects always apply"),
                tuple(182, "a temporary redirect (307); Vertebra's redirects are permanent, so add it in the admin as 301 if the "
                        + "move is final"));
    }

    @Test
    void tellsTheFormatFromTheContentNotTheName() throws Exception {
        Path json = Files.copy(RedirectFixture.redirectionJson(), folder.resolve("export.csv"));
        Path csv = Files.copy(RedirectFixture.redirectionCsv(), folder.resolve("export.json"));

        assertThat(RedirectFileReader.read(json).format()).isEqualTo(Format.REDIRECTION_JSON);
        assertThat(RedirectFileReader.read(csv).format()).isEqualTo(Format.REDIRECTION_CSV);
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithTheLineWhereItBreaks() {
        Path unclosed = RedirectFixture.write(folder, "unclosed.csv", "/a/,/b/\n/c/,\"/d/\n/e/,/f/\n", false);
        Path columns = RedirectFixture.write(folder, "columns.csv", "/a/,/b/\n/c/\n", false);
        Path afterQuote = RedirectFixture.write(folder, "after.csv", "/a/,\"/b/\"x\n", false);
        Path json = RedirectFixture.write(folder, "broken.json", "{\n  \"redirects\": [\n    {\"url\": \"/a/\",}\n", false);
        Path notAnExport = RedirectFixture.write(folder, "other.json", "{\"posts\": []}", false);
        Path empty = RedirectFixture.write(folder, "empty.csv", "\r\n", true);
        Path latin1 = folder.resolve("latin1.csv");

        assertThatThrownBy(() -> RedirectFileReader.read(unclosed)).hasMessage(unclosed + ":2: a quoted field is not closed");
        assertThatThrownBy(() -> RedirectFileReader.read(columns))
                .hasMessage(columns + ":2: expected two or three columns (source, target, code), found 1");
        assertThatThrownBy(() -> RedirectFileReader.read(afterQuote)).hasMessageStartingWith(afterQuote + ":1: text after a closing quote");
        assertThatThrownBy(() -> RedirectFileReader.read(json)).hasMessageStartingWith(json + ":3: not valid JSON");
        assertThatThrownBy(() -> RedirectFileReader.read(notAnExport)).hasMessageContaining("not a Redirection plug-in export");
        assertThatThrownBy(() -> RedirectFileReader.read(empty)).hasMessage(empty + ": the file is empty");
        assertThatThrownBy(() -> RedirectFileReader.read(folder.resolve("missing.csv"))).hasMessageEndingWith("missing.csv: no such file");
        assertThatThrownBy(() -> {
            Files.write(latin1, new byte[] {'/', (byte) 0xE9, '/', ',', '/', 'a', '/'});
            RedirectFileReader.read(latin1);
        }).hasMessageContaining("latin1.csv: is not UTF-8 text");
    }
}
