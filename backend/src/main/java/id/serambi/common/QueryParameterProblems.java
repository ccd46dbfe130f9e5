package id.serambi.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A query parameter that JAX-RS could not convert (page=abc, size=99999999999, status=LOST for an enum, a bad date)
 * is a 400 naming the parameter. JAX-RS itself answers such a query or path parameter with a 404 ("No resource"),
 * which misleads clients; a path that does not convert (/api/events/abc) still names no resource and stays a 404.
 */
final class QueryParameterProblems {

    private QueryParameterProblems() {
    }

    /** The 400 for the query parameter whose value failed to convert with {@code failure}, or null if none did. */
    static Response of(Throwable failure, HttpServerRequest request) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        Map.Entry<String, String> culprit = null;
        Iterable<Map.Entry<String, String>> params;
        try {
            params = request.params();
        } catch (RuntimeException undecodable) {
            return null; // a query string that cannot be decoded: the caller keeps JAX-RS's answer
        }
        for (Map.Entry<String, String> param : params) {
            String value = param.getValue();
            if (value == null) {
                continue;
            }
            if (message.contains("\"" + value + "\"")) {
                culprit = param;
                break;
            }
            if (!value.isEmpty() && message.contains(value)
                    && (culprit == null || value.length() > culprit.getValue().length())) {
                culprit = param;
            }
        }
        if (culprit == null) {
            return null;
        }
        String problem = describe(failure, message, culprit.getValue());
        return ProblemResponses.response(400, "validation", "Invalid request", culprit.getKey() + ": " + problem,
                request.path(), List.of(new Problem.FieldError(culprit.getKey(), problem)), Map.of());
    }

    private static String describe(Throwable failure, String message, String value) {
        if (failure instanceof NumberFormatException) {
            return "must be a whole number within range";
        }
        String prefix = "No enum constant ";
        if (message.startsWith(prefix) && message.endsWith("." + value)) {
            String type = message.substring(prefix.length(), message.length() - value.length() - 1);
            try {
                Class<?> enumType = Class.forName(type, false, Thread.currentThread().getContextClassLoader());
                if (enumType.isEnum()) {
                    return "must be one of " + Arrays.stream(enumType.getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // fall through to the general message
            }
        }
        return "has the wrong type or format";
    }
}
