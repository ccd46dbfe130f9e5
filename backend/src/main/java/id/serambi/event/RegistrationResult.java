package id.serambi.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a registration. */
@Schema(name = "RegistrationResult")
public record RegistrationResult(
        @Schema(examples = "311") long id,
        @Schema(examples = "12") long eventId,
        @Schema(examples = "CONFIRMED") RegistrationStatus status,
        @Schema(description = "1 for the first in line; null unless WAITLISTED", examples = "3") Integer waitlistPosition,
        @Schema(description = "The secret that opens /api/registrations/{manageToken}. Returned once, on creation, "
                + "and e-mailed. Null when this e-mail was already registered: a new token is then e-mailed to that "
                + "address only, so knowing someone's e-mail does not give control of their registration.",
                examples = "tD3v2gQz0Qm1yq0n8mX5mJb8yJ9v6oV1xHk2fQp7a4E") String manageToken) {
}
