package org.vertebra.comment;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.function.BiFunction;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.layout.CommentSection;
import org.vertebra.module.Feature;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;

/** Readers' comments: posting one under an article, and moderation in the admin. */
public final class CommentFeature implements Feature {

    private final PersonalDataSource personalData;
    private final CommentRoutes routes;
    private final CommentAdminRoutes admin;

    /**
     * @param sections    the comment section an article page shows (the article feature shows the same)
     * @param articlePage an article's page with a given comment section, for a comment refused with what was typed
     */
    public CommentFeature(CommentService comments, CommentSections sections, PublishedArticles articles,
                          BiFunction<Article, CommentSection, byte[]> articlePage, WebParts web) {
        this.personalData = PersonalDataSource.of("comments", List.of("comments"), comments::exportPersonalData,
                comments::erasePersonalData);
        this.routes = new CommentRoutes(comments, sections, articles, articlePage, web.frames(), web.templates());
        this.admin = new CommentAdminRoutes(comments, articles, web.adminShell());
    }

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public void routes(RoutesConfig config) {
        routes.register(config);
        admin.register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.COMMENTS);
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(personalData);
    }

    @Override
    public List<String> heldData() {
        return List.of("policy.held.comments");
    }
}
