package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WxrReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsWritersTermsAndItemsOfTheRealExport() {
        List<WxrAuthor> authors = new ArrayList<>();
        List<WxrTerm> terms = new ArrayList<>();
        List<WxrItem> items = new ArrayList<>();
        new WxrReader().read(WordPressFixture.export(), new Recording(authors, terms, items));
        assertThat(authors).extracting(WxrAuthor::name).containsExactly("demo-admin", "Dr Dana Demo", "Alex Writer",
                "Pat O'Neill & Team");
        assertThat(terms).filteredOn(t -> t.slug().equals("sciatica")).singleElement()
                .extracting(WxrTerm::parentSlug).isEqualTo("lower-back");
        WxrItem classic = items.stream().filter(i -> i.slug().equals("low-back-pain-demo")).findFirst().orElseThrow();
        assertThat(classic.postDateGmt()).isEqualTo("2023-03-14 08:30:00");
        assertThat(classic.excerpt()).startsWith("A demo overview");
        assertThat(classic.content()).startsWith("This is demo content").contains("[caption id=\"attachment_5\"");
        assertThat(classic.categories()).containsExactly("lower-back");
        assertThat(classic.tags()).containsEntry("back-pain", "back pain");
        assertThat(classic.meta("_yoast_wpseo_metadesc")).isPresent();
        assertThat(classic.comments()).singleElement().extracting(WxrComment::author).isEqualTo("Demo Runner");
        assertThat(items).filteredOn(i -> i.type().equals("attachment")).hasSize(7);
        assertThat(items).filteredOn(WxrItem::passwordProtected).extracting(WxrItem::slug).containsExactly("protected-demo");
    }

    @Test
    void readsWxrOneOneWithOtherPrefixes() throws IOException {
        Path file = temp.resolve("old.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:e="http://wordpress.org/export/1.1/excerpt/"
                     xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/"
                     xmlns:w="http://wordpress.org/export/1.1/">
                <channel><w:wxr_version>1.1</w:wxr_version>
                <item><title>Old &amp; gold</title><d:creator>ann</d:creator><c:encoded><![CDATA[<p>Body</p>]]></c:encoded>
                <e:encoded><![CDATA[Short]]></e:encoded><w:post_id>9</w:post_id><w:post_type>post</w:post_type>
                <w:status>publish</w:status></item>
                </channel></rss>
                """);
        List<WxrItem> items = new ArrayList<>();
        new WxrReader().read(file, new Recording(new ArrayList<>(), new ArrayList<>(), items));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Old & gold");
            assertThat(i.content()).isEqualTo("<p>Body</p>");
            assertThat(i.excerpt()).isEqualTo("Short");
            assertThat(i.creator()).isEqualTo("ann");
            assertThat(i.id()).isEqualTo(9);
        });
    }

    @Test
    void refusesDoctypesSoNoEntityIsExpanded() throws IOException {
        Path file = temp.resolve("bomb.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaa\">]><rss><channel>&a;</channel></rss>");
        assertThatThrownBy(() -> new WxrReader().read(file, new WxrReader.Visitor() {
        })).isInstanceOf(WxrProblem.class);
    }

    /** Keeps what the reader finds. */
    private record Recording(List<WxrAuthor> authors, List<WxrTerm> terms, List<WxrItem> items) implements WxrReader.Visitor {
        @Override
        public void author(WxrAuthor author) {
            authors.add(author);
        }

        @Override
        public void term(WxrTerm term) {
            terms.add(term);
        }

        @Override
        public void item(WxrItem item) {
            items.add(item);
        }
    }
}
