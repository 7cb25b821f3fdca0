package org.vertebra.consult;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.Invalid;

/**
 * The intake form's checks: the booking's fields and, when a warning sign is ticked, that its
 * advice was read; every problem at once, in the order of the form, so a patient corrects the
 * form in one go instead of discovering one problem per sending.
 */
final class IntakeCheck {

    static final String ACKNOWLEDGED = "acknowledged";

    private IntakeCheck() {
    }

    /** The booking request; throws {@link Invalid} with every problem found. */
    static BookingRequest parse(BookingRequest.Sent sent, boolean acknowledged) {
        List<FieldProblem> problems = new ArrayList<>();
        BookingRequest request = null;
        try {
            request = BookingRequest.parse(sent);
        } catch (Invalid invalid) {
            problems.addAll(invalid.problems());
        }
        if (!sent.redFlags().isEmpty() && !acknowledged) {
            // The advice sits just above the terms on the form, so its problem goes before theirs.
            int consent = (int) problems.stream().takeWhile(p -> !"consent".equals(p.field())).count();
            problems.add(consent, new FieldProblem(ACKNOWLEDGED,
                    "You ticked a warning sign. Please read the advice below, and tick the box if you still want a video consultation."));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return request;
    }
}
