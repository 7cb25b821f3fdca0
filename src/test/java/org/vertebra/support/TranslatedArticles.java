package org.vertebra.support;

import java.nio.file.Path;
import java.util.List;
import org.vertebra.importer.ImportReport;

/**
 * An English article with Spanish and Hindi translations, imported from Markdown, beside a French
 * translation still in draft and a German one scheduled for later (neither may be seen by
 * readers), and an English article alone: the translation group that the reading-side tests of
 * issue 23 look at. The Spanish file comes first in name order, before its original.
 */
public final class TranslatedArticles {

    public static final String ENGLISH = "/back-pain/";
    public static final String SPANISH = "/dolor-de-espalda/";
    public static final String HINDI = "/kamar-dard/";
    public static final String FRENCH_DRAFT = "/mal-de-dos/";
    public static final String GERMAN_SCHEDULED = "/rueckenschmerzen/";
    public static final String ALONE = "/knee-pain/";

    private TranslatedArticles() {
    }

    /** Imports the articles (published 2024-02-01; the German one at 2999-01-01) and empties the page cache. */
    public static void importInto(TestServer server, Path folder) {
        write(folder, "a-dolor.md", "dolor-de-espalda", "Dolor de espalda",
                "El dolor de espalda suele mejorar en pocas semanas.", "lang: es\ntranslation_of: back-pain\n");
        write(folder, "b-back.md", "back-pain", "Back pain", "Back pain usually gets better within a few weeks.", "");
        write(folder, "c-hindi.md", "kamar-dard", "कमर दर्द", "कमर का दर्द अक्सर कुछ हफ्तों में ठीक हो जाता है।",
                "lang: hi\ntranslation_of: back-pain\n");
        write(folder, "d-french.md", "mal-de-dos", "Mal de dos", "Le mal de dos guérit souvent.",
                "lang: fr\ntranslation_of: back-pain\nstatus: draft\n");
        write(folder, "e-german.md", "rueckenschmerzen", "Rückenschmerzen", "Rückenschmerzen vergehen oft.",
                "lang: de\ntranslation_of: back-pain\n", "2999-01-01");
        write(folder, "f-knee.md", "knee-pain", "Knee pain", "Knee pain often settles with rest.", "");
        ImportReport report = server.site().importer.importPaths(List.of(folder), false);
        if (!report.problems().isEmpty()) {
            throw new AssertionError("the translated articles were not imported: " + report.problems());
        }
        server.server().refreshCache();
    }

    private static void write(Path folder, String file, String slug, String title, String body, String fields) {
        write(folder, file, slug, title, body, fields, "2024-02-01");
    }

    private static void write(Path folder, String file, String slug, String title, String body, String fields, String published) {
        MarkdownFiles.write(folder, file, MarkdownFiles.article(slug, title, body + "\n\n## More\n\n" + body)
                .replace("published: 2024-02-01", "published: " + published)
                .replace("summary: \"A test article.\"", "summary: \"A test article.\"\ndisclosure: \"None.\"\n" + fields.strip()));
    }
}
