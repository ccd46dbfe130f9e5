package id.serambi.common;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

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
}
