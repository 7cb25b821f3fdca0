package org.vertebra.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a site of any size as Markdown files in the import format of DESIGN.md, from a fixed
 * seed, so that two runs write the same bytes. Every file says it is generated demo content, not
 * medical advice. For the flat-heap import test and bench/large-site.sh ({@code main}: FOLDER
 * COUNT [PARAGRAPHS]).
 *
 * <p>The spread is chosen so that a large site has the lists issue 17 measures: eight categories,
 * the first of which holds every other article (at 100,000 articles, 50,000: its 500th page is
 * real), 40 tags, 12 authors, publication dates over ten years, a reviewer on most articles and a
 * reference with a DOI on each, a PMID on every third. Files go into folders of 1,000, as a
 * real export would split them.
 */
public final class LargeMarkdownSite {

    static final String[] CATEGORIES = {"Spine", "Lower Limb", "Upper Limb", "Pain", "Sport", "Children", "Older Adults",
        "Rehabilitation"};
    static final String[] AUTHORS = {"Dana Demo", "Alex Sample", "Robin Example", "Sam Placeholder", "Kim Fixture",
        "Lee Generated", "Noa Synthetic", "Ira Mock", "Jo Stand-in", "Max Dummy", "Ana Filler", "Ren Specimen"};
    private static final String[] WORDS = {"gentle", "movement", "rest", "stretch", "posture", "walking", "sleep",
        "strength", "heat", "ice", "follow-up", "symptom", "daily", "routine", "pain", "stiffness", "recovery", "weeks",
        "balance", "muscle", "joint", "advice", "doctor", "exercise", "habit"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final long SEED = 17;

    private LargeMarkdownSite() {
    }

    public static void main(String[] args) {
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 4);
    }

    /** {@code count} articles of {@code paragraphs} paragraphs each, in {@code folder}. */
    public static void write(Path folder, int count, int paragraphs) {
        SplittableRandom random = new SplittableRandom(SEED);
        try {
            for (int n = 1; n <= count; n++) {
                Path sub = folder.resolve(String.format("part-%03d", (n - 1) / 1000));
                if ((n - 1) % 1000 == 0) {
                    Files.createDirectories(sub);
                }
                try (BufferedWriter out = Files.newBufferedWriter(sub.resolve(String.format("article-%06d.md", n)),
                        StandardCharsets.UTF_8)) {
                    article(out, n, paragraphs, random);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slug of the n-th generated article. */
    public static String slug(int n) {
        return "generated-demo-article-" + n;
    }

    private static void article(BufferedWriter out, int n, int paragraphs, SplittableRandom random) throws IOException {
        String second = CATEGORIES[1 + random.nextInt(CATEGORIES.length - 1)];
        String categories = n % 2 == 0 ? "[" + CATEGORIES[0] + ", " + second + "]" : "[" + second + "]";
        LocalDate published = FIRST_DAY.plusDays(random.nextInt(3650));
        out.write("---\n");
        out.write("title: \"Generated demo article " + n + ": " + word(random) + " and " + word(random) + "\"\n");
        out.write("slug: " + slug(n) + "\n");
        out.write("author: " + AUTHORS[random.nextInt(AUTHORS.length)] + "\n");
        out.write("categories: " + categories + "\n");
        out.write("tags: [demo tag " + random.nextInt(40) + ", demo tag " + random.nextInt(40) + "]\n");
        out.write("published: " + published + "\n");
        if (n % 5 != 0) {
            out.write("reviewed_by: Dr Demo Reviewer\n");
            out.write("reviewed_on: " + published.plusDays(random.nextInt(400)) + "\n");
        }
        out.write("summary: \"Generated demo content number " + n + ", not medical advice.\"\n");
        out.write("disclosure: \"Generated demo content: no conflicts of interest.\"\n");
        out.write("---\n");
        out.write("This is generated demo content for a benchmark (number " + n + "); it is not medical advice.\n\n");
        for (int p = 0; p < paragraphs; p++) {
            if (p % 3 == 0) {
                out.write("## Demo section " + (p / 3 + 1) + "\n\n");
            }
            out.write("Demo paragraph " + (p + 1) + ":");
            for (int w = 0; w < 40; w++) {
                out.write(' ');
                out.write(word(random));
            }
            out.write(". A study found this in a demo [1].\n\n");
        }
        out.write("## References\n\n");
        out.write("- Demo A, Sample B. A generated reference number " + n + ". Demo Journal. 2014;" + (n % 50 + 1)
                + "(2):1-9. doi: 10.5555/demo." + n + (n % 3 == 0 ? ". PMID: " + (10_000_000 + n) : "") + "\n");
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
