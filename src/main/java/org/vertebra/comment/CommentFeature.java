package org.vertebra.comment;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.Article;
import org.vertebra.article.Discussion;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;
import org.vertebra.article.PublishedArticles;
import org.vertebra.layout.CommentSection;
import org.vertebra.module.Feature;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;
import org.vertebra.spam.FormGuard;

/** Readers' comments: posting one under an article, and moderation in the admin. */
public final class CommentFeature implements Feature {

    private final PersonalDataSource personalData;
    private final CommentService comments;
    private final CommentSections sections;
    private final PublishedArticles articles;
    private final BiFunction<Article, CommentSection, byte[]> articlePage;
    /** How many content changes this server has been told of: the days comments stay open are read once in each. */
    private final AtomicLong contentGeneration = new AtomicLong();

    /**
     * @param texts       the interface text of a language: a comment section is in its article's language
     * @param articlePage an article's page with a given comment section, for a comment refused with what was typed
     */
    public CommentFeature(CommentService comments, FormGuard guard, Function<Language, Messages> texts,
                          PublishedArticles articles, BiFunction<Article, CommentSection, byte[]> articlePage) {
        this.personalData = PersonalDataSource.of("comments", List.of("comments"), comments::exportPersonalData,
                comments::erasePersonalData);
        this.comments = comments;
        this.sections = new CommentSections(comments, guard, texts, contentGeneration::get);
        this.articles = articles;
        this.articlePage = articlePage;
    }

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new CommentRoutes(comments, sections, articles, articlePage, web.frames(), web.templates()).register(config);
        new CommentAdminRoutes(comments, articles, web.adminShell()).register(config);
    }

    /** What an article page shows of its comments: the threads and the form, or the note that they are closed. */
    public Discussion discussion() {
        return sections;
    }

    @Override
    public void contentChanged(long version) {
        contentGeneration.incrementAndGet();
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
