package org.vertebra.comment;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** A running empty site with one published article, a clock the test moves, and a reader who comments through the form. */
final class CommentSite implements AutoCloseable {

    static final String SLUG = "knee-pain";

    final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    final TestServer server;
    final Article article;

    CommentSite(TestDatabase kind, Path folder) {
        server = TestServer.empty(kind, folder, clock);
        article = publish(SLUG, "Knee pain on stairs", clock.instant().minus(Duration.ofDays(1)));
    }

    Article publish(String slug, String title, Instant at) {
        return server.site().articleWriter.save(new ArticleDraft(Article.POST, slug, title, "About " + title + ".",
                "Some text about " + title + ".", null, null, Article.PUBLISHED, at, null, null, null, null, false,
                List.of())).article();
    }

    /** The form's fields as a person fills them in, with the ticket and empty honeypot of the page as shown. */
    Map<String, String> form(WebClient reader, String name, String email, String body) {
        Document page = reader.page("/" + SLUG + "/");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ticket", page.selectFirst("form.comment-form input[name=ticket]").attr("value"));
        form.put("homepage", "");
        form.put("name", name);
        form.put("email", email);
        form.put("body", body);
        return form;
    }

    /** Posts the form after a person's ten seconds of writing, from this site's own page. */
    HttpResponse<String> send(WebClient reader, Map<String, String> form) {
        clock.advance(Duration.ofSeconds(10));
        return reader.post("/comments/" + article.id() + "/", form,
                Map.of("Origin", "http://localhost:" + server.server().port()));
    }

    HttpResponse<String> comment(WebClient reader, String name, String email, String body) {
        return send(reader, form(reader, name, email, body));
    }

    /** The article page after every content change has reached the cache. */
    Document articlePage() {
        server.server().refreshCache();
        return server.page("/" + SLUG + "/");
    }

    long lastId() {
        return server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM comments")
                .mapTo(Long.class).one());
    }

    String status(long id) {
        return server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT status FROM comments WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    @Override
    public void close() {
        server.close();
    }
}
