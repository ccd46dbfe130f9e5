package id.serambi.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure that reaches the REST layer into RFC 9457 problem+json. No stack trace leaves the server. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return ProblemResponses.response(e.status(), e.slug(), e.title(), e.getMessage(), request.path(), e.errors(),
                e.headers());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: "
                        + errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return ProblemResponses.response(400, "validation", "Invalid request", detail, request.path(), errors, Map.of());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof NulCharacters.NulInString) {
                message = NulCharacters.MESSAGE;
            } else if (e.getCause() instanceof InputCoercionException || e instanceof InputCoercionException) {
                message = "is out of range";
            } else {
                message = "has the wrong type or format"
                        + (e instanceof MismatchedInputException mismatch ? expectedType(mismatch) : "");
            }
            return ProblemResponses.response(400, "validation", "Invalid request", field + ": " + message,
                    request.path(), List.of(new Problem.FieldError(field, message)), Map.of());
        }
        if (e instanceof InputCoercionException) {
            return ProblemResponses.response(400, "validation", "Invalid request",
                    "A number in the request body is out of range", request.path());
        }
        if (e instanceof MismatchedInputException) {
            return ProblemResponses.response(400, "malformed-json", "Malformed JSON body",
                    "The request body has the wrong shape: expected a JSON object", request.path());
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return ProblemResponses.response(400, "malformed-json", "Malformed JSON body",
                "The request body is not valid JSON" + where, request.path());
    }

    /** Quarkus has built-in mappers for these that answer with an empty body: ours win for the exact types. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpServerRequest request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, HttpServerRequest request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return ProblemResponses.response(403, "forbidden", "Forbidden",
                "Your role does not allow this operation", request.path());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            Response badParameter = QueryParameterProblems.of(e.getCause(), request);
            if (badParameter != null) {
                return badParameter;
            }
        }
        return switch (status) {
            case 400 -> ProblemResponses.response(400, "bad-request", "Bad request", safeMessage(e,
                    "The request could not be understood"), request.path());
            case 404 -> ProblemResponses.response(404, "not-found", "Not found",
                    "No resource at " + request.path(), request.path());
            case 405 -> ProblemResponses.response(405, "method-not-allowed", "Method not allowed",
                    request.method() + " is not allowed on " + request.path(), request.path());
            case 406 -> ProblemResponses.response(406, "not-acceptable", "Not acceptable",
                    "This resource cannot produce the media type in the Accept header", request.path());
            case 413 -> ProblemResponses.response(413, "payload-too-large", "Payload too large",
                    "The request body is too large", request.path());
            case 415 -> ProblemResponses.response(415, "unsupported-media-type", "Unsupported media type",
                    "Content-Type " + request.getHeader("Content-Type") + " is not supported here", request.path());
            default -> {
                if (status >= 500) {
                    LOG.error("Server error on " + request.method() + " " + request.path(), e);
                    yield internal(request);
                }
                yield ProblemResponses.response(status, "http-" + status, Response.Status.fromStatusCode(status) == null
                        ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                        safeMessage(e, "The request failed"), request.path());
            }
        };
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("Database unavailable on %s %s: %s", request.method(), request.path(), e.getMessage());
            return DatabaseUnavailable.response(request.path());
        }
        Response refused = DatabaseProblems.of(e, request.method().name(), request.path());
        if (refused != null) {
            return refused;
        }
        if (e instanceof java.io.IOException && String.valueOf(e.getMessage()).contains("multipart")) {
            return ProblemResponses.response(400, "malformed-multipart", "Malformed multipart body",
                    "The multipart/form-data body ended before its closing boundary", request.path());
        }
        LOG.error("Unexpected error on " + request.method() + " " + request.path(), e);
        return internal(request);
    }

    private static Response internal(HttpServerRequest request) {
        return ProblemResponses.response(500, "internal", "Internal error",
                "Something went wrong on our side; it has been logged", request.path());
    }

    private static Response unauthenticated(HttpServerRequest request) {
        Response response = ProblemResponses.response(401, "unauthenticated", "Authentication required",
                "Log in and send the token as 'Authorization: Bearer <token>'", request.path());
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    private static String safeMessage(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ") || message.contains("Exception")) {
            return fallback;
        }
        return message;
    }

    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            // Bean Validation puts a list element's index on the node after the list: sections, questions[0], key[1]
            // is sections[0].questions[1].key.
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex() == null ? node.getKey() : node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.isEmpty()) {
            // A violation on a parameter itself: a query or path parameter, or a missing body.
            String last = null;
            for (Path.Node node : violation.getPropertyPath()) {
                last = node.getName();
            }
            return last == null ? "body" : last;
        }
        return field.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String expectedType(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        if (target.isEnum()) {
            Object[] constants = target.getEnumConstants();
            return " (expected one of " + java.util.Arrays.stream(constants).map(Object::toString)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return " (expected a number)";
        }
        if (target == String.class) {
            return " (expected a string)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return " (expected true or false)";
        }
        return "";
    }
}
