package org.vertebra.media;

import io.javalin.config.RoutesConfig;
import io.javalin.config.MultipartConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Media: the files served at {@code /media/...} and the library in the admin. */
public final class MediaFeature implements Feature {

    private final MediaLibrary media;
    private final MediaRemoval removal;
    private final MediaRoutes files;

    public MediaFeature(MediaStore store, MediaLibrary media, MediaRemoval removal) {
        this.media = media;
        this.removal = removal;
        this.files = new MediaRoutes(store);
        // A file deleted here stops being served at once, not at the next content poll.
        removal.onDeleted(files::forget);
    }

    @Override
    public String name() {
        return "media";
    }

    @Override
    public void routes(RoutesConfig routes, WebParts web) {
        files.register(routes);
        new MediaAdminRoutes(media, removal, web.adminShell()).register(routes);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.MEDIA);
    }

    /** An image deleted on another node stops being served here. */
    @Override
    public void contentChanged(long version) {
        files.forgetAll();
    }

    /** How large an upload the server takes in. */
    public MultipartConfig multipartConfig() {
        return MediaAdminRoutes.multipartConfig(media.limits());
    }
}
