package org.vertebra.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.Frame;
import org.vertebra.layout.FrameService;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;
import org.vertebra.web.Html;
import org.vertebra.web.Params;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * /privacy/my-data/: a person asks by email for what the site holds about them; the mailed link
 * opens /privacy/my-data/{id}/?token=..., which offers the JSON download and erasure (both POST,
 * so a mail program that opens links to check them changes nothing). Per-visitor pages, never cached.
 */
public final class PrivacyRoutes {

    static final String PATH = "/privacy/my-data/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record AskPage(Frame frame, String email, FormMessages messages, String ticket, boolean sent) {
    }

    public record RequestPage(Frame frame, long id, String token, String email, Map<String, Integer> held, int erasedRows,
                              boolean erased, boolean missingConfirmation) {
    }

    private final PrivacyService privacy;
    private final FormGuard guard;
    private final FrameService frames;
    private final Templates templates;
    private final AuditLog audit;

    PrivacyRoutes(PrivacyService privacy, FormGuard guard, FrameService frames, Templates templates, AuditLog audit) {
        this.audit = audit;
        this.privacy = privacy;
        this.guard = guard;
        this.frames = frames;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ask(ctx, 200, "", FormMessages.NONE, false), Role.ANYONE);
        routes.post(PATH, this::send, Role.PUBLIC_FORM);
        routes.get(PATH + "{id}/", this::request, Role.ANYONE);
        routes.post(PATH + "{id}/export/", this::export, Role.PUBLIC_FORM);
        routes.post(PATH + "{id}/erase/", this::erase, Role.PUBLIC_FORM);
    }

    private void send(Context ctx) {
        String email = Params.form(ctx, "email");
        try {
            Verdict verdict = privacy.ask(email, new FormGuard.Submission(PrivacyService.FORM, ctx.ip(), ctx.formParam(FormGuard.TICKET),
                    ctx.formParam(FormGuard.HONEYPOT), PrivacyService.PER_HOUR, java.util.List.of(email)));
            if (verdict.kind() == Verdict.Kind.REFUSED) {
                ask(ctx, 422, email, new FormMessages(java.util.List.of(verdict.problem()), null), false);
                return;
            }
            ask(ctx, 200, "", FormMessages.NONE, true);
        } catch (Invalid invalid) {
            ask(ctx, 422, email, FormMessages.of(invalid), false);
        }
    }

    private void ask(Context ctx, int status, String email, FormMessages messages, boolean sent) {
        render(ctx, status, "privacy/ask.jte", new AskPage(frames.frame(frames.siteText().get(sent ? "privacy.inbox.title" : "privacy.title"), null, PATH), email,
                messages.in(frames.siteText(), "privacy"), guard.ticket(), sent));
    }

    private void request(Context ctx) {
        Optional<PrivacyRequest> request = opened(ctx, ctx.queryParam("token"));
        request.ifPresent(r -> showRequest(ctx, 200, r, ctx.queryParam("token"), false));
    }

    private void showRequest(Context ctx, int status, PrivacyRequest request, String token, boolean missingConfirmation) {
        render(ctx, status, "privacy/request.jte", new RequestPage(frames.frame(frames.siteText().get("privacy.title"), null, PATH), request.id(), token,
                request.email(), privacy.summary(request), 0, false, missingConfirmation));
    }

    private void export(Context ctx) {
        Optional<PrivacyRequest> request = opened(ctx, ctx.formParam("token"));
        if (request.isEmpty()) {
            return;
        }
        try {
            byte[] file = JSON.writeValueAsBytes(privacy.export(request.get()));
            audit.record(RequestActor.of(ctx), AuditAction.DATA_EXPORTED, AuditObject.of("privacy-request", Long.toString(request.get().id())));
            ctx.header("Cache-Control", "no-store").header("Content-Disposition", "attachment; filename=\"my-data.json\"")
                    .contentType("application/json; charset=utf-8").result(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the export holds only plain values", e);
        }
    }

    private void erase(Context ctx) {
        String token = ctx.formParam("token");
        Optional<PrivacyRequest> request = opened(ctx, token);
        if (request.isEmpty()) {
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            showRequest(ctx, 422, request.get(), token, true);
            return;
        }
        int rows = privacy.erase(request.get());
        audit.record(RequestActor.of(ctx), AuditAction.DATA_ERASED, AuditObject.of("privacy-request", Long.toString(request.get().id()))
                .withDetail(rows + " records"));
        render(ctx, 200, "privacy/request.jte", new RequestPage(frames.frame(frames.siteText().get("privacy.erased.title"), null, PATH), request.get().id(),
                null, null, Map.of(), rows, true, false));
    }

    /** The request the link names, or an answer that explains why it does not open (and empty). */
    private Optional<PrivacyRequest> opened(Context ctx, String token) {
        Optional<PrivacyRequest> request = privacy.open(Params.id(ctx, "id"), token);
        if (request.isEmpty()) {
            ctx.header("Cache-Control", "no-store");
            Html.send(ctx, 410, templates.render("privacy/expired.jte", frames.frame(frames.siteText().get("privacy.expired.title"), null, PATH)));
        }
        return request;
    }

    private void render(Context ctx, int status, String template, Object page) {
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, status, templates.render(template, page));
    }
}
