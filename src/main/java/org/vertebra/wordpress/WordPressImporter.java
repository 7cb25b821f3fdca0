package org.vertebra.wordpress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.account.AccountService;
import org.vertebra.article.ArticleWriter;
import org.vertebra.author.AuthorService;
import org.vertebra.comment.CommentService;
import org.vertebra.data.Transactor;
import org.vertebra.media.MediaLibrary;
import org.vertebra.taxonomy.CategoryService;
import org.vertebra.taxonomy.MenuService;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.trust.ImportDisclosure;
import org.vertebra.trust.TrustSettings;

/**
 * Imports a WordPress export in two streaming passes: first writers, categories, tags and media
 * (which posts refer to, but which the file may list after them), then posts and pages with their
 * comments. Items are keyed by their WordPress id, so running it again updates what changed. A dry
 * run does all of it in one transaction that is rolled back, and removes the files it wrote, so
 * the report says exactly what would happen while nothing changes.
 */
public final class WordPressImporter {

    /**
     * Told how far the reading has come: {@code done} of {@code total} bytes (two passes over the
     * file), and how many posts, pages and other items the second pass has handed on to be imported.
     */
    @FunctionalInterface
    public interface Progress {
        void at(long done, long total, long items);

        static Progress none() {
            return (done, total, items) -> {
            };
        }
    }

    private final Transactor transactor;
    private final WordPressRepository repository;
    private final AccountService accounts;
    private final ArticleWriter articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final CategoryService categories;
    private final MediaLibrary media;
    private final MenuService menus;
    private final CommentService comments;
    private final TrustSettings trust;
    private final Clock clock;

    public WordPressImporter(Jdbi jdbi, Transactor transactor, AccountService accounts, ArticleWriter articles,
                             AuthorService authors, TaxonomyService taxonomy, CategoryService categories, MenuService menus,
                             MediaLibrary media, CommentService comments, TrustSettings trust, Clock clock) {
        this.transactor = transactor;
        this.repository = new WordPressRepository(jdbi);
        this.accounts = accounts;
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.categories = categories;
        this.media = media;
        this.menus = menus;
        this.comments = comments;
        this.trust = trust;
        this.clock = clock;
    }

    /**
     * Imports {@code export}, copying attachments from {@code uploads} (a copy of wp-content/uploads;
     * null to leave media out). Never throws for a bad export: the report says what failed.
     */
    public WordPressReport importFile(Path export, Path uploads, boolean dryRun, Progress progress) {
        return importFile(export, uploads, dryRun, ImportDisclosure.stop(), progress);
    }

    /**
     * As {@link #importFile(Path, Path, boolean, Progress)}, with what to do when the site has no
     * default disclosure and published posts have none: by default it stops before writing
     * anything, and the report says how to go on.
     */
    public WordPressReport importFile(Path export, Path uploads, boolean dryRun, ImportDisclosure disclosure, Progress progress) {
        WordPressReport report = new WordPressReport();
        report.dryRun(dryRun);
        ImportRun run = new ImportRun(uploads == null ? null : uploads.toAbsolutePath(), report,
                disclosure.choice() == ImportDisclosure.Choice.AS_DRAFTS);
        if (!Files.isRegularFile(export)) {
            report.unreadable(export + ": no such file");
            return report;
        }
        if (uploads != null && !Files.isDirectory(uploads)) {
            report.unreadable(uploads + ": the uploads folder does not exist");
            return report;
        }
        if (disclosure.choice() == ImportDisclosure.Choice.STOP && !trust.hasDefaultDisclosure()) {
            int waiting = publishedPosts(export);
            if (waiting > 0) {
                report.stopped(ImportDisclosure.stopMessage(waiting, "post"));
                return report;
            }
        }
        try {
            if (dryRun) {
                transactor.rolledBack(() -> {
                    passes(export, run, disclosure, progress);
                    return null;
                });
            } else {
                passes(export, run, disclosure, progress);
            }
        } finally {
            if (dryRun) {
                media.discard(run.writtenFiles);
            }
        }
        return report;
    }

    private void passes(Path export, ImportRun run, ImportDisclosure disclosure, Progress progress) {
        if (disclosure.choice() == ImportDisclosure.Choice.SET_DEFAULT) {
            adoptDefault(disclosure.defaultText(), run.report);
        }
        long size = sizeOf(export);
        WxrProblem problem = pass(export, new SiteSetup(transactor, repository, accounts, authors, taxonomy, categories, media,
                menus, clock, run), progress, 0, size);
        // Posts before a damaged place still come across: the second pass stops where the first did.
        PostImporter posts = new PostImporter(transactor, repository, articles, taxonomy, comments, clock, run);
        postPass(export, posts, run, progress, size);
        new MenuImporter(transactor, repository, menus, articles, categories, clock, run).importMenus();
        if (problem != null) {
            run.report.unreadable(problem.describe(export.toString()));
        }
    }

    private void adoptDefault(String text, WordPressReport report) {
        if (trust.adoptDefaultDisclosure(text)) {
            report.note("The site's default disclosure is now \"" + text + "\" (--default-disclosure); articles without"
                    + " a disclosure of their own show it. Change it under Settings, Trust.");
        } else {
            report.warning("The site already has a default disclosure; it was kept, and --default-disclosure was not used."
                    + " Change it under Settings, Trust.");
        }
    }

    /** The published posts of the export (pages need no disclosure; protected posts come in as drafts). */
    private static int publishedPosts(Path export) {
        int[] count = {0};
        try {
            new WxrReader().read(export, new WxrReader.Visitor() {
                @Override
                public void item(WxrItem item) {
                    if (item.type().equals("post") && PostImporter.isPublic(item)) {
                        count[0]++;
                    }
                }
            });
        } catch (WxrProblem damaged) {
            // what came before the damage counts; the import reports the damage itself
        }
        return count[0];
    }

    private static WxrProblem pass(Path export, WxrReader.Visitor visitor, Progress progress, long offset, long size) {
        WxrReader reader = new WxrReader();
        try {
            reader.read(export, visitor, bytes -> progress.at(offset + bytes, 2 * size, 0));
            progress.at(offset + size, 2 * size, 0);
            return null;
        } catch (WxrProblem problem) {
            return problem;
        }
    }

    /** Marks the end of the export in the queue of {@link #postPass}. */
    private static final Object END = new Object();

    /** The reader thread stops: nobody takes what it reads any more. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    /**
     * The second pass, on two threads: one reads the export and turns each post's HTML into
     * Markdown, a batch or so ahead, while this one writes the posts before (and holds the
     * transaction, in a dry run). Conversion and writing take about as long as each other, so on
     * a machine with two cores, or a busy one, the import takes about half the time. The queue
     * between them is bounded, so memory does not grow with the export.
     */
    private static void postPass(Path export, PostImporter posts, ImportRun run, Progress progress, long size) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(PostImporter.BATCH);
        AtomicLong read = new AtomicLong();
        Thread reader = new Thread(() -> {
            Object end = END;
            try {
                new WxrReader().read(export, new WxrReader.Visitor() {
                    @Override
                    public void item(WxrItem item) {
                        put(queue, PostImporter.prepare(item, run));
                    }
                }, read::set);
            } catch (Abandoned stop) {
                return;
            } catch (RuntimeException e) {
                end = e;
            }
            put(queue, end);
        }, "wordpress-reader");
        reader.setDaemon(true);
        reader.start();
        long items = 0;
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof PostImporter.Prepared prepared) {
                    posts.accept(prepared);
                    progress.at(size + read.get(), 2 * size, ++items);
                    continue;
                }
                posts.finishAll();
                progress.at(2 * size, 2 * size, items);
                if (next instanceof RuntimeException e && !(e instanceof WxrProblem)) {
                    throw e; // a damaged export stops here as it did in the first pass, which reports it
                }
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } finally {
            reader.interrupt();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Abandoned();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Math.max(1, Files.size(file));
        } catch (java.io.IOException e) {
            return 1;
        }
    }
}
