package id.serambi.account;

import id.serambi.common.Problem;
import id.serambi.privacy.PersonalData;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.core.Response;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final AccountService accounts;
    private final JsonWebToken jwt;
    private final PersonalData personalData;

    public MeResource(AccountService accounts, JsonWebToken jwt, PersonalData personalData) {
        this.accounts = accounts;
        this.jwt = jwt;
        this.personalData = personalData;
    }

    @GET
    @Operation(summary = "The caller's own account")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<UserDto> me() {
        return accounts.get(callerId()).map(UserDto::of);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's name, birth year or password")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "rename", value = "{\"displayName\":\"Sari R.\"}"),
            @ExampleObject(name = "password", value = "{\"currentPassword\":\"buku-itu-jendela\",\"newPassword\":\"membaca-setiap-hari\"}") }))
    @APIResponse(responseCode = "200", description = "The updated account", content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or wrong current password", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UserDto> update(@Valid @NotNull AuthRequests.UpdateMe body) {
        return accounts.updateMe(callerId(), body).map(UserDto::of);
    }

    @GET
    @Path("/export")
    @Operation(summary = "All my personal data as one JSON document (UU PDP)")
    @APIResponse(responseCode = "200", description = "My data: account, challenges with reading logs, event registrations")
    public Uni<Response> export() {
        return personalData.export(callerId()).map(json -> Response.ok(json, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"serambi-data-saya.json\"").build());
    }

    @DELETE
    @Operation(summary = "Erase my account and personal data (UU PDP); my reading totals stay, anonymous")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "409", description = "The only admin cannot erase themselves", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> erase() {
        return personalData.erase(callerId()).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/logout-everywhere")
    @Operation(summary = "Log out everywhere: every token issued to me so far stops working, this one included",
            description = "Within a second on every instance. A role change, a password change and erasure do the same.")
    @APIResponse(responseCode = "204", description = "Every earlier token revoked; log in again")
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> logoutEverywhere() {
        return accounts.revokeTokens(callerId()).map(v -> Response.noContent().build());
    }

    private long callerId() {
        return Long.parseLong(jwt.getSubject());
    }
}
