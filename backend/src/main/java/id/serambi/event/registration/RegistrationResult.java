package id.serambi.event.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a registration: the same for a new registration and for an e-mail that was already registered, so
 * that it tells nobody who is registered. The status, the join URL and the manage link go to the address by e-mail.
 */
@Schema(name = "RegistrationResult", description = "Registration received. The same answer whether or not this e-mail "
        + "was already registered: the confirmation (status, join URL and the manage link) is e-mailed to the address.")
public record RegistrationResult(
        @Schema(examples = "12") long eventId,
        @Schema(description = "The address the confirmation was sent to", examples = "siti@example.id") String email,
        @Schema(description = "Always true: an e-mail with the manage link is on its way", examples = "true") boolean emailSent) {
}
