package org.vertebra.comment;

import java.util.Locale;
import java.util.regex.Pattern;
import org.vertebra.form.Problems;

/**
 * What a reader's comment form sent, as typed (a refused form shows it again). {@link #parse()}
 * checks it into a {@link Valid} one or throws {@link org.vertebra.form.Invalid} with every problem.
 *
 * @param replyTo the id of the comment answered, as sent; empty for a new thread
 */
public record CommentForm(String name, String email, String body, boolean wantsReplies, String replyTo, String ticket,
                          String honeypot) {

    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int BODY_MAX = 5000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    public CommentForm {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        body = body == null ? "" : body;
        replyTo = replyTo == null ? "" : replyTo;
    }

    /** A blank form, answering {@code replyTo} (null: a new thread). */
    public static CommentForm blank(Long replyTo) {
        return new CommentForm("", "", "", false, replyTo == null ? "" : replyTo.toString(), null, null);
    }

    /** A checked comment; the email in lower case, the reply-to id parsed. */
    record Valid(String name, String email, String body, boolean wantsReplies, Long replyTo) {
    }

    Valid parse() {
        Problems problems = new Problems();
        String cleanName = required(problems, "name", "Your name", oneLine(name), NAME_MAX, "Enter your name.");
        String cleanEmail = required(problems, "email", "Your email address", email, EMAIL_MAX,
                "Enter your email address; it is never shown.");
        if (cleanEmail != null && cleanEmail.length() <= EMAIL_MAX && !EMAIL.matcher(cleanEmail).matches()) {
            problems.add("email", "email", "Enter an email address like name@example.org.");
        }
        String cleanBody = required(problems, "body", "Your comment", body, BODY_MAX, "Write your comment.");
        Long parent = null;
        if (replyTo != null && !replyTo.isBlank()) {
            if (replyTo.strip().matches("\\d{1,18}")) {
                parent = Long.parseLong(replyTo.strip());
            } else {
                problems.add("reply-to", "choose", "Choose the comment you are answering from the list.");
            }
        }
        problems.check();
        return new Valid(cleanName, cleanEmail.toLowerCase(Locale.ROOT), cleanBody, wantsReplies, parent);
    }

    private static String required(Problems problems, String field, String label, String value, int max, String missing) {
        String clean = problems.optional(field, label, value, max);
        if (clean == null && (value == null || value.isBlank())) {
            problems.add(field, "required", missing);
        }
        return clean;
    }

    private static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\\s*\\R\\s*", " ");
    }
}
