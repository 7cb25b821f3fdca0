package org.vertebra.consult;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.User;
import org.vertebra.admin.DashboardPanel;
import org.vertebra.layout.MenuLink;

/**
 * The dashboard's "Next consultations": a doctor's own next few, or for an administrator without
 * a schedule of their own every doctor's, each with its time in the doctor's zone and an
 * emergency-level warning sign flagged in words.
 */
final class NextConsultations implements Function<User, Optional<DashboardPanel>> {

    static final int SHOWN = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

    private final DoctorAgenda consult;

    NextConsultations(DoctorAgenda consult) {
        this.consult = consult;
    }

    @Override
    public Optional<DashboardPanel> apply(User user) {
        if (!Permission.may(user, Action.CONSULT)) {
            return Optional.empty();
        }
        Optional<Doctor> own = consult.doctorOfUser(user.id()).filter(Doctor::active);
        boolean all = own.isEmpty() && Permission.may(user, Action.MANAGE_ALL_CONSULTATIONS);
        if (own.isEmpty() && !all) {
            return Optional.empty();
        }
        List<Booking> next = consult.nextConsultations(own.orElse(null), SHOWN);
        Map<Long, RedFlag.Urgency> urgency = consult.urgencies(next);
        Map<Long, Doctor> doctors = new java.util.HashMap<>();
        List<DashboardPanel.Entry> entries = next.stream().map(b -> {
            Doctor d = doctors.computeIfAbsent(b.doctorId(), id -> consult.doctor(id).orElseThrow());
            UrgencyFlag flag = UrgencyFlag.of(urgency.get(b.id()));
            return new DashboardPanel.Entry(WHEN.format(b.start().atZone(d.zone())) + " (" + TimeZones.label(d.zone()) + "): "
                    + b.name() + (all ? ", with " + d.name() : ""), "/admin/consult/" + b.id() + "/",
                    flag == null ? null : flag.label(), flag != null && flag.emergency());
        }).toList();
        if (entries.isEmpty()) {
            entries = List.of(new DashboardPanel.Entry("None booked yet", "/admin/consult/?view=list", null, false));
        }
        return Optional.of(new DashboardPanel("Next consultations", entries,
                new MenuLink("The coming two weeks", "/admin/consult/?view=list", false)));
    }
}
