package id.serambi.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** Builds problem+json responses; shared by the JAX-RS exception mappers and the Vert.x fallback routes. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Problem problem(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance, errors);
    }

    public static Response response(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem(status, slug, title, detail, instance, errors));
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response response(int status, String slug, String title, String detail, String instance) {
        return response(status, slug, title, detail, instance, null, Map.of());
    }

    /**
     * For a Server-Sent Events endpoint, which commits 200 as soon as its stream starts: checks the path's {id} first.
     * A malformed id, or the ProblemException the check fails with, is answered as a problem; null lets the stream
     * start.
     */
    public static Uni<Response> beforeStream(UriInfo uri, HttpServerRequest request, LongFunction<Uni<?>> check) {
        long id;
        try {
            id = Long.parseLong(uri.getPathParameters().getFirst("id"));
        } catch (NumberFormatException e) {
            return Uni.createFrom().item(response(404, "not-found", "Not found", "No resource at " + request.path(),
                    request.path()));
        }
        return beforeStream(request, check.apply(id));
    }

    /**
     * The same for a check of any kind: the ProblemException it fails with (its headers too, e.g. a 429's Retry-After)
     * is answered as a problem; null lets the stream start.
     */
    public static Uni<Response> beforeStream(HttpServerRequest request, Uni<?> check) {
        return check.replaceWith((Response) null).onFailure(ProblemException.class).recoverWithItem(e -> {
            ProblemException problem = (ProblemException) e;
            return response(problem.status(), problem.slug(), problem.title(), problem.getMessage(), request.path(), null,
                    problem.headers() == null ? Map.of() : problem.headers());
        });
    }
}
