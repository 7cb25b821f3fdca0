package org.vertebra.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vertebra.spam.FormGuard;

/** Fills in a public form as a person would: the ticket from the page, the honeypot empty, and time to type. */
public final class PublicForm {

    private PublicForm() {
    }

    /** The form's fields with a fresh ticket from the page at {@code path}; the clock moves on past the guard's minimum. */
    public static Map<String, String> fields(WebClient client, String path, TestClock clock, String... namesAndValues) {
        String ticket = client.page(path).selectFirst("input[name=" + FormGuard.TICKET + "]").attr("value");
        clock.advance(FormGuard.MINIMUM_TIME.plus(Duration.ofSeconds(2)));
        Map<String, String> form = new LinkedHashMap<>();
        form.put(FormGuard.TICKET, ticket);
        form.put(FormGuard.HONEYPOT, "");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
