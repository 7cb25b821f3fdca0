package org.vertebra.contact;

import java.time.Instant;

/** A message sent with the contact form, as stored; {@code readAt} is null until someone reads it. */
record ContactMessage(long id, String topic, String name, String email, String message, Instant createdAt, Instant readAt) {

    public String topicLabel() {
        return ContactTopic.of(topic).map(ContactTopic::label).orElse(topic);
    }
}
