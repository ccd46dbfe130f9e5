package id.serambi.event.catalogue;

import id.serambi.common.Audience;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of PATCH /api/events/{id} as the OpenAPI document describes it: an RFC 7396 merge patch of
 * {@link EventRequest}. Every property is optional; one that is present replaces the event's value, and null clears
 * an optional value (capacity, registration window). The resource reads the body as JSON to tell a missing property
 * from a null one ({@code EventService.patch}); this record only documents it, with the same rules as EventRequest.
 */
@Schema(name = "EventPatch", description = "RFC 7396 merge patch of an event: only the properties present change; "
        + "null clears capacity (unlimited) or a registration bound. The merged event must pass the same rules as a "
        + "PUT; an unknown property is a 400.")
public record EventPatch(
        @Schema(minLength = 1, maxLength = 200, examples = "Diskusi Buku: Laskar Pelangi") String title,
        @Schema(maxLength = 10000) String description,
        @Schema(examples = "BOOK_DISCUSSION") EventType type,
        @Schema(examples = "ALL") Audience audience,
        @Schema(description = "BCP 47 language tag", pattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", examples = "id")
        String language,
        @Schema(examples = "2026-12-05T11:00:00.000Z") Instant startsAt,
        @Schema(examples = "2026-12-05T12:30:00.000Z") Instant endsAt,
        @Schema(examples = "ZOOM") Platform platform,
        @Schema(description = "http or https", minLength = 1, maxLength = 2000, examples = "https://zoom.us/j/81234567890")
        String joinUrl,
        @Schema(nullable = true, minimum = "1", maximum = "100000",
                description = "Seats; null makes it unlimited. Not below the seats already taken; raising it promotes "
                        + "the waitlist", examples = "80") Integer capacity,
        @Schema(nullable = true, description = "Null: open as soon as published", examples = "2026-11-25T00:00:00.000Z")
        Instant registrationOpensAt,
        @Schema(nullable = true, description = "Null: open until the event ends", examples = "2026-12-05T10:00:00.000Z")
        Instant registrationClosesAt,
        @Schema(nullable = true, description = EventRequest.FEEDBACK_SURVEY, examples = "4") Long feedbackSurveyId) {
}
