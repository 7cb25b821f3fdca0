package org.vertebra.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.web.JsonAnswers;

/**
 * The references editor's JSON endpoints, for the article editor's script. Admin paths end in a
 * slash like every other address. Both answer {@code {"vancouver", "citation", "problems"}}.
 *
 * <ul>
 *   <li>{@code POST /admin/references/format/} with {@code {"text", "doi", "pmid", "citation"}}
 *       (any may be left out): formats the given parts, or looks the DOI or PMID up. Always 200
 *       when the request is JSON; what went wrong is in {@code problems}.</li>
 *   <li>{@code GET /admin/references/lookup/?id=10.1056/...} (or a PMID): 200 with the citation,
 *       else the problem with 422 (not a DOI or PMID), 404 (unknown), 503 (look-ups off),
 *       504 (timed out) or 502 (the service failed).</li>
 * </ul>
 */
final class ReferenceRoutes {

    /** What the format endpoint reads. */
    record FormatRequest(String text, String doi, String pmid, Citation citation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ReferenceService references;

    ReferenceRoutes(ReferenceService references) {
        this.references = references;
    }

    void register(RoutesConfig routes) {
        routes.post("/admin/references/format/", this::format, Action.WRITE_ARTICLES);
        routes.get("/admin/references/lookup/", this::lookUp, Action.WRITE_ARTICLES);
    }

    private void format(Context ctx) {
        FormatRequest request;
        try {
            request = JSON.readValue(ctx.body(), FormatRequest.class);
        } catch (JsonProcessingException e) {
            send(ctx, 400, new FormattedReference(null, null, List.of(new ReferenceProblem(
                    ReferenceProblem.Kind.NOTHING_GIVEN, "Send a JSON object with text, doi, pmid or citation."))));
            return;
        }
        if (request == null) {
            request = new FormatRequest(null, null, null, null);
        }
        send(ctx, 200, references.format(request.text(), request.doi(), request.pmid(), request.citation()));
    }

    private void lookUp(Context ctx) {
        FormattedReference answer = references.lookUp(ctx.queryParam("id"));
        send(ctx, answer.citation() != null || answer.problems().isEmpty() ? 200 : status(answer.problems().get(0)), answer);
    }

    static int status(ReferenceProblem problem) {
        return switch (problem.kind()) {
            case INVALID_DOI, INVALID_PMID, INVALID_IDENTIFIER, NOTHING_GIVEN -> 422;
            case NOT_FOUND -> 404;
            case LOOKUPS_OFF -> 503;
            case TIMED_OUT -> 504;
            case UNREACHABLE, SERVICE_ERROR, MALFORMED_ANSWER -> 502;
        };
    }

    private static void send(Context ctx, int status, FormattedReference answer) {
        JsonAnswers.send(ctx, status, answer);
    }
}
