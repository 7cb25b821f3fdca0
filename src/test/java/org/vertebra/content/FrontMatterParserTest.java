package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrontMatterParserTest {

    private static final String FULL = """
            ---
            title: "Plantar Fasciitis: Causes & Treatment"
            slug: plantar-fasciitis
            author: Jane Doe
            categories: [Lower Limb, Pain]
            tags:
              - heel
              - running
            published: 2024-02-01
            updated: 2024-03-05T09:30:00Z
            summary: What causes heel pain and what helps.
            image: images/heel.jpg
            status: draft
            type: page
            reviewed_by: Dr. Alan Smith
            reviewed_on: 2024-03-01
            disclosure: No conflicts of interest.
            redirect_from: [heel-pain, plantar-fasciitis-old]
            ---
            # Heel pain

            Text.
            """;

    private final FrontMatterParser parser = new FrontMatterParser();

    private FrontMatter parse(String source) {
        return parser.parse(source).frontMatter();
    }

    private ImportProblem problemIn(String source) {
        ImportProblem problem = catchThrowableOfType(ImportProblem.class, () -> parser.parse(source));
        assertThat(problem).as("an ImportProblem for:%n%s", source).isNotNull();
        return problem;
    }

    // --- a valid file ---

    @Test
    void readsEveryFieldOfTheFormat() {
        FrontMatter fm = parse(FULL);

        assertThat(fm.title()).isEqualTo("Plantar Fasciitis: Causes & Treatment");
        assertThat(fm.slug()).isEqualTo("plantar-fasciitis");
        assertThat(fm.author()).isEqualTo("Jane Doe");
        assertThat(fm.categories()).containsExactly("Lower Limb", "Pain");
        assertThat(fm.tags()).containsExactly("heel", "running");
        assertThat(fm.published()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(fm.updated()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(fm.summary()).isEqualTo("What causes heel pain and what helps.");
        assertThat(fm.image()).isEqualTo("images/heel.jpg");
        assertThat(fm.status()).isEqualTo("draft");
        assertThat(fm.type()).isEqualTo("page");
        assertThat(fm.reviewedBy()).isEqualTo("Dr. Alan Smith");
        assertThat(fm.reviewedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(fm.disclosure()).isEqualTo("No conflicts of interest.");
        assertThat(fm.redirectFrom()).containsExactly("heel-pain", "plantar-fasciitis-old");
        assertThat(fm.warnings()).isEmpty();
    }

    @Test
    void remembersTheFileLinesOfSlugImageAndBody() {
        FrontMatter fm = parse(FULL);

        assertThat(fm.slugLine()).isEqualTo(3);
        assertThat(fm.imageLine()).isEqualTo(12);
        assertThat(fm.bodyLine()).isEqualTo(20);
    }

    @Test
    void returnsTheBodyAfterTheClosingLine() {
        assertThat(parser.parse(FULL).body()).isEqualTo("# Heel pain\n\nText.");
    }

    @Test
    void makesTheSlugFromTheTitleWhenAbsent() {
        FrontMatter fm = parse("---\nauthor: Jane\ntitle: \"Épaule gelée: what helps?\"\n---\nBody");

        assertThat(fm.slug()).isEqualTo("epaule-gelee-what-helps");
        assertThat(fm.slugLine()).isEqualTo(3);
    }

    @Test
    void leavesOptionalFieldsEmptyAndDefaultsToPublishedPost() {
        FrontMatter fm = parse("---\ntitle: Knee pain\n---\nBody");

        assertThat(fm.published()).isNull();
        assertThat(fm.updated()).isNull();
        assertThat(fm.author()).isNull();
        assertThat(fm.reviewedOn()).isNull();
        assertThat(fm.categories()).isEmpty();
        assertThat(fm.tags()).isEmpty();
        assertThat(fm.redirectFrom()).isEmpty();
        assertThat(fm.imageLine()).isZero();
        assertThat(fm.status()).isEqualTo("published");
        assertThat(fm.type()).isEqualTo("post");
    }

    @Test
    void countsTheBodyLineFromTheStartOfTheFile() {
        assertThat(parse("---\ntitle: Knee pain\n---\nBody").bodyLine()).isEqualTo(4);
    }

    @Test
    void readsASingleCategoryWrittenAsText() {
        assertThat(parse("---\ntitle: Knee\ncategories: Lower Limb\n---\n").categories()).containsExactly("Lower Limb");
    }

    @Test
    void readsDateTimesWithOffsetOrWithoutZoneAsUtc() {
        FrontMatter fm = parse("---\ntitle: Knee\npublished: 2024-02-01T10:30:00+01:00\nupdated: 2024-02-02 08:15\n---\n");

        assertThat(fm.published()).isEqualTo(Instant.parse("2024-02-01T09:30:00Z"));
        assertThat(fm.updated()).isEqualTo(Instant.parse("2024-02-02T08:15:00Z"));
    }

    @Test
    void acceptsByteOrderMarkAndWindowsLineEndings() {
        FrontMatterParser.Parsed parsed = parser.parse("\uFEFF---\r\ntitle: Knee pain\r\n---\r\nBody\r\nmore");

        assertThat(parsed.frontMatter().title()).isEqualTo("Knee pain");
        assertThat(parsed.frontMatter().bodyLine()).isEqualTo(4);
        assertThat(parsed.body()).isEqualTo("Body\nmore");
    }

    @Test
    void warnsAboutAnUnknownFieldWithoutFailing() {
        FrontMatter fm = parse("---\ntitle: Knee pain\ncolour: blue\n---\nBody");

        assertThat(fm.title()).isEqualTo("Knee pain");
        assertThat(fm.warnings()).containsExactly("line 3: unknown field 'colour' ignored");
    }

    // --- problems, each on the file line a person must look at ---

    @Test
    void reportsMissingFrontMatterOnTheFirstLine() {
        ImportProblem problem = problemIn("# Knee pain\n\nText.");

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.getMessage()).contains("missing front matter").contains("'---'");
    }

    @Test
    void reportsEmptyFileAsMissingFrontMatter() {
        assertThat(problemIn("").getMessage()).contains("missing front matter");
    }

    @Test
    void reportsUnclosedFrontMatterAtItsOpeningLine() {
        ImportProblem problem = problemIn("---\ntitle: Knee pain\n\n# Knee pain\n");

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.getMessage()).contains("not closed").contains("'---'");
    }

    @Test
    void reportsAnEscapeWithoutItsDigitsAtItsLine() {
        // found by fuzzing (fuzz/front-matter/crash-65e96dc4-...): the YAML library threw a NumberFormatException
        ImportProblem problem = problemIn("---\nauthor: Jane Doe\ntitle: \"Knee \\u\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("escape").contains("hexadecimal digits");
    }

    @Test
    void reportsEmptyFrontMatter() {
        ImportProblem problem = problemIn("---\n---\nBody");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.getMessage()).contains("empty").contains("title");
    }

    @Test
    void reportsFrontMatterThatIsNotFields() {
        ImportProblem problem = problemIn("---\njust some words\n---\nBody");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.getMessage()).contains("expected fields");
    }

    @Test
    void reportsMissingTitleOnTheFirstFieldLine() {
        ImportProblem problem = problemIn("---\nauthor: Jane\n---\nBody");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.getMessage()).contains("missing title").contains("title:");
    }

    @Test
    void reportsBlankTitleOnItsLine() {
        ImportProblem problem = problemIn("---\nauthor: Jane\ntitle: \"  \"\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("missing title");
    }

    @Test
    void reportsTitleWithoutLettersWhenASlugMustBeMadeFromIt() {
        ImportProblem problem = problemIn("---\nauthor: Jane\ntitle: \"???\"\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("slug");
    }

    @Test
    void reportsAnUnclosedQuoteOnTheLineWhereItOpens() {
        ImportProblem problem = problemIn("---\ntitle: \"unclosed\nauthor: Jane\nsummary: Heel pain\n---\nBody");

        assertThat(problem.getMessage()).startsWith("broken front matter");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void reportsBadIndentationOnItsLine() {
        ImportProblem problem = problemIn("---\ntitle: Knee\ncategories:\n  - Pain\n - Spine\n---\nBody");

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.getMessage()).startsWith("broken front matter");
    }

    @Test
    void reportsAFieldIndentedUnderAnotherOnItsLine() {
        ImportProblem problem = problemIn("---\ntitle: Knee\n  author: Jane\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("broken front matter").contains("mapping values");
    }

    @Test
    void reportsTabIndentationOnItsLine() {
        ImportProblem problem = problemIn("---\ntitle: Knee\n\tauthor: Jane\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("TAB");
    }

    @Test
    void reportsAFieldGivenTwiceOnItsSecondLine() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nauthor: Jane\ntitle: Hip\n---\nBody");

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.getMessage()).isEqualTo("field 'title' is given twice");
    }

    @Test
    void reportsAnImpossiblePublishedDate() {
        ImportProblem problem = problemIn("---\ntitle: Knee\npublished: 2024-13-45\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("published '2024-13-45' is not a date").contains("YYYY-MM-DD");
    }

    @Test
    void reportsAnUnreadableUpdatedDateTime() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nauthor: Jane\nupdated: yesterday at noon\n---\nBody");

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.getMessage()).contains("updated 'yesterday at noon' is not a date");
    }

    @Test
    void reportsAnUnreadableReviewDate() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nreviewed_on: 01/03/2024\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("reviewed_on '01/03/2024' is not a date");
    }

    @Test
    void reportsAuthorGivenAsAList() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nauthor: [Jane, John]\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).isEqualTo("author must be a single text value, not a list");
    }

    @Test
    void reportsAuthorGivenAsAMapping() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nauthor:\n  name: Jane\n  email: j@example.org\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).isEqualTo("author must be a single text value, not a set of fields");
    }

    @Test
    void reportsCategoriesGivenAsAMapping() {
        ImportProblem problem = problemIn("---\ntitle: Knee\ncategories: {main: Pain}\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("categories must be a list");
    }

    @Test
    void reportsAnInvalidSlug() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nslug: Knee_Pain\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("'Knee_Pain'").contains("lowercase letters, digits and single hyphens");
    }

    @Test
    void reportsAReservedSlug() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nslug: admin\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("'admin'").contains("reserved");
    }

    @Test
    void reportsAReservedSlugMadeFromTheTitle() {
        ImportProblem problem = problemIn("---\nauthor: Jane\ntitle: Search\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("reserved");
    }

    @Test
    void reportsAnInvalidRedirectSlug() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nredirect_from: [old-knee, Old Knee]\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).contains("'Old Knee'");
    }

    @Test
    void reportsABadStatusWithTheAllowedValues() {
        ImportProblem problem = problemIn("---\ntitle: Knee\nstatus: publish\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).isEqualTo("status must be one of published, draft, not 'publish'");
    }

    @Test
    void reportsABadType() {
        ImportProblem problem = problemIn("---\ntitle: Knee\ntype: article\n---\nBody");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.getMessage()).isEqualTo("type must be one of post, page, not 'article'");
    }

    @Test
    void stickyIsAnOptionalYesOrNo() {
        assertThat(parse("---\ntitle: Heel pain\nsticky: true\n---\nBody.\n").sticky()).isTrue();
        assertThat(parse("---\ntitle: Heel pain\n---\nBody.\n").sticky()).isFalse();
        assertThatThrownBy(() -> parse("---\ntitle: Heel pain\nsticky: always\n---\nBody.\n"))
                .isInstanceOf(ImportProblem.class).hasMessageContaining("sticky must be one of true, false");
    }
}
