package org.vertebra.author;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.account.AccountService;
import org.vertebra.admin.AdminShell;
import org.vertebra.media.MediaLibrary;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Authors' profiles in the admin. */
public final class AuthorFeature implements Feature {

    private final AuthorService authors;
    private final MediaLibrary media;
    private final AccountService accounts;

    public AuthorFeature(AuthorService authors, MediaLibrary media, AccountService accounts) {
        this.authors = authors;
        this.media = media;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "author";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new AuthorAdminRoutes(authors, media, accounts, web.adminShell(), web.baseUrl()).register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.AUTHORS);
    }
}
