package org.vertebra.handout;

import java.nio.file.Path;
import java.util.List;
import org.vertebra.importer.ImportReport;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestServer;

/**
 * One article written for the handout tests, imported as a writer would: key points, actions,
 * references with a DOI, a PMID or both, a reviewer. What a handout of it must hold is listed here,
 * so the server's PDF and Chromium's print are held to the same list.
 */
public final class HandoutArticle {

    public static final String SLUG = "heel-pain-handout";
    public static final String TITLE = "Heel Pain: What Helps and When to See a Doctor";
    public static final List<String> KEY_POINTS = List.of(
            "Most heel pain settles within a year without surgery.",
            "Calf and foot stretches help most people.");
    public static final List<String> ACTIONS = List.of(
            "Stretch your calf twice a day.",
            "See a doctor if the pain wakes you at night.");
    /** Each reference's own text, and the addresses a handout must print for it. */
    public static final List<List<String>> REFERENCES = List.of(
            List.of("Rompe JD, Furia J, Weil L, Maffulli N. Shock wave therapy for chronic plantar fasciopathy. Br Med Bull. 2007;81-82:183-208.",
                    "https://doi.org/10.1093/bmb/ldm005", "https://pubmed.ncbi.nlm.nih.gov/17456546/"),
            List.of("DiGiovanni BF, Nawoczenski DA, Malay DP, et al. Plantar fascia-specific stretching exercise improves outcomes. J Bone Joint Surg Am. 2006;88(8):1775-1781.",
                    "https://doi.org/10.2106/JBJS.E.01281"),
            List.of("Landorf KB. Plantar heel pain and plantar fasciitis. BMJ Clin Evid. 2015;2015:1111.",
                    "https://pubmed.ncbi.nlm.nih.gov/26609884/"));

    /** What the article's one figure shows (a 120 x 80 pixel PNG of two colours, made here). */
    public static final String FIGURE_ALT = "Where heel pain is felt";

    private HandoutArticle() {
    }

    /** The article's full address on a test server (TestSite's base address). */
    public static String address() {
        return "http://vertebra.test/" + SLUG + "/";
    }

    public static String markdown() {
        return """
                ---
                title: "%s"
                slug: %s
                author: Dr Jane Doe
                categories: [Foot and Ankle]
                published: 2024-02-01
                summary: "Why the heel hurts and what helps."
                reviewed_by: Dr John Roe
                reviewed_on: 2024-06-01
                disclosure: "The author declares no conflicts of interest."
                key_points:
                  - "%s"
                  - "%s"
                actions: ["%s", "%s"]
                ---
                Heel pain is common in runners and in people who stand all day [1].

                ![%s](heel.png)

                ## What helps

                Stretching the calf and the sole of the foot helps most people [2]. Shock wave therapy helps some
                whose pain lasts [1], and most heel pain goes away with time [3].

                | Treatment | Who it helps |
                | --- | --- |
                | Stretching | Most people |
                | Insoles | Some people |

                ## References
                1. %s doi: 10.1093/bmb/ldm005. PMID: 17456546
                2. %s doi: 10.2106/JBJS.E.01281
                3. %s PMID: 26609884
                """.formatted(TITLE, SLUG, KEY_POINTS.get(0), KEY_POINTS.get(1), ACTIONS.get(0), ACTIONS.get(1), FIGURE_ALT,
                REFERENCES.get(0).get(0), REFERENCES.get(1).get(0), REFERENCES.get(2).get(0));
    }

    /** Writes this text as the article's file, and its figure beside it, into the folder. */
    public static Path write(Path folder, String markdown) {
        Path file = MarkdownFiles.write(folder, SLUG + ".md", markdown);
        figure(folder.resolve("heel.png"));
        return file;
    }

    private static void figure(Path file) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                image.setRGB(x, y, x < 60 ? 0x0B5D6B : 0xB34700);
            }
        }
        try {
            javax.imageio.ImageIO.write(image, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes the article into this folder and imports it into the server's site. */
    public static void importInto(TestServer server, Path folder) {
        Path file = write(folder, markdown());
        ImportReport report = server.site().importer.importPaths(List.of(file), false);
        if (report.hasProblems() || report.importedCount() != 1) {
            throw new AssertionError("the handout article did not import: " + report.problems() + " " + report.notes());
        }
        server.server().refreshCache();
    }
}
