package org.vertebra.consult;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.consult.ConsultPages.AlreadyBookedPage;
import org.vertebra.consult.ConsultPages.BookingPage;
import org.vertebra.consult.ConsultPages.Choice;
import org.vertebra.consult.ConsultPages.DayView;
import org.vertebra.consult.ConsultPages.DoctorOption;
import org.vertebra.consult.ConsultPages.IntakePage;
import org.vertebra.consult.ConsultPages.LanguageLink;
import org.vertebra.consult.ConsultPages.RedFlagView;
import org.vertebra.consult.ConsultPages.SlotView;
import org.vertebra.consult.ConsultPages.Typed;
import org.vertebra.consult.ConsultPages.ZoneOption;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;
import org.vertebra.layout.Frame;
import org.vertebra.layout.FrameService;
import org.vertebra.spam.FormGuard;
import org.vertebra.web.Html;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * /teleconsult/: the booking page (a week of free slots in the patient's zone, the text of the
 * page whose slug is {@code teleconsult} folded away below them) and the intake form; the pages a
 * patient's signed link opens are {@link PatientLinkRoutes}'. Everything works without
 * JavaScript; the script only guesses the browser's zone and shows the red-flag advice at once. Pages differ per visitor, so
 * they skip the page cache and are sent with {@code Cache-Control: no-store}.
 *
 * <p>The pages are in the site's language, or in the one {@code ?lang=} names (a language the site
 * has texts for): the booking page links to itself in the others, every link and form on the way
 * carries the choice, and the booking keeps it. Nothing is remembered in a cookie.
 */
final class ConsultRoutes {

    static final String PAGE_SLUG = "teleconsult";
    static final int DAYS_SHOWN = 7;
    /** How long it has lasted: the values sent and stored are these English ones, the doctor's; patients read {@code consult.lasted.N}. */
    static final List<String> DURATIONS = List.of("Less than a week", "1 to 4 weeks", "1 to 3 months", "3 to 12 months",
            "More than a year");
    static final String LANG = "lang";
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

    private final PatientBookings consult;
    private final PublishedArticles articles;
    private final FormGuard guard;
    private final FrameService frames;
    private final Templates templates;
    private final Clock clock;
    private final PatientLinkRoutes patientLinks;

    ConsultRoutes(PatientBookings consult, PublishedArticles articles, FormGuard guard, FrameService frames,
                         Templates templates, Clock clock) {
        this.consult = consult;
        this.articles = articles;
        this.guard = guard;
        this.frames = frames;
        this.templates = templates;
        this.clock = clock;
        this.patientLinks = new PatientLinkRoutes(consult, frames, templates, clock);
    }

    void register(RoutesConfig routes) {
        routes.get("/teleconsult/", this::bookingPage, Role.ANYONE);
        routes.get("/teleconsult/book/", this::intakeForm, Role.ANYONE);
        routes.post("/teleconsult/book/", this::book, Role.PUBLIC_FORM);
        patientLinks.register(routes);
    }

    // --- the week of slots

    private void bookingPage(Context ctx) {
        Language lang = consult.patientLanguage(ctx.queryParam(LANG));
        Messages text = consult.text(lang);
        List<Doctor> doctors = consult.doctors();
        Article page = pageIn(lang);
        boolean sameLanguage = page != null && page.lang().base().equals(lang.base());
        String title = page == null || !sameLanguage ? text.get("consult.title.default") : page.title();
        String intro = page == null ? null : page.bodyHtml();
        boolean demo = page != null && page.demo();
        Doctor doctor = consult.doctor(ctx.queryParam("doctor")).filter(Doctor::active)
                .orElse(doctors.isEmpty() ? null : doctors.get(0));
        // Without a zone (no script to guess the browser's), the doctor's is the likeliest to be the patient's too.
        ZoneId fallback = doctor == null ? DEFAULT_ZONE : doctor.zone();
        String zoneParam = ctx.queryParam("tz");
        ZoneId zone = ZoneChoices.find(zoneParam).orElse(null);
        String problem = zoneParam != null && !zoneParam.isBlank() && zone == null
                ? text.format("consult.booking.zoneUnknown", TimeZones.label(fallback)) : null;
        zone = zone == null ? fallback : zone;
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        ZoneId shown = zone;
        LocalDate from = date(ctx.queryParam("from")).filter(d -> !d.isBefore(today) && d.isBefore(today.plusDays(400)))
                .orElseGet(() -> firstFreeDay(doctor, today, shown));
        LocalDate to = from.plusDays(DAYS_SHOWN - 1L);
        List<DayView> days = new ArrayList<>();
        if (doctor != null) {
            List<Slot> free = consult.freeSlots(doctor, from, to, zone);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate d = day;
                ZoneId z = zone;
                List<SlotView> slots = free.stream().filter(s -> s.start().atZone(z).toLocalDate().equals(d))
                        .map(s -> ConsultPages.slot(s.start(), z, bookUrl(doctor, s.start(), z, lang), text)).toList();
                days.add(new DayView(new PatientWords(text).day(day), "day-" + day, slots));
            }
        }
        String query = (doctor == null ? "" : "doctor=" + enc(doctor.slug()) + "&") + "tz=" + enc(zone.getId());
        String base = "/teleconsult/?" + query + langParam(lang);
        List<LanguageLink> languages = consult.patientLanguages().stream().filter(l -> !l.equals(lang))
                .map(l -> new LanguageLink(l.tag(), l.nativeName(), "/teleconsult/?" + query + langParam(l))).toList();
        send(ctx, 200, "consult/booking.jte", new BookingPage(frame(title, text.get("consult.booking.description"), lang), title,
                intro, demo,
                doctors.stream().map(d -> new DoctorOption(d.slug(), d.displayName(), d.equals(doctor))).toList(),
                doctor == null ? null : doctor.slug(), doctor == null ? null : doctor.displayName(), zone.getId(),
                ZoneChoices.shortLabel(zone, clock.instant(), zoneLocale(lang)),
                ZoneChoices.list(zone, fallback, clock.instant(), zoneLocale(lang)).stream().map(c -> new ZoneOption(c.id(), c.label())).toList(),
                days, from.isAfter(today) ? base + "&from=" + later(from.minusDays(DAYS_SHOWN), today) + "#slots" : null,
                base + "&from=" + to.plusDays(1) + "#slots", problem, consult.changeCutoff().rule(text),
                page == null || sameLanguage ? null : page.lang().tag(), languages, langParam(lang).isEmpty() ? null : lang.tag()));
    }

    /**
     * The page of text shown below the free times: its translation into the patient's language
     * when it has a published one, else the page itself (shown marked with its own language).
     */
    private Article pageIn(Language lang) {
        Article page = articles.published(PAGE_SLUG).filter(Article::isPage).orElse(null);
        if (page == null || page.lang().base().equals(lang.base())) {
            return page;
        }
        return articles.publicTranslations(page).stream()
                .filter(t -> t.lang().base().equals(lang.base()))
                .findFirst().flatMap(t -> articles.published(t.slug())).orElse(page);
    }

    /** The language zones are named in: British English as the booking page always named them, or the patient's. */
    private static java.util.Locale zoneLocale(Language lang) {
        return lang.base().equals("en") ? java.util.Locale.UK : lang.locale();
    }

    /** The {@code lang} parameter of a link: none for the site's language, so its addresses stay as they were. */
    private String langParam(Language lang) {
        return lang.equals(consult.siteLanguage()) ? "" : "&" + LANG + "=" + enc(lang.tag());
    }

    private Frame frame(String title, String description, Language lang) {
        return frames.frame(title, description, "/teleconsult/", org.vertebra.layout.Social.website(), lang);
    }

    /**
     * The week shown first starts on the first day with a free time (within two weeks), so that
     * days with none (a weekend, today after hours) never push the first free time off a phone's screen.
     */
    private LocalDate firstFreeDay(Doctor doctor, LocalDate today, ZoneId zone) {
        if (doctor == null) {
            return today;
        }
        return consult.freeSlots(doctor, today, today.plusDays(2L * DAYS_SHOWN - 1), zone).stream()
                .map(s -> s.start().atZone(zone).toLocalDate()).findFirst().orElse(today);
    }

    // --- the intake form and the booking

    private void intakeForm(Context ctx) {
        Optional<Doctor> doctor = consult.doctor(ctx.queryParam("doctor")).filter(Doctor::active);
        ZoneId zone = Optional.ofNullable(TimeZones.parse(ctx.queryParam("tz"))).orElse(DEFAULT_ZONE);
        Instant start = instant(ctx.queryParam("start"));
        Language lang = consult.patientLanguage(ctx.queryParam(LANG));
        if (doctor.isEmpty() || start == null) {
            ctx.redirect(bookingPath(lang.equals(consult.siteLanguage()) ? null : lang));
            return;
        }
        intake(ctx, 200, doctor.get(), zone, start, List.of(), Typed.empty(FormSubmissions.newId()), false, FormMessages.NONE,
                guard.ticket(), lang);
    }

    /**
     * Books, then sends the patient to the confirmation's own address (POST, redirect, GET), so a
     * reload shows the booking again instead of sending the form again. The same form sent twice
     * leads to the same confirmation.
     */
    private void book(Context ctx) {
        Typed typed = typed(ctx);
        Optional<Doctor> doctor = consult.doctor(ctx.formParam("doctor")).filter(Doctor::active);
        ZoneId zone = Optional.ofNullable(TimeZones.parse(ctx.formParam("tz"))).orElse(DEFAULT_ZONE);
        Instant start = instant(ctx.formParam("start"));
        Language lang = consult.patientLanguage(ctx.formParam(LANG));
        Messages text = consult.text(lang);
        if (doctor.isEmpty()) {
            ctx.redirect(bookingPath(lang.equals(consult.siteLanguage()) ? null : lang), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        String ticket = guard.ticketAfterProblems(ctx.formParam(FormGuard.TICKET));
        try {
            BookingCommand command = new BookingCommand(doctor.get().slug(), ctx.formParam("start"), zone.getId(), typed.name(),
                    typed.email(), typed.phone(), typed.age(), typed.complaint(), typed.duration(), typed.redFlags(),
                    typed.acknowledged(), typed.consent(), lang.tag());
            Booked booked = consult.book(command, new BookingCommand.Sender(ctx.ip(), new BookingCommand.PageForm(
                    typed.submission(), ctx.formParam(FormGuard.TICKET), ctx.formParam(FormGuard.HONEYPOT))));
            ctx.redirect(consult.confirmationPath(booked.booking()), io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (PatientBookings.Spam spam) {
            ctx.redirect(bookingPath(lang.equals(consult.siteLanguage()) ? null : lang), io.javalin.http.HttpStatus.SEE_OTHER); // nothing booked, nothing learnt
        } catch (Invalid invalid) {
            boolean badTime = invalid.problems().stream().anyMatch(p -> "start".equals(p.field()));
            boolean ack = invalid.problems().stream().anyMatch(p -> BookingRequest.ACKNOWLEDGED.equals(p.field()));
            // A time that cannot be booked (passed, too soon, outside hours): offer the next free ones instead.
            List<SlotView> next = badTime ? consult.nextFree(doctor.get()).stream()
                    .map(s -> ConsultPages.slot(s.start(), zone, null, text)).toList() : List.of();
            // The spam guard's refusal comes by its code (consult.problem.guard.*); the command's problems are in the patient's words already.
            intake(ctx, 422, doctor.get(), zone, badTime ? null : start, next, typed, ack, FormMessages.of(invalid).in(text, "consult"),
                    ticket, lang);
        } catch (SlotTaken taken) {
            if (start != null && consult.bookedBy(doctor.get(), start, typed.email())) {
                // Their own booking, from an earlier form: no manage link here, only the mail has it.
                send(ctx, 200, "consult/already.jte", new AlreadyBookedPage(frame(text.get("consult.already.title"), null, lang),
                        doctor.get().name(), new PatientWords(text).when(start, zone), typed.email().strip()));
                return;
            }
            List<SlotView> next = taken.next().stream().map(s -> ConsultPages.slot(s.start(), zone, null, text)).toList();
            intake(ctx, 409, doctor.get(), zone, null, next, typed, false, FormMessages.of(Invalid.of("start",
                    text.get(next.isEmpty() ? "consult.taken.none" : "consult.taken.next"))), ticket, lang);
        }
    }

    private void intake(Context ctx, int status, Doctor doctor, ZoneId zone, Instant start, List<SlotView> choices, Typed typed,
                        boolean showAdvice, FormMessages messages, String ticket, Language lang) {
        Messages text = consult.text(lang);
        List<RedFlagView> flags = Arrays.stream(RedFlag.values())
                .map(f -> new RedFlagView(f.key(), text.get("consult.flag." + f.key()), typed.redFlags().contains(f.key()))).toList();
        List<Choice> durations = new ArrayList<>();
        for (int i = 0; i < DURATIONS.size(); i++) {
            durations.add(new Choice(DURATIONS.get(i), text.get("consult.lasted." + (i + 1))));
        }
        ChangeCutoff cutoff = consult.changeCutoff();
        send(ctx, status, "consult/intake.jte", new IntakePage(frame(text.get("consult.intake.title"), null, lang),
                doctor.slug(), doctor.name(), zone.getId(), start == null ? null : start.toString(),
                start == null ? null : new PatientWords(text).when(start, zone), choices, typed, flags, durations,
                showAdvice || !typed.redFlags().isEmpty(), messages, ticket,
                start == null ? cutoff.rule(text) : cutoff.beforeBooking(start, zone, clock.instant(), text)));
    }

    private static Typed typed(Context ctx) {
        List<String> flags = ctx.formParams("redFlags");
        String submission = ctx.formParam("submission");
        return new Typed(param(ctx, "name"), param(ctx, "email"), param(ctx, "phone"), param(ctx, "age"), param(ctx, "complaint"),
                param(ctx, "duration"), flags, ctx.formParam("consent") != null, ctx.formParam("acknowledged") != null,
                FormSubmissions.wellFormed(submission) ? submission : FormSubmissions.newId());
    }

    // --- helpers

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private String bookUrl(Doctor doctor, Instant start, ZoneId zone, Language lang) {
        return "/teleconsult/book/?doctor=" + enc(doctor.slug()) + "&start=" + enc(start.toString()) + "&tz=" + enc(zone.getId())
                + langParam(lang);
    }

    /** The booking page in a language ({@code null}: the site's), for a link in a mail. */
    static String bookingPath(Language lang) {
        return lang == null ? "/teleconsult/" : "/teleconsult/?" + LANG + "=" + enc(lang.tag());
    }

    static Optional<LocalDate> date(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Instant instant(String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void send(Context ctx, int status, String template, Object page) {
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, status, templates.render(template, page));
    }
}
