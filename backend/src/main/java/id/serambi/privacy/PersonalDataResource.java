package id.serambi.privacy;

import id.serambi.common.Caller;
import id.serambi.common.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's own personal data (UU PDP): export and erasure, beside the rest of {@code /me}. */
@Path("/me")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PersonalDataResource {

    private final PersonalData personalData;
    private final Caller.Resolver callers;

    public PersonalDataResource(PersonalData personalData, Caller.Resolver callers) {
        this.personalData = personalData;
        this.callers = callers;
    }

    @GET
    @Path("/export")
    @Operation(summary = "All my personal data as one JSON document (UU PDP)")
    @APIResponse(responseCode = "200", description = "My data: account, challenges with reading logs, event registrations")
    public Uni<Response> export() {
        return personalData.export(callers.userId()).map(json -> Response.ok(json, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"serambi-data-saya.json\"").build());
    }

    @DELETE
    @Operation(summary = "Erase my account and personal data (UU PDP); my reading totals stay, anonymous")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "409", description = "The only admin cannot erase themselves", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> erase() {
        return personalData.erase(callers.userId()).map(v -> Response.noContent().build());
    }
}
