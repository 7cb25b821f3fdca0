package org.vertebra.contact;

import org.vertebra.form.Problems;

/**
 * A message checked: every field is required. Only {@link ContactService} checks one, from what
 * was sent ({@link Sent}), so that no way of sending can skip a rule.
 */
public record ContactForm(ContactTopic topic, String name, String email, String message) {

    public static final int NAME_MAX = 100;
    public static final int MESSAGE_MAX = 5000;

    /** A message as sent, as text, whichever way it came: the command {@link ContactService#send} checks. */
    public record Sent(String topic, String name, String email, String message) {
    }

    /** Checks what was sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    static ContactForm parse(String topic, String name, String email, String message) {
        Problems problems = new Problems();
        ContactTopic chosen = ContactTopic.of(topic).orElse(null);
        if (chosen == null) {
            problems.add("topic", "choose", "Choose what your message is about.");
        }
        String cleanName = problems.required("name", "Name", name == null ? null : name.replaceAll("\\s*\\R\\s*", " "), NAME_MAX);
        String cleanEmail = problems.email("email", "Email address", email);
        String cleanMessage = problems.required("message", "Message", message, MESSAGE_MAX);
        problems.check();
        return new ContactForm(chosen, cleanName, cleanEmail, cleanMessage);
    }
}
