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
    private final MediaRoutes files;
    private final MediaAdminRoutes admin;

    public MediaFeature(MediaStore store, MediaLibrary media, MediaRemoval removal, WebParts web) {
        this.media = media;
        this.files = new MediaRoutes(store);
        removal.onDeleted(files::forget);
        this.admin = new MediaAdminRoutes(media, removal, web.adminShell());
    }

    @Override
    public String name() {
        return "media";
    }

    @Override
    public void routes(RoutesConfig routes) {
        files.register(routes);
        admin.register(routes);
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
