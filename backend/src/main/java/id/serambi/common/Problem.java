package id.serambi.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the body of every error Serambi returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", requiredProperties = { "type", "title", "status" }, description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(description = "Stable URI naming the kind of problem", examples = "https://serambi.id/problems/validation")
        String type,
        @Schema(description = "Short, stable summary of the kind of problem", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", examples = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence", examples = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path", examples = "/api/auth/register")
        String instance,
        @Schema(description = "Field errors, present on validation failures")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://serambi.id/problems/";

    @Schema(name = "FieldError", requiredProperties = { "field", "message" })
    public record FieldError(
            @Schema(examples = "password") String field,
            @Schema(examples = "size must be between 10 and 200") String message) {
    }
}
