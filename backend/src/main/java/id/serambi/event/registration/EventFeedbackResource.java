package id.serambi.event.registration;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patrons' feedback on an event, for staff. */
@Path("/events/{id}/feedback")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class EventFeedbackResource {

    private final RegistrationService registrations;

    public EventFeedbackResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GET
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "listEventFeedback", summary = "Patrons' ratings and comments for an event, newest first, with the average (staff)")
    @APIResponse(responseCode = "200", description = "The feedback", content = @Content(schema = @Schema(implementation = FeedbackSummary.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FeedbackSummary> feedback(@PathParam("id") long id) {
        return registrations.feedbackOf(id);
    }
}
