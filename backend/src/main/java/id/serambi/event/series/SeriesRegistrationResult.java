package id.serambi.event.series;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a registration for a whole series: the sessions registered for, which are public facts. As for one
 * event, the statuses and manage links go to the address by e-mail, so the answer tells nobody who is registered.
 */
@Schema(name = "SeriesRegistrationResult", description = "Registration for every open session received; one e-mail "
        + "lists each session with its status (confirmed or waitlisted) and its own manage link.")
public record SeriesRegistrationResult(
        @Schema(examples = "3") long seriesId,
        @Schema(description = "The address the confirmation was sent to", examples = "siti@example.id") String email,
        @Schema(description = "The sessions registered for, in date order") List<Session> sessions,
        @Schema(description = "Always true: an e-mail with the manage links is on its way", examples = "true") boolean emailSent) {

    @Schema(name = "SeriesRegistrationSession")
    public record Session(@Schema(examples = "12") long eventId,
            @Schema(examples = "2026-12-12T07:00:00.000Z") Instant startsAt) {
    }
}
