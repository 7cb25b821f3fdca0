package org.vertebra.media;

import io.javalin.config.MultipartConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.access.Action;
import org.vertebra.access.SignedIn;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.layout.ImageView;
import org.vertebra.media.MediaAdminPages.ItemPage;
import org.vertebra.media.MediaAdminPages.LibraryPage;
import org.vertebra.media.MediaAdminPages.Paging;
import org.vertebra.media.MediaAdminPages.Size;

/**
 * The media library in the admin: browse, search and filter it, upload an image, sound or video,
 * look at one, describe it, see where it is used and delete it; and the editor's picker (a small
 * JSON list).
 */
final class MediaAdminRoutes {

    static final int PER_PAGE = 40;
    /** Alt text that a screen reader reads in one breath; a longer explanation belongs in the article. */
    static final int ALT_LIMIT = 250;
    static final String UNDESCRIBED = "needs-description";
    /** Room in an upload's request for the form's other fields, beside the file. */
    static final long FORM_FIELD_BYTES = 64 * 1024;

    /** What the pages say after a change; {@code %s} is the item's kind ("image", "sound", "video"). */
    private static final Map<String, String> NOTICES = Map.of(
            "uploaded", "The %s is uploaded. Give it a description if it has none yet.",
            "exists", "This %s was already in the library, so it was not stored again. Here it is.",
            "described", "The description is saved.",
            "several", "The files are uploaded. Give each a description if it has none yet.",
            "deleted", "The file is deleted, with any smaller sizes. No page shows it any more.",
            "deleted-in-use", "The file is deleted. The articles that linked to it show it missing until "
                    + "they are edited: remove the link or choose another file.");
    static final String CONFIRM = "delete-anyway";
    static final int PICKER_PER_PAGE = 24;

    private static final Logger LOG = LoggerFactory.getLogger(MediaAdminRoutes.class);

    private final MediaLibrary media;
    private final MediaRemoval removal;
    private final AdminShell shell;

    MediaAdminRoutes(MediaLibrary media, MediaRemoval removal, AdminShell shell) {
        this.media = media;
        this.removal = removal;
        this.shell = shell;
    }

    /**
     * Jetty's limits for every multipart request, from the library's. A file up to twice the
     * library's limit reaches the library, which refuses it by name and the form keeps what was
     * typed; a larger one makes Jetty stop reading (so no request fills the disk), and
     * {@link #unreadable} answers with the same sentence, though the other fields are lost with it.
     */
    public static MultipartConfig multipartConfig(MediaLimits limits) {
        MultipartConfig config = new MultipartConfig();
        config.maxFileSize(2 * limits.maxBytes(), SizeUnit.BYTES);
        config.maxTotalRequestSize(2 * limits.maxBytes() + FORM_FIELD_BYTES, SizeUnit.BYTES);
        return config;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/media/", this::library, Action.MANAGE_MEDIA);
        routes.post("/admin/media/", this::upload, Action.MANAGE_MEDIA);
        routes.get("/admin/media/{id}/", this::item, Action.MANAGE_MEDIA);
        routes.post("/admin/media/{id}/alt/", this::describe, Action.MANAGE_MEDIA);
        routes.post("/admin/media/{id}/delete/", this::delete, Action.DELETE_MEDIA);
        routes.get("/admin/media/picker.json", this::picker, Action.MANAGE_MEDIA);
        // Jetty reads a multipart body when it is first asked for a field, which is the CSRF check.
        routes.exception(ServletException.class, this::unreadable);
    }

    private void library(Context ctx) {
        boolean undescribedOnly = UNDESCRIBED.equals(ctx.queryParam("filter"));
        int page = pageNumber(ctx.queryParam("page"));
        String notice = notice(ctx, null);
        showLibrary(ctx, 200, search(ctx), undescribedOnly, page, "", FormMessages.notice(notice));
    }

    /**
     * The picker's list: library items newest first, those matching {@code q} when given, only the
     * images with {@code kind=image} (for the featured image), a page at a time.
     */
    private void picker(Context ctx) {
        String search = search(ctx);
        int page = pageNumber(ctx.queryParam("page"));
        boolean imagesOnly = "image".equals(ctx.queryParam("kind"));
        MediaLibrary.Listing listing = imagesOnly ? media.listImages(search, page, PICKER_PER_PAGE)
                : media.list(search, false, page, PICKER_PER_PAGE);
        List<MediaAdminPages.PickerItem> items = listing.entries().stream().map(e -> MediaAdminPages.PickerItem.of(MediaView.of(e), e.item()))
                .toList();
        String next = page < listing.pages() ? "/admin/media/picker.json?page=" + (page + 1) + (imagesOnly ? "&kind=image" : "")
                + (search.isEmpty() ? "" : "&q=" + encode(search)) : null;
        ctx.header("Cache-Control", "no-store").json(new MediaAdminPages.PickerPage(items, listing.total(), next));
    }

    /**
     * Deletes an image nothing uses; one that is used is refused (409) with the list of its uses
     * and a second button, which sends {@code confirm} and deletes it anyway.
     */
    private void delete(Context ctx) {
        MediaLibrary.Entry entry = entry(ctx);
        boolean confirmed = CONFIRM.equals(ctx.formParam("confirm"));
        try {
            boolean wasUsed = !removal.uses(entry.item()).isEmpty();
            removal.delete(entry.item().id(), confirmed);
            ctx.redirect("/admin/media/?done=" + (wasUsed ? "deleted-in-use" : "deleted"), HttpStatus.SEE_OTHER);
        } catch (MediaInUse inUse) {
            int n = inUse.uses().size();
            String noun = entry.item().kind().noun;
            showItem(ctx, 409, entry, entry.item().hasAlt() ? entry.item().alt() : "", FormMessages.error(
                    "The " + noun + " was not deleted: it is used in " + (n == 1 ? "one place" : n + " places")
                            + ", listed under \"Where it is used\". Readers would find a missing " + noun + " there. Remove it "
                            + "from those first, or confirm below that you want to delete it anyway."), true);
        }
    }

    /**
     * Stores one or several files (the library's form and the editor's drops send several). A
     * script asking for JSON gets the stored items as the picker describes them, to insert their
     * Markdown; the form goes to the item, or to the library when there were several.
     */
    private void upload(Context ctx) {
        String alt = text(ctx.formParam("alt"));
        List<UploadedFile> files = ctx.uploadedFiles("file").stream()
                .filter(f -> !(f.filename().isBlank() && f.size() == 0)).toList();
        FormMessages problem = files.isEmpty() ? FormMessages.problem("file", "Choose an image, sound or video file to upload.")
                : altProblem(alt);
        if (problem.hasProblems()) {
            refuseUpload(ctx, alt, problem);
            return;
        }
        List<MediaLibrary.Stored> stored = new ArrayList<>();
        for (UploadedFile file : files) {
            try (InputStream content = file.content()) {
                stored.add(media.store(file.filename(), content, alt));
            } catch (MediaRejected rejected) {
                String before = stored.isEmpty() ? "" : stored.size() + (stored.size() == 1 ? " file was" : " files were")
                        + " uploaded before it. ";
                refuseUpload(ctx, alt, FormMessages.problem("file", before + rejected.getMessage()));
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (wantsJson(ctx)) {
            ctx.status(201).header("Cache-Control", "no-store").json(Map.of("items", stored.stream()
                    .map(s -> MediaAdminPages.PickerItem.of(MediaView.of(media.entry(s.item().id()).orElseThrow()), s.item()))
                    .toList()));
        } else if (stored.size() == 1) {
            String done = stored.get(0).writtenFiles().isEmpty() ? "exists" : "uploaded";
            ctx.redirect("/admin/media/" + stored.get(0).item().id() + "/?done=" + done, HttpStatus.SEE_OTHER);
        } else {
            ctx.redirect("/admin/media/?done=several", HttpStatus.SEE_OTHER);
        }
    }

    private void refuseUpload(Context ctx, String alt, FormMessages problem) {
        if (wantsJson(ctx)) {
            ctx.status(422).json(Map.of("error", problem.problems().get(0).message()));
        } else {
            showLibrary(ctx, 422, "", false, 1, alt, problem);
        }
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.startsWith("application/json");
    }

    /** A multipart body Jetty would not read: too large for its limits, or malformed. */
    private void unreadable(ServletException e, Context ctx) {
        boolean tooLarge = Stream.iterate((Throwable) e, Objects::nonNull, Throwable::getCause)
                .anyMatch(c -> c instanceof IllegalStateException && String.valueOf(c.getMessage()).contains("size exceeded"));
        boolean uploading = ctx.path().equals("/admin/media/")
                && SignedIn.session(ctx).map(s -> s.user().may(Action.MANAGE_MEDIA)).orElse(false);
        if (uploading) {
            showLibrary(ctx, tooLarge ? 422 : 400, "", false, 1, "", FormMessages.problem("file", tooLarge
                    ? media.tooLarge("The file").getMessage() + " Choose a smaller one and fill in the description again."
                    : "The upload could not be read. Please choose the file and send the form again."));
        } else if (tooLarge) {
            shell.message(ctx, 413, "Too large", "What was sent is larger than this site accepts.");
        } else {
            LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
            shell.message(ctx, 400, "Not understood", "What was sent could not be read. Go back and try again.");
        }
    }

    private void item(Context ctx) {
        MediaLibrary.Entry entry = entry(ctx);
        String notice = notice(ctx, entry.item().kind());
        showItem(ctx, 200, entry, entry.item().hasAlt() ? entry.item().alt() : "",
                FormMessages.notice(notice), false);
    }

    private void describe(Context ctx) {
        MediaLibrary.Entry entry = entry(ctx);
        String alt = text(ctx.formParam("alt"));
        FormMessages problem = altProblem(alt);
        if (problem.hasProblems()) {
            showItem(ctx, 422, entry, alt, problem, false);
            return;
        }
        media.describe(entry.item().id(), alt);
        ctx.redirect("/admin/media/" + entry.item().id() + "/?done=described", HttpStatus.SEE_OTHER);
    }

    private void showLibrary(Context ctx, int status, String search, boolean undescribedOnly, int page, String alt,
                             FormMessages messages) {
        MediaLibrary.Listing listing = media.list(search, undescribedOnly, page, PER_PAGE);
        if (page > listing.pages()) {
            throw new NotFoundResponse();
        }
        String base = "/admin/media/?" + (undescribedOnly ? "filter=" + UNDESCRIBED + "&" : "")
                + (search.isEmpty() ? "" : "q=" + encode(search) + "&") + "page=";
        Paging paging = new Paging(page, listing.pages(), page > 1 ? base + (page - 1) : null,
                page < listing.pages() ? base + (page + 1) : null);
        long total = media.count(false);
        long undescribed = media.count(true);
        String title = (search.isEmpty() ? "Media library" : "Media library: \u201c" + search + "\u201d")
                + (page > 1 ? ", page " + page : "");
        shell.render(ctx, status, "media/library.jte", new LibraryPage(shell.frame(ctx, title, AdminShell.Section.MEDIA),
                listing.entries().stream().map(MediaView::of).toList(), paging, undescribedOnly, total, undescribed, alt,
                ImageIntake.megabytes(media.limits().maxBytes()), ALT_LIMIT, messages, search, listing.total()));
    }

    private void showItem(Context ctx, int status, MediaLibrary.Entry entry, String alt, FormMessages messages,
                          boolean confirming) {
        MediaItem item = entry.item();
        MediaView view = MediaView.of(entry);
        List<Size> sizes = new ArrayList<>();
        sizes.add(new Size("Original", item.url(), MediaView.dimensions(item.width(), item.height()), view.bytes()));
        for (MediaVariant v : item.variants()) {
            sizes.add(new Size(label(v.name()), v.url(), MediaView.dimensions(v.width(), v.height()), MediaView.bytes(v.byteSize())));
        }
        ImageView preview = item.kind().isImage()
                ? new ImageView(item.url(), item.width(), item.height(), item.hasAlt() ? item.alt() : "", item.srcset()) : null;
        shell.render(ctx, status, "media/item.jte", new ItemPage(shell.frame(ctx, view.name(), AdminShell.Section.MEDIA),
                view, preview, sizes, item.snippet(), alt, ALT_LIMIT, messages, removal.uses(item),
                SignedIn.session(ctx).map(session -> session.user().may(Action.DELETE_MEDIA)).orElse(false), confirming));
    }

    /** The notice that {@code done} names, in the words of the item's kind (null: the library page's). */
    private static String notice(Context ctx, MediaKind kind) {
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("done")));
        return notice == null ? null : notice.formatted(kind == null ? "file" : kind.noun);
    }

    private static FormMessages altProblem(String alt) {
        if (alt.length() > ALT_LIMIT) {
            return FormMessages.problem("alt", "The description is " + alt.length() + " characters; keep it to " + ALT_LIMIT
                    + " or fewer. Say what matters in it, and put any longer explanation or a transcript in the article.");
        }
        return FormMessages.NONE;
    }

    private static String label(String variantName) {
        return Character.toUpperCase(variantName.charAt(0)) + variantName.substring(1);
    }

    private MediaLibrary.Entry entry(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundResponse();
        }
        return media.entry(Long.parseLong(id)).orElseThrow(NotFoundResponse::new);
    }

    private static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        if (!page.matches("[1-9]\\d{0,8}")) {
            throw new NotFoundResponse();
        }
        return Integer.parseInt(page);
    }

    /** What was typed in the search box, trimmed and at most a line long. */
    private static String search(Context ctx) {
        String q = text(ctx.queryParam("q"));
        return q.length() > 200 ? q.substring(0, 200) : q;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
