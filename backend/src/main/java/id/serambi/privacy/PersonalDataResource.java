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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
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
    @Operation(operationId = "exportMyData", summary = "All my personal data as one JSON document (UU PDP)",
            description = "One object with `exportedAt` and a member for each part of Serambi that holds data about me "
                    + "(account, challenges with their reading logs and codes, event registrations once my e-mail is "
                    + "verified, notifications, ...). A part holding nothing about me may be left out. Every timestamp "
                    + "in it is in the API's one format (`2026-12-05T03:00:00.000Z`); dates stay `YYYY-MM-DD`.")
    @APIResponse(responseCode = "200", description = "My data, as a download",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"serambi-data-saya.json\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(name = "PersonalDataExport",
                    type = SchemaType.OBJECT, requiredProperties = "exportedAt",
                    description = "Every part of Serambi that holds data about the member, by name, beside exportedAt",
                    properties = @SchemaProperty(name = "exportedAt", type = SchemaType.STRING, format = "date-time",
                            examples = "2026-12-05T03:00:00.000Z"),
                    additionalProperties = Schema.True.class)))
    public Uni<Response> export() {
        return personalData.export(callers.userId()).map(json -> Response.ok(json, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"serambi-data-saya.json\"").build());
    }

    @DELETE
    @Operation(operationId = "deleteMe", summary = "Erase my account and personal data (UU PDP); my reading totals stay, anonymous",
            description = "Every part of Serambi erases what it holds about me; my reading logs and totals stay, "
                    + "anonymous and hidden from the boards. Every token I hold stops working.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "409", description = "The only admin cannot erase themselves", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> erase() {
        return personalData.erase(callers.userId()).map(v -> Response.noContent().build());
    }
}
