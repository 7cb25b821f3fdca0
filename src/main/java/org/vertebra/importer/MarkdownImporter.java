package org.vertebra.importer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.vertebra.article.ArticleDraft;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.TranslationRefused;
import org.vertebra.author.AuthorService;
import org.vertebra.content.FrontMatter;
import org.vertebra.content.FrontMatterParser;
import org.vertebra.content.ImageLinks;
import org.vertebra.content.ImportProblem;
import org.vertebra.data.Transactor;
import org.vertebra.media.MediaLibrary;
import org.vertebra.media.MediaRejected;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.trust.ImportDisclosure;
import org.vertebra.trust.TrustSettings;

/**
 * Imports Markdown files with YAML front matter (the format of DESIGN.md). Each file is all or
 * nothing: a file with a problem writes nothing, not even its images, and the next file still
 * imports. Files are committed {@value #BATCH} at a time, each under its own savepoint: one commit
 * (one fsync on SQLite) per file made a 100,000-file import wait on the disk for most of its 16
 * minutes (bench/RESULTS.md, issue 17). Nothing is kept from one batch to the next but the slugs
 * seen, so memory does not grow with the files.
 */
public final class MarkdownImporter {

    static final int BATCH = 200;

    private final FrontMatterParser parser = new FrontMatterParser();
    private final Transactor transactor;
    private final ArticleWriter articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaLibrary media;
    private final TrustSettings trust;

    public MarkdownImporter(Transactor transactor, ArticleWriter articles, AuthorService authors,
                            TaxonomyService taxonomy, MediaLibrary media, TrustSettings trust) {
        this.transactor = transactor;
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
        this.trust = trust;
    }

    /** Imports files and folders of {@code .md} files (searched recursively, in name order). */
    public ImportReport importPaths(List<Path> paths, boolean demo) {
        return importPaths(paths, demo, ImportDisclosure.stop());
    }

    /**
     * As {@link #importPaths(List, boolean)}, with what to do when the site has no default
     * disclosure and published articles have none: by default nothing is imported, and the report
     * says how to go on.
     */
    public ImportReport importPaths(List<Path> paths, boolean demo, ImportDisclosure disclosure) {
        return importPaths(paths, demo, disclosure, new ImportReport());
    }

    /** As {@link #importPaths(List, boolean, ImportDisclosure)}, telling this report (one that prints as it goes). */
    public ImportReport importPaths(List<Path> paths, boolean demo, ImportDisclosure disclosure, ImportReport report) {
        List<Path> files = MarkdownPaths.expand(paths, (path, problem) -> report.problem(path.toString(), 1, problem));
        if (disclosure.choice() == ImportDisclosure.Choice.STOP && !trust.hasDefaultDisclosure()) {
            long waiting = files.stream().filter(this::publishedWithoutDisclosure).count();
            if (waiting > 0) {
                report.stop(ImportDisclosure.stopMessage((int) waiting, "article"));
                return report;
            }
        }
        if (disclosure.choice() == ImportDisclosure.Choice.SET_DEFAULT) {
            adoptDefault(disclosure.defaultText(), report);
        }
        boolean asDrafts = disclosure.choice() == ImportDisclosure.Choice.AS_DRAFTS;
        SlugsSeen slugsInRun = new SlugsSeen();
        Pass first = new Pass(false, new ArrayList<>());
        List<Integer> all = java.util.stream.IntStream.range(0, files.size()).boxed().toList();
        for (int start = 0; start < files.size(); start += BATCH) {
            importBatch(files, all.subList(start, Math.min(files.size(), start + BATCH)), demo, asDrafts, slugsInRun, report, first);
        }
        // A translation read before its original (files come in name order) is imported once every original is in.
        Pass last = new Pass(true, new ArrayList<>());
        for (int start = 0; start < first.deferred().size(); start += BATCH) {
            importBatch(files, first.deferred().subList(start, Math.min(first.deferred().size(), start + BATCH)), demo,
                    asDrafts, slugsInRun, report, last);
        }
        return report;
    }

    /**
     * One pass over the files. In the first, a translation whose original is not in the site yet
     * is put aside in {@code deferred}; in the last, that is a problem of the file.
     */
    private record Pass(boolean last, List<Integer> deferred) {
    }

    /** A translation put aside for the last pass. */
    private static final class Deferred extends RuntimeException {
        Deferred() {
            super(null, null, false, false);
        }
    }

    /**
     * One transaction for these files. The report hears of them once they are committed; when the
     * transaction itself fails, every file of the batch is reported as not imported and its images
     * are removed.
     */
    private void importBatch(List<Path> files, List<Integer> indices, boolean demo, boolean asDrafts,
                             SlugsSeen slugsInRun, ImportReport report, Pass pass) {
        List<Consumer<ImportReport>> outcomes = new ArrayList<>();
        List<Integer> deferredInBatch = new ArrayList<>();
        List<String> writtenInBatch = new ArrayList<>();
        try {
            transactor.run(() -> {
                outcomes.clear();
                writtenInBatch.clear();
                deferredInBatch.clear();
                for (int i : indices) {
                    outcomes.add(importFile(files, i, demo, asDrafts, slugsInRun, writtenInBatch,
                            pass.last() ? null : deferredInBatch));
                }
            });
            outcomes.forEach(o -> o.accept(report));
            pass.deferred().addAll(deferredInBatch);
        } catch (RuntimeException e) {
            media.discard(writtenInBatch);
            for (int i : indices) {
                report.problem(files.get(i).toString(), 1, "not imported: " + e.getMessage());
            }
        }
    }

    /** The slug of a file read before in this run (asked again only when two slugs' hashes are equal). */
    private String slugOf(Path file) {
        return parser.parse(MarkdownPaths.readUtf8(file)).frontMatter().slug();
    }

    private boolean publishedWithoutDisclosure(Path file) {
        try {
            FrontMatter fm = parser.parse(MarkdownPaths.readUtf8(file)).frontMatter();
            return fm.status().equals(org.vertebra.article.Article.PUBLISHED) && !fm.type().equals(org.vertebra.article.Article.PAGE)
                    && (fm.disclosure() == null || fm.disclosure().isBlank());
        } catch (RuntimeException unreadable) {
            return false; // the import reports it, file by file
        }
    }

    private void adoptDefault(String text, ImportReport report) {
        if (transactor.inTransaction(() -> trust.adoptDefaultDisclosure(text))) {
            report.note("The site's default disclosure is now \"" + text + "\" (--default-disclosure); articles without a"
                    + " disclosure of their own show it. Change it under Settings, Trust.");
        } else {
            report.warning("--default-disclosure", "the site already has a default disclosure; it was kept, and the option"
                    + " was not used. Change it under Settings, Trust.");
        }
    }

    /** Imports one file under a savepoint of the batch's transaction; what to tell the report once it commits. */
    /** @param deferred where a translation read before its original is put aside; null in the last pass */
    private Consumer<ImportReport> importFile(List<Path> files, int index, boolean demo, boolean asDrafts,
                                              SlugsSeen slugsInRun, List<String> writtenInBatch, List<Integer> deferred) {
        Path file = files.get(index);
        String name = file.toString();
        List<String> written = new ArrayList<>();
        ImportReport said = new ImportReport();
        try {
            FrontMatterParser.Parsed parsed = parser.parse(MarkdownPaths.readUtf8(file));
            FrontMatter fm = parsed.frontMatter();
            int earlier = slugsInRun.putIfAbsent(fm.slug(), index, place -> slugOf(files.get(place)));
            if (earlier >= 0 && earlier != index) {
                throw new ImportProblem(fm.slugLine(), "slug '" + fm.slug() + "' is already used by " + files.get(earlier)
                        + " in this import");
            }
            fm.warnings().forEach(w -> said.warning(name, w));
            AtomicReference<ArticleWriter.Saved> saved = new AtomicReference<>();
            transactor.savepoint(() -> saved.set(save(file, fm, parsed.body(), demo, asDrafts, written, said, deferred != null)));
            writtenInBatch.addAll(written);
            String imported = name + ": " + saved.get().outcome().name().toLowerCase() + " " + saved.get().article().url();
            return report -> {
                said.copyTo(report);
                report.imported(imported);
            };
        } catch (Transactor.TransactionLost e) {
            media.discard(written);
            throw e;
        } catch (Deferred later) {
            media.discard(written);
            deferred.add(index);
            return report -> { };
        } catch (ImportProblem problem) {
            media.discard(written);
            return report -> {
                said.copyTo(report);
                report.problem(name, problem.line(), problem.getMessage());
            };
        } catch (MediaRejected e) {
            media.discard(written);
            return report -> report.problem(name, 1, e.getMessage());
        } catch (RuntimeException e) {
            media.discard(written);
            return report -> report.problem(name, 1, "not imported: " + e.getMessage());
        }
    }

    /** @param mayDefer whether a translation whose original is not in the site yet may wait for the last pass */
    private ArticleWriter.Saved save(Path file, FrontMatter fm, String body, boolean demo, boolean asDrafts,
                                      List<String> written, ImportReport report, boolean mayDefer) {
        Path folder = file.toAbsolutePath().getParent();
        String markdown = withLibraryImages(folder, body, fm.bodyLine(), written);
        Long imageId = fm.image() == null ? null : addImage(folder, fm.image(), fm.imageLine(), fm.imageAlt(), written);
        Long authorId = fm.author() == null ? null : authors.ensure(fm.author()).id();
        ArticleDraft draft = new ArticleDraft(fm.type(), fm.slug(), fm.title(), fm.summary(), markdown, authorId, imageId,
                fm.status(), fm.published(), fm.updated(), fm.reviewedBy(), fm.reviewedOn(), fm.disclosure(), demo,
                fm.redirectFrom(), fm.keyPoints()).inLanguage(fm.lang(), fm.translationOf());
        draft = asDraftWhenNotPublishable(draft, file.toString(), asDrafts, report);
        ArticleWriter.Saved saved;
        try {
            saved = articles.save(draft);
        } catch (TranslationRefused e) {
            if (e.originalUnknown() && mayDefer) {
                throw new Deferred();
            }
            throw new ImportProblem(fm.translationOfLine() > 0 ? fm.translationOfLine() : fm.slugLine(), e.getMessage());
        }
        taxonomy.assign(saved.article().id(), taxonomy.ensureCategories(fm.categories()), taxonomy.ensureTags(fm.tags()));
        articles.stick(saved.article().id(), fm.sticky() && !fm.type().equals("page"));
        return saved;
    }

    /**
     * A file that asks to be published but that the site's publishing rule refuses (no disclosure
     * in its front matter and no site default, or a grade above the site's limit) is imported as a
     * draft, with a warning saying why: its text is not lost, and an editor publishes it once it is
     * fixed. An article already published under that slug becomes a draft too, as the rule says.
     */
    private ArticleDraft asDraftWhenNotPublishable(ArticleDraft d, String file, boolean asDrafts, ImportReport report) {
        List<org.vertebra.trust.PublishRule.Refusal> refusals = articles.publishRefusals(d);
        if (refusals.isEmpty()) {
            return d;
        }
        for (var r : refusals) {
            if (asDrafts && r.field().equals("disclosure")) {
                report.draftOnPurpose();
            } else {
                report.warning(file, "imported as a draft, not published: " + r.message());
            }
        }
        return d.withStatus(org.vertebra.article.Article.DRAFT);
    }

    /** Copies each image the body shows from beside the file into the library and points the body at it. */
    private String withLibraryImages(Path folder, String body, int bodyLine, List<String> written) {
        Map<String, String> moved = new LinkedHashMap<>();
        for (ImageLinks.Found image : ImageLinks.find(body)) {
            if (ImageLinks.isLocal(image.destination()) && !moved.containsKey(image.destination())) {
                long id = addImage(folder, image.destination(), bodyLine + image.bodyLine(), image.alt(), written);
                moved.put(image.destination(), media.byId(id).orElseThrow().url());
            }
        }
        return ImageLinks.rewrite(body, moved);
    }

    private long addImage(Path folder, String relative, int line, String alt, List<String> written) {
        String decoded = java.net.URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path source = folder.resolve(decoded).normalize();
        if (!Files.isRegularFile(source)) {
            throw new ImportProblem(line, "image '" + relative + "' not found at " + source);
        }
        MediaLibrary.Stored stored = media.add(source, alt);
        written.addAll(stored.writtenFiles());
        return stored.item().id();
    }
}
