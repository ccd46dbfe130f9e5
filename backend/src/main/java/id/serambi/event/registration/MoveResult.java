package id.serambi.event.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What moving an event's registrants to another event did. */
@Schema(name = "MoveResult")
public record MoveResult(
        @Schema(description = "New registrations made in the target event", examples = "30") int moved,
        @Schema(examples = "25") int confirmed,
        @Schema(examples = "5") int waitlisted,
        @Schema(description = "Patrons who were already registered for the target", examples = "1") int alreadyRegistered) {
}
