package org.vertebra.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vertebra.content.FrontMatterParser;
import org.vertebra.content.ImageSize;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.content.Reference;

/** An article from src/test/resources/evidence, split as the command line splits it. */
record TestArticle(String body, List<Reference> references, int bodyLine) {

    static TestArticle load(String name) {
        try (InputStream in = TestArticle.class.getResourceAsStream("/evidence/" + name)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestArticle parse(String file) {
        FrontMatterParser.Parsed parsed = new FrontMatterParser().parse(file);
        List<Reference> references = new MarkdownRenderer().render(parsed.body(), ImageSize.Lookup.none()).references();
        return new TestArticle(parsed.body(), references, parsed.frontMatter().bodyLine());
    }

    /** The 1-based line of the body holding the text. */
    int lineOf(String text) {
        List<String> lines = body.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not in the body: " + text);
    }
}
