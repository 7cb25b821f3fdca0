package org.vertebra.contact;

import org.vertebra.form.Problems;

/** What the contact form sent, checked: every field is required. */
public record ContactForm(ContactTopic topic, String name, String email, String message) {

    public static final int NAME_MAX = 100;
    public static final int MESSAGE_MAX = 5000;

    /** Checks what a form sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static ContactForm parse(String topic, String name, String email, String message) {
        Problems problems = new Problems();
        ContactTopic chosen = ContactTopic.of(topic).orElse(null);
        if (chosen == null) {
            problems.add("topic", "Choose what your message is about.");
        }
        String cleanName = problems.required("name", "Name", name == null ? null : name.replaceAll("\\s*\\R\\s*", " "), NAME_MAX);
        String cleanEmail = problems.email("email", "Email address", email);
        String cleanMessage = problems.required("message", "Message", message, MESSAGE_MAX);
        problems.check();
        return new ContactForm(chosen, cleanName, cleanEmail, cleanMessage);
    }
}
