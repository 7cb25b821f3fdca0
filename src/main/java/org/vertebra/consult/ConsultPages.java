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

    public record ZoneOption(String id, String label, boolean selected) {
    }

    /** A free slot as a link or a choice: its time of day in the patient's zone, and its start as an instant. */
    public record SlotView(String time, String day, String start, String url) {
    }

    public record DayView(String heading, String id, List<SlotView> slots) {
    }

    /** The booking page: the intro, the doctor and zone chosen, a week of free slots. */
    public record BookingPage(Frame frame, String title, String introHtml, boolean demo, List<DoctorOption> doctors,
                              String doctorSlug, String doctorName, String zone, List<ZoneOption> zones, List<DayView> days,
                              String earlierUrl, String laterUrl, String problem) {
    }

    public record RedFlagView(String key, String label, boolean checked) {
    }

    /** The intake form as typed, kept after a refusal. */
    public record Typed(String name, String email, String phone, String age, String complaint, String duration,
                        List<String> redFlags, boolean consent, boolean acknowledged) {
        static final Typed EMPTY = new Typed("", "", "", "", "", "", List.of(), false, false);
    }

    /**
     * The intake form for one slot ({@code start}), or, after the slot was taken, for a choice of
     * the next free ones ({@code choices}).
     */
    public record IntakePage(Frame frame, String doctorSlug, String doctorName, String zone, String start, String when,
                             List<SlotView> choices, Typed typed, List<RedFlagView> redFlags, List<String> durations,
                             boolean showAdvice, FormMessages messages, String ticket, String cutoff) {
    }

    public record BookedPage(Frame frame, String name, String email, String when, String doctor, String videoUrl,
                             String managePath, String cutoff) {
    }

    /** The page a manage link opens. {@code state}: open (may cancel or move), closed (too late, or done), cancelled. */
    public record ManagePage(Frame frame, String state, String name, String when, String doctor, String videoUrl, String b,
                             String t, String s, List<SlotView> choices, FormMessages messages, String notice, String cutoff) {
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
}
