package id.serambi.assistant.settings;

import id.serambi.account.Role;
import id.serambi.common.IfMatch;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/assistant/settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Tanya Perpustakaan", description = "The FAQ assistant: answers from the knowledge base, or hands the question to a librarian")
public class AssistantSettingsResource {

    static final String EXAMPLE = """
            {"whatsappAutoAnswer":true,"updatedAt":"2026-12-04T02:00:00.000Z","version":3}""";
    static final String STALE = """
            {"type":"https://serambi.id/problems/stale-version","title":"Changed by someone else","status":412,\
            "detail":"Assistant settings 1 is at version 4 but you edited version 3; reload it and apply your changes again"}""";
    static final String INVALID = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"whatsappAutoAnswer: must not be null","errors":[{"field":"whatsappAutoAnswer","message":"must not be null"}]}""";

    private final AssistantSettingsService settings;

    public AssistantSettingsResource(AssistantSettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Operation(operationId = "getAssistantSettings", summary = "Tanya Perpustakaan's switches (staff); the ETag is their version")
    @APIResponse(responseCode = "200", description = "The settings", headers = @Header(name = "ETag", description = "The version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = AssistantSettingsDtos.View.class),
                    examples = @ExampleObject(name = "on", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get() {
        return settings.get().map(AssistantSettingsResource::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAssistantSettings", summary = "Switch Tanya Perpustakaan's WhatsApp answers on or off (staff); "
            + "send the version you read as If-Match",
            description = "On: each new WhatsApp text message (not a repeated delivery, not BERHENTI/STOP/MULAI/START, not from a "
                    + "number that opted out) is answered at once when an entry matches it confidently, and the thread is set DONE "
                    + "unless someone is assigned to it; otherwise the number gets, once a day per thread, a short message that a "
                    + "librarian will reply, and the thread stays open. Both are stored in the thread as automatic messages. "
                    + "Off (the default): nothing is sent without staff.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "on", value = "{\"whatsappAutoAnswer\":true}")))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = "The new version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = AssistantSettingsDtos.View.class),
                    examples = @ExampleObject(name = "on", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing or malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = INVALID)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", headers = @Header(name = "ETag", description = "The current version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull AssistantSettingsDtos.Request body) {
        return settings.update(IfMatch.version(ifMatch), body).map(AssistantSettingsResource::ok);
    }

    private static Response ok(AssistantSettingsDtos.View view) {
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }
}
