package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.vertebra.form.FormMessages;
import org.vertebra.language.Messages;
import org.vertebra.layout.Frame;

/**
 * The view records of TeleConsult's public pages. Their fixed text comes from the frame's
 * {@code text()}, the language of the page: the one chosen on the booking page, or the booking's.
 */
public final class ConsultPages {

    private ConsultPages() {
    }

    /**
     * A text with markup from the bundle (trusted: shipped, or the site's own), its placeholders
     * filled with the values escaped: for the sentences whose links and emphasis sit where each
     * language's word order puts them.
     */
    public static String markup(Messages text, String key, Object... values) {
        if (values.length == 0) {
            return text.get(key);
        }
        Object[] escaped = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            escaped[i] = values[i] instanceof String v ? org.vertebra.web.Html.escape(v) : values[i];
        }
        return text.format(key, escaped);
    }


    /** The same page in another language the patient may choose: its native name and address. */
    public record LanguageLink(String tag, String name, String url) {
    }

    /** A choice in a list: the value sent (the same in every language) and the label shown. */
    public record Choice(String value, String label) {
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
     * {@code introLang}: the intro's language when it is not the page's (no translation yet);
     * {@code languages}: the page in the others; {@code chosenLang}: the page's language when it is not the site's.
     */
    public record BookingPage(Frame frame, String title, String introHtml, boolean demo, List<DoctorOption> doctors,
                              String doctorSlug, String doctorName, String zone, String zoneLabel, List<ZoneOption> zones,
                              List<DayView> days, String earlierUrl, String laterUrl, String problem, String cutoffRule,
                              String introLang, List<LanguageLink> languages, String chosenLang) {
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
     * cancelling online, told before booking. {@code durations}: their values are English whatever the
     * page's language, as the doctor reads them.
     */
    public record IntakePage(Frame frame, String doctorSlug, String doctorName, String zone, String start, String when,
                             List<SlotView> choices, Typed typed, List<RedFlagView> redFlags, List<Choice> durations,
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

    static SlotView slot(Instant start, ZoneId zone, String url, Messages text) {
        PatientWords words = new PatientWords(text);
        return new SlotView(words.time(start, zone), words.day(start.atZone(zone).toLocalDate()), start.toString(), url);
    }

    static MoveView move(MoveDays days, ZoneId zone, Messages text) {
        if (days.chosen() == null) {
            return MoveView.NONE;
        }
        PatientWords words = new PatientWords(text);
        List<DayOption> options = days.days().entrySet().stream().map(e -> new DayOption(e.getKey().toString(),
                text.format("consult.manage.dayOption", words.day(e.getKey()), e.getValue()),
                e.getKey().equals(days.chosen()))).toList();
        return new MoveView(options, words.dayInText(days.chosen()),
                days.times().stream().map(s -> slot(s.start(), zone, null, text)).toList());
    }
}
