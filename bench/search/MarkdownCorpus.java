import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.vertebra.search.IndexedArticle;

/**
 * Writes the search benchmark's corpus ({@link SearchBenchmark#article}, the same fixed seed) as
 * Markdown files in the import format, so that bench/search-page.sh can fill a real site through
 * `vertebra import` and time the search page over exactly the articles bench/search.sh times the
 * library over. Files go into folders of a thousand, which keeps any one directory listing short.
 *
 * Arguments: DIR ARTICLES.
 */
public final class MarkdownCorpus {

    /**
     * The corpus publishes an article an hour from 2020 on, so that 100,000 of them would reach into
     * 2031 and most be scheduled rather than published: moved back this far, they are all in the past.
     */
    private static final Duration PAST = Duration.ofDays(365L * 12);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        for (int i = 0; i < articles; i++) {
            Path folder = dir.resolve(String.format("%03d", i / 1000));
            if (i % 1000 == 0) {
                Files.createDirectories(folder);
            }
            IndexedArticle article = SearchBenchmark.article(i);
            Files.writeString(folder.resolve(article.slug() + ".md"), markdown(article));
        }
    }

    static String markdown(IndexedArticle a) {
        StringBuilder md = new StringBuilder("---\n")
                .append("title: ").append(quoted(a.title())).append('\n')
                .append("slug: ").append(a.slug()).append('\n')
                .append("author: Dr Ann Bench\n")
                .append("categories: ").append(list(a.categories())).append('\n')
                .append("tags: ").append(list(a.tags())).append('\n')
                .append("published: ").append(a.publishedAt().minus(PAST)).append('\n')
                .append("summary: ").append(quoted(a.summary())).append('\n')
                .append("---\n");
        // The corpus body is eight paragraphs; a heading before every second one, as the corpus lists them.
        String[] paragraphs = a.body().split("\n");
        List<String> headings = a.headings();
        for (int p = 0; p < paragraphs.length; p++) {
            if (p % 2 == 0 && p / 2 < headings.size()) {
                md.append("\n## ").append(headings.get(p / 2)).append('\n');
            }
            md.append('\n').append(paragraphs[p].strip()).append('\n');
        }
        return md.toString();
    }

    private static String list(List<String> values) {
        return values.stream().map(MarkdownCorpus::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
