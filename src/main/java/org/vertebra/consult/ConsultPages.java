package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.vertebra.form.FormMessages;
import org.vertebra.layout.Frame;

/** The view records of TeleConsult's public pages. */
public final class ConsultPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private ConsultPages() {
    }

    public record DoctorOption(String slug, String name, boolean selected) {
    }

    /** A zone in the booking page's search list: its id is what is sent, its label what a person reads. */
    public record ZoneOption(String id, String label) {
    }

    /** A free slot as a link or a choice: its time of day in the patient's zone, and its start as an instant. */
    public record SlotView(String time, String day, String start, String url) {
    }

    public record DayView(String heading, String id, List<SlotView> slots) {
    }

    /**
     * The booking page: the intro (folded away, so the free times come first on a phone), the
     * doctor and zone chosen ({@code zoneLabel} in words), a week of free slots, the cut-off rule.
     */
    public record BookingPage(Frame frame, String title, String introHtml, boolean demo, List<DoctorOption> doctors,
                              String doctorSlug, String doctorName, String zone, String zoneLabel, List<ZoneOption> zones,
                              List<DayView> days, String earlierUrl, String laterUrl, String problem, String cutoffRule) {
    }

    public record RedFlagView(String key, String label, boolean checked) {
    }

    /**
     * The intake form as typed, kept after a refusal. {@code submission}: the form's id, the same
     * for every sending of it (see FormSubmissions).
     */
    public record Typed(String name, String email, String phone, String age, String complaint, String duration,
                        List<String> redFlags, boolean consent, boolean acknowledged, String submission) {
        static Typed empty(String submission) {
            return new Typed("", "", "", "", "", "", List.of(), false, false, submission);
        }
    }

    /**
     * The intake form for one slot ({@code start}), or, after the slot was taken, for a choice of
     * the next free ones ({@code choices}). {@code cutoff}: what booking it means for moving and
     * cancelling online, told before booking.
     */
    public record IntakePage(Frame frame, String doctorSlug, String doctorName, String zone, String start, String when,
                             List<SlotView> choices, Typed typed, List<RedFlagView> redFlags, List<String> durations,
                             boolean showAdvice, FormMessages messages, String ticket, String cutoff) {
    }

    /**
     * The confirmation at its own signed address. {@code emergency}: a warning sign that needs
     * emergency care was ticked, so the urgent-care advice comes first.
     */
    public record BookedPage(Frame frame, String name, String email, String when, String doctor, String videoUrl,
                             String managePath, String cutoff, boolean changeable, boolean emergency) {
    }

    /** A new form sent for a time this address has booked already. */
    public record AlreadyBookedPage(Frame frame, String doctor, String when, String email) {
    }

    /** A manage link's parameters, carried by the page's forms. */
    public record LinkFields(String b, String t, String s) {
    }

    /** A day a consultation may move to, with how many free times it has. */
    public record DayOption(String value, String label, boolean selected) {
    }

    /** Moving: the days with free times within the horizon, and the free times of the chosen day. */
    public record MoveView(List<DayOption> days, String dayLabel, List<SlotView> times) {
        static final MoveView NONE = new MoveView(List.of(), null, List.of());
    }

    /**
     * The page a manage link opens. {@code state}: open (may cancel or move), confirm-cancel (asks
     * once more), closed (too late, or done), cancelled. {@code cutoff}: what may still be done, in words.
     */
    public record ManagePage(Frame frame, String state, String name, String when, String doctor, String videoUrl,
                             LinkFields link, String managePath, MoveView move, FormMessages messages, String notice,
                             String cutoff) {
    }

    /** A link that does not work, and why. */
    public record LinkProblemPage(Frame frame, String title, String message) {
    }

    static SlotView slot(Instant start, ZoneId zone, String url) {
        return new SlotView(TIME.format(start.atZone(zone)), DAY.format(start.atZone(zone)), start.toString(), url);
    }

    static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    static MoveView move(MoveDays days, ZoneId zone) {
        if (days.chosen() == null) {
            return MoveView.NONE;
        }
        List<DayOption> options = days.days().entrySet().stream().map(e -> new DayOption(e.getKey().toString(),
                DAY.format(e.getKey()) + " (" + e.getValue() + (e.getValue() == 1 ? " free time)" : " free times)"),
                e.getKey().equals(days.chosen()))).toList();
        return new MoveView(options, DAY.format(days.chosen()), days.times().stream().map(s -> slot(s.start(), zone, null)).toList());
    }
}
