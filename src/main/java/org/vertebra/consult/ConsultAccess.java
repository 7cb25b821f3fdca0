package org.vertebra.consult;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.User;
import org.vertebra.web.Params;

/**
 * Who may open which schedule and consultation in the admin: administrators every doctor's,
 * a doctor only their own. One rule for every consultation route.
 */
final class ConsultAccess {

    private final DoctorAgenda consult;

    ConsultAccess(DoctorAgenda consult) {
        this.consult = consult;
    }

    /** The doctor asked for when this person may see them; for a doctor without MANAGE_ALL, always their own. */
    Optional<Doctor> chosenDoctor(User user, String id) {
        if (Permission.may(user, Action.MANAGE_ALL_CONSULTATIONS)) {
            Optional<Doctor> asked = id != null && id.matches("\\d{1,18}") ? consult.doctor(Long.parseLong(id)) : Optional.empty();
            return asked.isPresent() ? asked : consult.allDoctors().stream().findFirst();
        }
        return consult.doctorOfUser(user.id());
    }

    /** The doctor of this id, when this person may open their schedule (404 or 403 otherwise). */
    Doctor allowedDoctor(User user, String id) {
        Optional<Doctor> doctor = id != null && id.matches("\\d{1,18}") ? consult.doctor(Long.parseLong(id)) : Optional.empty();
        if (doctor.isEmpty()) {
            throw new NotFoundResponse();
        }
        if (!mayOpen(user, doctor.get())) {
            throw new ForbiddenResponse();
        }
        return doctor.get();
    }

    /** The booking named by the path's {id}, when this person may open it (404 or 403 otherwise). */
    Booking allowedBooking(Context ctx, User user) {
        Booking booking = consult.booking(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        Doctor doctor = consult.doctor(booking.doctorId()).orElseThrow(NotFoundResponse::new);
        if (!mayOpen(user, doctor)) {
            throw new ForbiddenResponse();
        }
        return booking;
    }

    static boolean mayOpen(User user, Doctor doctor) {
        return Permission.may(user, Action.MANAGE_ALL_CONSULTATIONS)
                || Permission.may(user, Action.CONSULT) && doctor.userId() != null && doctor.userId() == user.id();
    }
}
