package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;
import org.vertebra.trust.TrustSettingsChange;

/** The list paged with its counts, the CSV streamed both ways, and the digest queued off the request, on SQLite and PostgreSQL. */
class SubscribersAtScaleTest {

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-10T09:00:00Z");
    private final List<Site> nodes = new ArrayList<>();
    private TestDatabase.Created database;

    @AfterEach
    void close() {
        nodes.forEach(Site::close);
        if (database != null) {
            database.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theListPagesNewestFirstWithItsCountsAStatusFilterAndASearch(TestDatabase kind) {
        NewsletterService newsletter = node(kind).newsletter;
        // 130 addresses: every tenth waiting, every thirteenth unsubscribed, the rest confirmed.
        newsletter.importCsv(lines(1, 130));
        NewsletterService.SubscriberPage first = newsletter.subscribers(SubscriberFilter.of("confirmed", null), null, null);
        assertThat(first.count("confirmed")).isEqualTo(108);
        assertThat(first.count("pending")).isEqualTo(13);
        assertThat(first.count("unsubscribed")).isEqualTo(9);
        assertThat(first.inStatus()).isEqualTo(108);
        assertThat(first.newerThan()).isNull();

        List<Long> ids = new ArrayList<>();
        NewsletterService.SubscriberPage page = first;
        while (true) {
            assertThat(page.subscribers()).hasSizeLessThanOrEqualTo(NewsletterService.PAGE_SIZE)
                    .allMatch(s -> s.status().equals("confirmed"));
            page.subscribers().forEach(s -> ids.add(s.id()));
            if (page.olderThan() == null) {
                break;
            }
            page = newsletter.subscribers(page.filter(), page.olderThan(), null);
        }
        assertThat(ids).hasSize(108).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        // From the last page, "newer" goes back to the page before it.
        NewsletterService.SubscriberPage back = newsletter.subscribers(page.filter(), null, page.newerThan());
        assertThat(back.subscribers()).extracting(Subscriber::id).containsExactlyElementsOf(ids.subList(50, 100));

        NewsletterService.SubscriberPage found = newsletter.subscribers(SubscriberFilter.of(null, " Reader1_"), null, null);
        assertThat(found.subscribers()).isEmpty(); // the _ is a character to find, not a wildcard
        found = newsletter.subscribers(SubscriberFilter.of(null, "Reader12"), null, null);
        assertThat(found.subscribers()).extracting(Subscriber::email)
                .containsExactly("reader129@example.org", "reader128@example.org", "reader127@example.org", "reader126@example.org",
                        "reader125@example.org", "reader124@example.org", "reader123@example.org", "reader122@example.org",
                        "reader121@example.org", "reader120@example.org", "reader12@example.org");
        assertThat(found.matches()).isEqualTo(11);

        // The counts follow every change: unsubscribing, erasing, subscribing again.
        Subscriber one = first.subscribers().get(0);
        newsletter.unsubscribe(newsletter.unsubscribeUrl(one).substring(newsletter.unsubscribeUrl(one).indexOf("token=") + 6));
        newsletter.erasePersonalData("reader10@example.org");
        assertThat(newsletter.overview()).extracting(o -> o.confirmed(), o -> o.pending(), o -> o.unsubscribed())
                .containsExactly(107L, 12L, 10L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theExportWritesItsFirstLinesBeforeItReadsTheLastSubscribers(TestDatabase kind) throws IOException {
        NewsletterService newsletter = node(kind).newsletter;
        newsletter.importCsv(lines(1, 2500));
        // An address added once the first subscriber's line is out is in the export only if the end of the list is read after it.
        StringWriter csv = new StringWriter();
        Writer out = new Writer() {
            boolean added;

            @Override
            public void write(char[] chars, int offset, int length) {
                if (!added && csv.getBuffer().indexOf("reader") >= 0) {
                    added = true;
                    newsletter.importCsv("zz-late@example.org,confirmed");
                }
                csv.write(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        newsletter.exportCsv(out);
        assertThat(csv.toString().split("\r\n")).hasSize(2502).contains("zz-late@example.org,confirmed,2025-03-10T09:00:00Z,2025-03-10T09:00:00Z");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theImportCommitsWholeBatchesAsItReadsAndNamesBadLines(TestDatabase kind) {
        NewsletterService newsletter = node(kind).newsletter;
        String text = lines(1, 2400).replace("reader1700@example.org", "reader1700-at-example.org");
        NewsletterService.ImportResult result = newsletter.importCsv(text);
        assertThat(result).isEqualTo(new NewsletterService.ImportResult(2399, 0, 0, 0, 1,
                List.of("Line 1701: \"reader1700-at-example.org\" is not an email address.")));

        // A file that breaks off after 1,500 lines keeps its first batch of 1,000 whole, and nothing of the second.
        Reader breaking = new Reader() {
            final StringReader lines = new StringReader(lines(5001, 6500));

            @Override
            public int read(char[] chars, int offset, int length) throws IOException {
                int n = lines.read(chars, offset, Math.min(length, 64));
                if (n < 0) {
                    throw new IOException("the upload broke off");
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> newsletter.importCsv(breaking)).isInstanceOf(IOException.class);
        assertThat(newsletter.overview()).extracting(o -> o.confirmed() + o.pending() + o.unsubscribed()).isEqualTo(2399L + 1000L);
        assertThat(newsletter.exportCsv()).contains("reader6000@example.org").doesNotContain("reader6001@example.org");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDigestReturnsBeforeItsMailsAreQueuedAndTwoNodesQueueEachMailOnce(TestDatabase kind) throws Exception {
        Site one = node(kind);
        Site two = node(kind);
        one.newsletter.importCsv(lines(1, 1234));
        article(one, "digest-news", "News for the digest");

        NewsletterService.DigestResult result = one.newsletter.sendDigest();
        assertThat(result.recipients()).isEqualTo(1026);
        assertThat(result.message()).contains("1026 subscribers");
        assertThat(digestMails(one)).isZero();
        assertThat(one.newsletter.overview().lastDigestQueuing()).isTrue();

        CompletableFuture<Void> first = CompletableFuture.runAsync(one.newsletter::queueDigests);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            while (!first.isDone()) {
                two.newsletter.queueDigests();
            }
        });
        first.get();
        second.get();
        // Whichever node ran it, each confirmed subscriber has the digest once.
        List<String> recipients = one.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT recipient FROM mail_outbox WHERE kind = 'newsletter-digest'").mapTo(String.class).list());
        assertThat(recipients).hasSize(1026).doesNotHaveDuplicates();
        Set<String> confirmed = IntStream.rangeClosed(1, 1234).filter(i -> status(i).equals("confirmed"))
                .mapToObj(i -> "reader" + i + "@example.org").collect(Collectors.toCollection(HashSet::new));
        assertThat(new HashSet<>(recipients)).isEqualTo(confirmed);
        assertThat(one.newsletter.overview()).extracting(o -> o.lastDigestQueuing(), o -> o.lastDigestQueued())
                .containsExactly(false, 1026);
        two.newsletter.queueDigests();
        assertThat(digestMails(one)).isEqualTo(1026);
        // Three batches, written by either node: one copy of the digest, and rows without a body of their own.
        assertThat(count(one, "SELECT COUNT(*) FROM mail_bodies")).isEqualTo(1);
        assertThat(count(one, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'newsletter-digest' AND text_body = '' AND body_id IS NOT NULL"))
                .isEqualTo(1026);
    }

    private Site node(TestDatabase kind) {
        if (database == null) {
            database = kind.create(folder);
        }
        // One data folder for every node: nodes of one site share its keys.
        Site site = Site.open(TestSite.settings(database, folder.resolve("site")), clock);
        nodes.add(site);
        if (nodes.size() == 1) {
            site.trustSettings.save(new TrustSettingsChange(TestSite.DEFAULT_DISCLOSURE, null));
            site.initialize(false);
        }
        return site;
    }

    /** Lines reader{from}@example.org to reader{to}@..., each with the status {@link #status} gives it. */
    static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "reader" + i + "@example.org," + status(i))
                .collect(Collectors.joining("\n", "email,status\n", "\n"));
    }

    private static String status(int i) {
        return i % 10 == 0 ? "pending" : i % 13 == 0 ? "unsubscribed" : "confirmed";
    }

    private static int digestMails(Site site) {
        return count(site, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'newsletter-digest'");
    }

    private static int count(Site site, String sql) {
        return site.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private void article(Site site, String slug, String title) {
        String markdown = MarkdownFiles.article(slug, title, "Demo content for a test.")
                .replace("published: 2024-02-01", "published: 2025-03-09");
        assertThat(site.importer.importPaths(List.of(MarkdownFiles.write(folder, slug + ".md", markdown)), false).problems())
                .isEmpty();
    }
}
