package id.serambi.account;

import id.serambi.common.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

    public MeResource(AccountService accounts, JsonWebToken jwt) {
        this.accounts = accounts;
        this.jwt = jwt;
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

    private long callerId() {
        return Long.parseLong(jwt.getSubject());
    }
}
