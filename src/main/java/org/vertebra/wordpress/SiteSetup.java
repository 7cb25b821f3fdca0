package org.vertebra.wordpress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.account.AccountService;
import org.vertebra.author.Author;
import org.vertebra.author.AuthorService;
import org.vertebra.content.Slugs;
import org.vertebra.data.Transactor;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaLibrary;
import org.vertebra.media.MediaRejected;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.CategoryChange;
import org.vertebra.taxonomy.CategoryService;
import org.vertebra.taxonomy.MenuEntry;
import org.vertebra.taxonomy.MenuLinkChange;
import org.vertebra.taxonomy.MenuService;
import org.vertebra.taxonomy.Tag;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.wordpress.WordPressReport.Outcome;

/**
 * The first pass over an export: its writers become accounts without a password and author
 * profiles, its categories (with their nesting) and tags are created, and its attachments are
 * copied from the uploads folder into the media library. Each in its own transaction.
 */
final class SiteSetup implements WxrReader.Visitor {

    private static final Pattern META_FILE = Pattern.compile("s:4:\"file\";s:\\d+:\"([^\"]+)\"");

    private final Transactor transactor;
    private final WordPressRepository repository;
    private final AccountService accounts;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final CategoryService categories;
    private final MediaLibrary media;
    private final MenuService menus;
    private final Clock clock;
    private final ImportRun run;

    SiteSetup(Transactor transactor, WordPressRepository repository, AccountService accounts, AuthorService authors,
              TaxonomyService taxonomy, CategoryService categories, MediaLibrary media, MenuService menus, Clock clock,
              ImportRun run) {
        this.transactor = transactor;
        this.repository = repository;
        this.accounts = accounts;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.categories = categories;
        this.media = media;
        this.menus = menus;
        this.clock = clock;
        this.run = run;
    }

    @Override
    public void siteAddress(String address) {
        run.siteAddress = address;
    }

    @Override
    public void siteTitle(String title) {
        run.siteTitle = HtmlText.of(title);
    }

    // The two notices below are told in this pass only: the second pass reads the same file.
    @Override
    public void strayText(int line, String text) {
        run.report.strayText(line, text);
    }

    @Override
    public void unknownElement(String name) {
        run.report.unknownElement(name);
    }

    @Override
    public void author(WxrAuthor a) {
        try {
            Outcome outcome = transactor.inTransaction(() -> {
                boolean known = repository.mapped("author", a.id()).isPresent();
                User user = account(a);
                Author author = repository.mapped("author", a.id()).flatMap(authors::byId)
                        .orElseGet(() -> authors.ensure(a.name(), preferredSlug(a.login())));
                if (accounts.linkedAuthorId(user.id()).isEmpty()) {
                    accounts.linkAuthor(user.id(), author.id());
                }
                repository.map("author", a.id(), author.id(), clock.instant());
                run.writersByLogin.put(a.login(), new ImportRun.Writer(author.id(), user.id()));
                run.usersByWordPressId.put(a.id(), user.id());
                String now = "/author/" + author.slug() + "/";
                legacy("/author/" + a.login() + "/", now);
                legacy(LegacyPaths.rootQuery("author", Long.toString(a.id())), now);
                return known ? Outcome.UNCHANGED : Outcome.CREATED;
            });
            run.report.add("author", outcome);
        } catch (RuntimeException e) {
            run.report.failed("author", "author " + a.login() + ": " + e.getMessage());
        }
    }

    /** The writer's account by email; WordPress takes addresses such as admin@localhost, which get a stand-in here. */
    private User account(WxrAuthor a) {
        String login = Slugs.of(a.login());
        String standIn = (login.isEmpty() || !login.chars().allMatch(c -> c < 128) ? "author-" + a.id() : login)
                + "@wordpress-import.invalid";
        if (!a.email().isBlank()) {
            try {
                return accounts.ensureWithoutPassword(a.email(), a.name(), AccountRole.AUTHOR);
            } catch (org.vertebra.account.AccountProblem unusable) {
                run.report.warning("author " + a.login() + ": the address " + a.email() + " cannot sign in here, so the "
                        + "account has " + standIn + "; change it in the admin");
            }
        }
        return accounts.ensureWithoutPassword(standIn, a.name(), AccountRole.AUTHOR);
    }

    private static String preferredSlug(String login) {
        String slug = Slugs.of(login);
        return slug.isEmpty() || Slugs.isReserved(slug) ? Slugs.of("author " + login) : slug;
    }

    @Override
    public void term(WxrTerm t) {
        if (t.kind() == WxrTerm.Kind.LANGUAGE) {
            run.polylang.language(t.slug(), t.description());
            return;
        }
        if (t.kind() == WxrTerm.Kind.TRANSLATIONS) {
            run.polylang.group(t.slug(), t.description());
            return;
        }
        try {
            if (t.kind() == WxrTerm.Kind.CATEGORY) {
                run.report.add("category", transactor.inTransaction(() -> category(t)));
            } else {
                run.report.add("tag", transactor.inTransaction(() -> tag(t)));
            }
        } catch (RuntimeException e) {
            run.report.failed(t.kind() == WxrTerm.Kind.CATEGORY ? "category" : "tag",
                    t.kind().name().toLowerCase() + " " + t.slug() + ": " + e.getMessage());
        }
    }

    private Outcome category(WxrTerm t) {
        String given = Slugs.fromPath(t.slug()); // percent-encoded in the export when not ASCII
        String slug = Slugs.isValid(given) && !Slugs.isReserved(given) ? given : Slugs.of(t.name());
        Optional<Category> mapped = repository.mapped("category", t.id()).flatMap(categories::byId);
        Optional<Category> known = mapped.or(() -> taxonomy.category(slug));
        Category category = known.orElseGet(() -> categories.add(new CategoryChange(t.name().isBlank() ? slug : t.name(), slug,
                t.description().isBlank() ? null : t.description())));
        repository.map("category", t.id(), category.id(), clock.instant());
        run.categories.put(t.slug(), category);
        run.categoryParents.put(t.slug(), t.parentSlug());
        if (known.isEmpty() && !t.parentSlug().isEmpty()) {
            nestInMenu(category, t.slug());
        }
        legacy(run.categoryPath(t.slug()), category.url());
        legacy(LegacyPaths.rootQuery("cat", Long.toString(t.id())), category.url());
        return mapped.isPresent() ? Outcome.UNCHANGED : Outcome.CREATED;
    }

    /** The category menu nests one level: a new subcategory goes under its top-level ancestor's link. */
    private void nestInMenu(Category category, String wpSlug) {
        List<Category> chain = run.withAncestors(wpSlug);
        Category top = chain.get(chain.size() - 1);
        List<MenuEntry> items = menus.tree(TaxonomyService.CATEGORY_MENU);
        Optional<MenuEntry> parent = items.stream().filter(e -> e.url().equals(top.url())).findFirst();
        Optional<MenuEntry> own = items.stream().filter(e -> e.url().equals(category.url()) && e.children().isEmpty()).findFirst();
        if (parent.isPresent() && own.isPresent() && top.id() != category.id()) {
            menus.update(own.get().id(), new MenuLinkChange(own.get().label(), null, category.id(), parent.get().id()));
        }
    }

    private Outcome tag(WxrTerm t) {
        boolean known = repository.mapped("tag", t.id()).isPresent();
        Tag tag = taxonomy.ensureTags(List.of(t.name().isBlank() ? t.slug() : t.name())).get(0);
        repository.map("tag", t.id(), tag.id(), clock.instant());
        run.tags.put(t.slug(), tag);
        String now = "/tag/" + tag.slug() + "/";
        legacy("/tag/" + t.slug() + "/", now);
        legacy(LegacyPaths.rootQuery("tag", t.slug()), now);
        return known ? Outcome.UNCHANGED : Outcome.CREATED;
    }

    @Override
    public void item(WxrItem item) {
        if (!item.language().isEmpty() || !item.translationGroup().isEmpty()) {
            run.polylang.item(item.id(), item.language(), item.translationGroup());
        }
        if (!item.type().equals("attachment")) {
            return;
        }
        String label = "attachment " + item.id() + " \"" + item.title() + "\" (line " + item.line() + ")";
        Optional<String> relative = item.meta("_wp_attached_file").or(() -> UploadLinks.uploadPath(item.attachmentUrl()));
        if (run.uploads == null) {
            run.report.skipped("attachment", item.id(), item.title(), "no --uploads folder given, so its file was not copied");
            return;
        }
        if (relative.isEmpty()) {
            run.report.failed("attachment", label + ": the export names no file for it");
            return;
        }
        Path file = run.uploads.resolve(relative.get()).normalize();
        if (!file.startsWith(run.uploads.normalize()) || !Files.isRegularFile(file)) {
            run.report.failed("attachment", label + ": its file " + relative.get() + " is not in " + run.uploads);
            return;
        }
        try {
            MediaLibrary.Stored stored = transactor.inTransaction(() -> {
                MediaLibrary.Stored s = media.add(file, item.meta("_wp_attachment_image_alt").orElse(null));
                run.writtenFiles.addAll(s.writtenFiles());
                repository.map("attachment", item.id(), s.item().id(), clock.instant());
                remember(item, relative.get(), s.item());
                return s;
            });
            run.report.add("attachment", stored.writtenFiles().isEmpty() ? Outcome.UNCHANGED : Outcome.CREATED);
        } catch (MediaRejected e) {
            run.report.failed("attachment", label + ": " + e.getMessage());
        } catch (RuntimeException e) {
            run.report.failed("attachment", label + ": " + e.getMessage());
        }
    }

    /** Every address the file had (the original, each size, its attachment page) now leads to the library's file. */
    private void remember(WxrItem item, String relative, MediaItem stored) {
        String url = stored.url();
        boolean image = stored.contentType().startsWith("image/");
        run.pictures.put(item.id(), new ImportRun.Picture(stored.id(), url, item.meta("_wp_attachment_image_alt").orElse(""),
                item.excerpt().strip(), image));
        if (image && item.parentId() != 0) {
            run.imagesOf.computeIfAbsent(item.parentId(), k -> new java.util.ArrayList<>()).add(item.id());
        }
        if (item.parentId() != 0 && !item.slug().isBlank()) {
            run.attachmentsOf.computeIfAbsent(item.parentId(), k -> new java.util.HashMap<>()).put(item.slug(), url);
        }
        run.uploadLinks.add(relative, url);
        legacy("/wp-content/uploads/" + relative, url);
        String folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/') + 1) : "";
        Matcher sizes = META_FILE.matcher(item.meta("_wp_attachment_metadata").orElse(""));
        while (sizes.find()) {
            String name = sizes.group(1);
            String path = name.contains("/") ? name : folder + name;
            run.uploadLinks.add(path, url);
            legacy("/wp-content/uploads/" + path, url);
        }
        LegacyPaths.ofAddress(item.link()).ifPresent(path -> legacy(path, url));
        legacy(LegacyPaths.rootQuery("attachment_id", Long.toString(item.id())), url);
    }

    /** Requests are looked up decoded; the export's terms are percent-encoded when not ASCII, so they are decoded here. */
    private void legacy(String path, String target) {
        String decoded;
        try {
            decoded = LegacyPaths.decode(path);
        } catch (IllegalArgumentException notEncoded) {
            decoded = path;
        }
        if (!decoded.equals(target)) {
            repository.legacy(decoded, null, target, clock.instant());
        }
    }
}
