package org.vertebra.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.layout.DateText;

/**
 * /admin/audit/ for administrators: the events newest first, a page at a time (keyset: each page
 * starts below the last row of the one before), filtered by actor, action, outcome and UTC dates;
 * the same selection as CSV, streamed; and whether the chain verifies, from where.
 */
public final class AuditAdminRoutes {

    public static final String PAGE = "/admin/audit/";
    public static final String CSV = "/admin/audit/audit-log.csv";
    static final int PAGE_SIZE = 50;

    /** One event as the table shows it. */
    public record Row(long seq, String time, String timeIso, String actor, String action, String object, String detail,
                      String outcome, String requestId) {
    }

    /** A choice in a filter's list. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** The filter as typed, to fill the form again. */
    public record FilterForm(String actor, List<Choice> actions, List<Choice> outcomes, String from, String to) {
    }

    public record LogPage(AdminFrame frame, ChainCheck chain, String chainSince, String retention, FilterForm filter,
                          List<Row> rows, String olderUrl, String csvUrl, String error) {
    }

    private final AuditLog audit;
    private final AdminShell shell;

    AuditAdminRoutes(AuditLog audit, AdminShell shell) {
        this.audit = audit;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get(PAGE, this::log, Action.VIEW_AUDIT_LOG);
        routes.get(CSV, this::export, Action.VIEW_AUDIT_LOG);
    }

    private void log(Context ctx) {
        AuditFilter filter;
        String error = null;
        try {
            filter = filter(ctx);
        } catch (IllegalArgumentException e) {
            filter = AuditFilter.ALL;
            error = e.getMessage();
        }
        List<AuditEntry> entries = audit.page(filter, PAGE_SIZE + 1);
        boolean more = entries.size() > PAGE_SIZE;
        List<Row> rows = entries.stream().limit(PAGE_SIZE).map(AuditAdminRoutes::row).toList();
        String query = query(ctx);
        ChainCheck chain = audit.check();
        shell.render(ctx, error == null ? 200 : 400, "audit/log.jte", new LogPage(shell.frame(ctx, "Audit log", AdminShell.Section.AUDIT),
                chain, chain.checkpointAt() == null ? null : DateText.words(chain.checkpointAt()),
                audit.retention().getYears() + " years", form(filter),
                rows, more ? PAGE + "?" + query + (query.isEmpty() ? "" : "&") + "before=" + rows.get(rows.size() - 1).seq() : null,
                CSV + (query.isEmpty() ? "" : "?" + query), error));
    }

    private void export(Context ctx) {
        AuditFilter filter;
        try {
            filter = filter(ctx);
        } catch (IllegalArgumentException e) {
            shell.message(ctx, 400, "Audit log", e.getMessage());
            return;
        }
        audit.record(RequestActor.of(ctx), AuditAction.DATA_EXPORTED, AuditObject.of("audit-log", null).withDetail("CSV"));
        ctx.header("Cache-Control", "no-store").contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            out.write("seq,time_utc,actor_id,actor,address_hash,action,object_type,object_id,detail,outcome,request_id,"
                    + "prev_hash,hash\r\n");
            audit.forEach(filter, e -> write(out, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer out, AuditEntry e) {
        try {
            out.write(String.join(",", Long.toString(e.seq()), e.occurredAt().toString(),
                    e.actorId() == null ? "" : e.actorId().toString(), cell(e.actorName()), cell(e.addressHash()), e.action(),
                    cell(e.objectType()), cell(e.objectId()), cell(e.detail()), e.outcome(), cell(e.requestId()), e.prevHash(),
                    e.hash()));
            out.write("\r\n");
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** A CSV cell: quoted when it needs to be, and never read as a formula by a spreadsheet. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    static AuditFilter filter(Context ctx) {
        String actor = blankToNull(ctx.queryParam("actor"));
        AuditAction action = blankToNull(ctx.queryParam("action")) == null ? null : AuditAction.ofKey(ctx.queryParam("action"))
                .orElseThrow(() -> new IllegalArgumentException("There is no action named " + ctx.queryParam("action") + "."));
        AuditOutcome outcome = blankToNull(ctx.queryParam("outcome")) == null ? null : AuditOutcome.ofKey(ctx.queryParam("outcome"))
                .orElseThrow(() -> new IllegalArgumentException("There is no outcome named " + ctx.queryParam("outcome") + "."));
        String before = blankToNull(ctx.queryParam("before"));
        try {
            return new AuditFilter(actor, action, outcome, date(ctx.queryParam("from")), date(ctx.queryParam("to")),
                    before == null ? null : Long.parseLong(before));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The page to start from is not a row number.");
        }
    }

    private static LocalDate date(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\u201c" + text + "\u201d is not a date; give it as YYYY-MM-DD.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static FilterForm form(AuditFilter f) {
        List<Choice> actions = new ArrayList<>(List.of(new Choice("", "Any action", f.action() == null)));
        Arrays.stream(AuditAction.values()).forEach(a -> actions.add(new Choice(a.key(), a.label(), a == f.action())));
        List<Choice> outcomes = new ArrayList<>(List.of(new Choice("", "Any outcome", f.outcome() == null)));
        Arrays.stream(AuditOutcome.values()).forEach(o -> outcomes.add(new Choice(o.key(), o.key(), o == f.outcome())));
        return new FilterForm(f.actor() == null ? "" : f.actor(), actions, outcomes,
                f.from() == null ? "" : f.from().toString(), f.to() == null ? "" : f.to().toString());
    }

    /** The filter's part of the query string (without the page), to carry into the next page and the CSV link. */
    private static String query(Context ctx) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("actor", "action", "outcome", "from", "to")) {
            String value = blankToNull(ctx.queryParam(name));
            if (value != null) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return String.join("&", parts);
    }

    private static Row row(AuditEntry e) {
        String actor = e.actorId() == null ? e.actorName() : e.actorName() + " (#" + e.actorId() + ")";
        String object = e.objectType() == null ? "" : e.objectId() == null ? e.objectType() : e.objectType() + " " + e.objectId();
        String action = AuditAction.ofKey(e.action()).map(AuditAction::label).orElse(e.action());
        return new Row(e.seq(), e.occurredAt().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$|Z$", " UTC"),
                e.occurredAt().toString(), actor, action, object, e.detail() == null ? "" : e.detail(), e.outcome(),
                e.requestId() == null ? "" : e.requestId());
    }
}
