package org.vertebra.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertebra.language.Language;
import org.vertebra.language.MessageBundles;
import org.vertebra.language.Messages;

/**
 * A form's messages: a public form's problems in its page's language, the English ones word for
 * word as before; a field's problem and a problem of the whole form told apart, for the markup.
 */
class FormMessagesTest {

    private final MessageBundles bundles = MessageBundles.shipped();

    private static FormMessages contactProblems() {
        Problems problems = new Problems();
        problems.required("name", "Name", " ", 100);
        problems.required("message", "Message", "x".repeat(5001), 5000);
        problems.email("email", "Email address", "ana");
        problems.add("topic", "Choose what your message is about."); // no kind: English everywhere
        try {
            problems.check();
            throw new AssertionError("problems were expected");
        } catch (Invalid invalid) {
            return FormMessages.of(invalid);
        }
    }

    @Test
    void knownProblemsAreSaidInThePageLanguageAndTheRestStayInEnglish() {
        FormMessages spanish = contactProblems().in(bundles.of(new Language("es")), "contact");
        assertThat(spanish.on("name")).isEqualTo("Escriba su nombre.");
        assertThat(spanish.on("message")).isEqualTo("El mensaje es demasiado largo: como máximo 5000 caracteres.");
        assertThat(spanish.on("email")).startsWith("Esto no parece una dirección de correo electrónico");
        assertThat(spanish.on("topic")).isEqualTo("Choose what your message is about.");
    }

    @Test
    void englishFromTheBundleIsWordForWordWhatTheCodeSays() {
        FormMessages typed = contactProblems();
        FormMessages english = typed.in(bundles.of(Language.ENGLISH), "contact");
        assertThat(english.problems()).extracting(FieldProblem::message)
                .containsExactlyElementsOf(typed.problems().stream().map(FieldProblem::message).toList())
                .contains("Enter the name.", "Message is too long: at most 5000 characters.");
    }

    @Test
    void aLanguageWithoutTheFormsTextsKeepsTheEnglishMessages() {
        Messages swahili = bundles.of(new Language("sw"));
        assertThat(contactProblems().in(swahili, "contact").on("name")).isEqualTo("Enter the name.");
    }

    @Test
    void aFieldsProblemMarksThatFieldOnlyAndNamesTheIdOfItsMessage() {
        FormMessages refused = FormMessages.problem("email", "An account with this email already exists.");
        assertThat(refused.invalid("email")).isTrue();
        assertThat(refused.invalid("name")).isFalse();
        assertThat(FormMessages.messageId("email")).isEqualTo("email-error");
        assertThat(refused.formError()).isNull();
        assertThat(refused.formErrorId()).as("the form itself is not at fault").isNull();
        assertThat(refused.notice()).isNull();
    }

    @Test
    void aFieldIsDescribedByItsMessageFirstWhileItHasAProblemThenByItsHintAndByNothingWithNeither() {
        assertThat(FormMessages.describedBy("name", true, "name-hint")).isEqualTo("name-error name-hint");
        assertThat(FormMessages.describedBy("name", false, "name-hint")).isEqualTo("name-hint");
        assertThat(FormMessages.describedBy("zone", true)).isEqualTo("zone-error");
        assertThat(FormMessages.describedBy("zone", true, (String) null)).as("a hint the field lacks").isEqualTo("zone-error");
        assertThat(FormMessages.describedBy("zone", false)).as("no attribute at all").isNull();
        assertThat(FormMessages.describedBy("zone", false, (String) null)).isNull();
    }

    @Test
    void aProblemWithNoFieldIsAboutTheWholeFormAndMarksNoField() {
        FormMessages locked = FormMessages.error("Too many failed attempts.");
        assertThat(locked.hasProblems()).isTrue();
        assertThat(locked.formError()).isEqualTo("Too many failed attempts.");
        assertThat(locked.formErrorId()).isEqualTo(FormMessages.PROBLEMS_ID);
        assertThat(locked.invalid("password")).isFalse();
        assertThat(FormMessages.notice(null)).isSameAs(FormMessages.NONE);
        assertThat(FormMessages.notice("Saved.").hasProblems()).isFalse();
    }
}
