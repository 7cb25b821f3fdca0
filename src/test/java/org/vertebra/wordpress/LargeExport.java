package org.vertebra.wordpress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a WordPress export of any size, shaped like the real one in src/test/resources/wordpress:
 * block-editor posts with headings, lists, references and threaded comments, in categories and
 * tags. For the streaming test and bench/wordpress-import.sh ({@code main}: FILE POSTS PARAGRAPHS [COMMENTS], three
 * comments per post when COMMENTS is left out).
 * The text is generated demo content, not medical advice.
 */
public final class LargeExport {

    private LargeExport() {
    }

    public static void main(String[] args) {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 3);
    }

    /**
     * {@code posts} posts of {@code paragraphs} paragraphs each, with {@code comments} comments each: threads of up to
     * three, each comment answering the one before it, so that five comments are a thread of three and one of two.
     */
    public static void write(Path file, int posts, int paragraphs, int comments) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                        xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    <title>Generated demo clinic</title><link>https://old.clinic.example</link>
                    <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.clinic.example</wp:base_site_url>
                    <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[drdemo]]></wp:author_login><wp:author_email><![CDATA[dr.demo@clinic.example]]></wp:author_email><wp:author_display_name><![CDATA[Dr Dana Demo]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
                    <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[spine]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Spine]]></wp:cat_name></wp:category>
                    <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[lower-back]]></wp:category_nicename><wp:category_parent><![CDATA[spine]]></wp:category_parent><wp:cat_name><![CDATA[Lower Back]]></wp:cat_name></wp:category>
                    <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[exercise]]></wp:tag_slug><wp:tag_name><![CDATA[exercise]]></wp:tag_name></wp:tag>
                    """);
            long commentId = 1;
            for (int n = 1; n <= posts; n++) {
                int id = 100 + n;
                String slug = "generated-demo-post-" + n;
                String date = String.format("20%02d-%02d-%02d 10:%02d:00", 10 + n % 14, 1 + n % 12, 1 + n % 28, n % 60);
                out.write("<item><title><![CDATA[Generated demo post " + n + "]]></title>\n");
                out.write("<link>https://old.clinic.example/" + slug + "/</link><dc:creator><![CDATA[drdemo]]></dc:creator>\n");
                out.write("<content:encoded><![CDATA[");
                out.write("<!-- wp:paragraph -->\n<p>Generated demo content number " + n + " for a benchmark; not medical advice.</p>\n<!-- /wp:paragraph -->\n");
                for (int p = 0; p < paragraphs; p++) {
                    if (p % 8 == 0) {
                        out.write("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Demo section " + (p / 8 + 1) + "</h2>\n<!-- /wp:heading -->\n");
                    }
                    out.write("<!-- wp:paragraph -->\n<p>Demo paragraph " + p + ": staying <strong>gently active</strong> is the "
                            + "kind of advice a demo article gives, and <em>this sentence</em> only fills space so that the "
                            + "export has the size of a real clinic's site. See a doctor about your own back.</p>\n"
                            + "<!-- /wp:paragraph -->\n");
                }
                out.write("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">References</h2>\n<!-- /wp:heading -->\n"
                        + "<!-- wp:list -->\n<ul><li>Demo A. A generated demo reference " + n + ". Demo J. 2020;1:1-9. doi: 10.1234/demo."
                        + n + ". PMID: " + (30000000 + n) + "</li></ul>\n<!-- /wp:list -->");
                out.write("]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n");
                out.write("<wp:post_id>" + id + "</wp:post_id><wp:post_date><![CDATA[" + date + "]]></wp:post_date>"
                        + "<wp:post_date_gmt><![CDATA[" + date + "]]></wp:post_date_gmt><wp:post_name><![CDATA[" + slug + "]]></wp:post_name>"
                        + "<wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent>"
                        + "<wp:post_type><![CDATA[post]]></wp:post_type>\n");
                out.write("<category domain=\"category\" nicename=\"lower-back\"><![CDATA[Lower Back]]></category>"
                        + "<category domain=\"post_tag\" nicename=\"exercise\"><![CDATA[exercise]]></category>\n");
                long parent = 0;
                for (int c = 0; c < comments; c++) {
                    long cid = commentId++;
                    if (c % 3 == 0) {
                        parent = 0;
                    }
                    out.write("<wp:comment><wp:comment_id>" + cid + "</wp:comment_id><wp:comment_author><![CDATA[Demo Reader " + c
                            + "]]></wp:comment_author><wp:comment_author_email><![CDATA[reader" + c + "@example.org]]></wp:comment_author_email>"
                            + "<wp:comment_date_gmt><![CDATA[" + date + "]]></wp:comment_date_gmt><wp:comment_content><![CDATA[A demo "
                            + "comment, number " + c + ", on a generated post.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]>"
                            + "</wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>" + parent
                            + "</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n");
                    parent = cid;
                }
                out.write("</item>\n");
            }
            out.write("</channel>\n</rss>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
